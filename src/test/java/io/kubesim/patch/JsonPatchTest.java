package io.kubesim.patch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import java.util.stream.Stream;

import static io.kubesim.patch.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class JsonPatchTest {

    static Stream<Arguments> successes() {
        return Stream.of(
                arguments("A.1 add an object member", "{'foo':'bar'}",
                        "[{'op':'add','path':'/baz','value':'qux'}]", "{'baz':'qux','foo':'bar'}"),
                arguments("A.2 add an array element", "{'foo':['bar','baz']}",
                        "[{'op':'add','path':'/foo/1','value':'qux'}]", "{'foo':['bar','qux','baz']}"),
                arguments("A.3 remove an object member", "{'baz':'qux','foo':'bar'}",
                        "[{'op':'remove','path':'/baz'}]", "{'foo':'bar'}"),
                arguments("A.4 remove an array element", "{'foo':['bar','qux','baz']}",
                        "[{'op':'remove','path':'/foo/1'}]", "{'foo':['bar','baz']}"),
                arguments("A.5 replace a value", "{'baz':'qux','foo':'bar'}",
                        "[{'op':'replace','path':'/baz','value':'boo'}]", "{'baz':'boo','foo':'bar'}"),
                arguments("A.6 move a value", "{'foo':{'bar':'baz','waldo':'fred'},'qux':{'corge':'grault'}}",
                        "[{'op':'move','from':'/foo/waldo','path':'/qux/thud'}]",
                        "{'foo':{'bar':'baz'},'qux':{'corge':'grault','thud':'fred'}}"),
                arguments("A.7 move an array element", "{'foo':['all','grass','cows','eat']}",
                        "[{'op':'move','from':'/foo/1','path':'/foo/3'}]", "{'foo':['all','cows','eat','grass']}"),
                arguments("A.8 test a value", "{'baz':'qux','foo':['a',2,'c']}",
                        "[{'op':'test','path':'/baz','value':'qux'},{'op':'test','path':'/foo/1','value':2}]",
                        "{'baz':'qux','foo':['a',2,'c']}"),
                arguments("A.10 add a nested member object", "{'foo':'bar'}",
                        "[{'op':'add','path':'/child','value':{'grandchild':{}}}]",
                        "{'foo':'bar','child':{'grandchild':{}}}"),
                arguments("A.11 ignore unrecognized members", "{'foo':'bar'}",
                        "[{'op':'add','path':'/baz','value':'qux','xyz':123}]", "{'foo':'bar','baz':'qux'}"),
                arguments("A.14 ~0 before ~1 when unescaping", "{'/':9,'~1':10}",
                        "[{'op':'test','path':'/~01','value':10}]", "{'/':9,'~1':10}"),
                arguments("A.16 add an array value", "{'foo':['bar']}",
                        "[{'op':'add','path':'/foo/-','value':['abc','def']}]", "{'foo':['bar',['abc','def']]}"),
                arguments("~1 in a label key containing /", "{'metadata':{'labels':{'a':'1'}}}",
                        "[{'op':'add','path':'/metadata/labels/app.kubernetes.io~1name','value':'web'}]",
                        "{'metadata':{'labels':{'a':'1','app.kubernetes.io/name':'web'}}}"),
                arguments("~0 in a key", "{'a~b':1}", "[{'op':'replace','path':'/a~0b','value':2}]", "{'a~b':2}"),
                arguments("~ and / in one key, moved", "{'x':{'~1/a':1}}",
                        "[{'op':'move','from':'/x/~01~1a','path':'/x/~0~01'}]", "{'x':{'~~1':1}}"),
                arguments("add at index == size appends", "{'a':[1,2]}",
                        "[{'op':'add','path':'/a/2','value':3}]", "{'a':[1,2,3]}"),
                arguments("add replaces an existing member", "{'a':1}",
                        "[{'op':'add','path':'/a','value':{'b':2}}]", "{'a':{'b':2}}"),
                arguments("copy an object, then change the copy", "{'a':{'x':1}}",
                        "[{'op':'copy','from':'/a','path':'/b'},{'op':'replace','path':'/b/x','value':2}]",
                        "{'a':{'x':1},'b':{'x':2}}"),
                arguments("copy an array element", "{'a':[1,2],'b':[]}",
                        "[{'op':'copy','from':'/a/1','path':'/b/-'}]", "{'a':[1,2],'b':[2]}"),
                arguments("test an object deeply", "{'a':{'b':[1,{'c':true}]}}",
                        "[{'op':'test','path':'/a','value':{'b':[1,{'c':true}]}}]", "{'a':{'b':[1,{'c':true}]}}"),
                arguments("add without value writes null, as evanphx v4", "{'a':1}",
                        "[{'op':'add','path':'/b'}]", "{'a':1,'b':null}"),
                arguments("kubectl-style resourceVersion guard then replace",
                        "{'metadata':{'resourceVersion':'7'},'spec':{'replicas':1}}",
                        "[{'op':'test','path':'/metadata/resourceVersion','value':'7'},"
                                + "{'op':'replace','path':'/spec/replicas','value':3}]",
                        "{'metadata':{'resourceVersion':'7'},'spec':{'replicas':3}}"),
                arguments("null body is an empty patch", "{'a':1}", "null", "{'a':1}"),
                arguments("empty array is an empty patch", "{'a':1}", "[]", "{'a':1}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("successes")
    void appliesVector(String name, String document, String patch, String expected) throws PatchException {
        assertThat(JsonPatch.apply(json(document), json(patch))).isEqualTo(json(expected));
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                arguments("A.9 failed test", "{'baz':'qux'}", "[{'op':'test','path':'/baz','value':'bar'}]"),
                arguments("A.12 add to a nonexistent target", "{'foo':'bar'}",
                        "[{'op':'add','path':'/baz/bat','value':'qux'}]"),
                arguments("A.15 string is not number", "{'/':9,'~1':10}",
                        "[{'op':'test','path':'/~01','value':'10'}]"),
                arguments("test 1 against 1.0", "{'a':1}", "[{'op':'test','path':'/a','value':1.0}]"),
                arguments("remove a missing member", "{'a':1}", "[{'op':'remove','path':'/nope'}]"),
                arguments("remove of /arr/-", "{'a':[1]}", "[{'op':'remove','path':'/a/-'}]"),
                arguments("replace a missing member", "{'a':1}", "[{'op':'replace','path':'/b','value':2}]"),
                arguments("add out of bounds", "{'a':[1,2]}", "[{'op':'add','path':'/a/5','value':3}]"),
                arguments("remove out of bounds", "{'a':[1,2]}", "[{'op':'remove','path':'/a/2'}]"),
                arguments("leading-zero index is refused (RFC 6901)", "{'a':[1,2]}",
                        "[{'op':'replace','path':'/a/01','value':9}]"),
                arguments("negative index is refused", "{'a':[1,2]}", "[{'op':'remove','path':'/a/-1'}]"),
                arguments("move from a missing member", "{'a':1}", "[{'op':'move','from':'/b','path':'/c'}]"),
                arguments("move into its own child", "{'a':{'b':{}}}", "[{'op':'move','from':'/a','path':'/a/b/c'}]"),
                arguments("unknown op", "{'a':1}", "[{'op':'frobnicate','path':'/a'}]"),
                arguments("missing op", "{'a':1}", "[{'path':'/a','value':1}]"),
                arguments("null operation", "{'a':1}", "[null]"),
                arguments("root path", "{'a':1}", "[{'op':'replace','path':'','value':{}}]"),
                arguments("path without leading slash", "{'a':1}", "[{'op':'replace','path':'a','value':2}]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void failsWithGenericInvalid(String name, String document, String patch) {
        assertThatThrownBy(() -> JsonPatch.apply(json(document), json(patch)))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.category()).isEqualTo(PatchException.Category.INVALID);
                    assertThat(e.httpStatus()).isEqualTo(422);
                    assertThat(e.statusMessage())
                            .isEqualTo("the server rejected our request due to an error in our request");
                    assertThat(e.detail()).isNotBlank();
                });
    }

    @Test
    void failureInTheMiddleLeavesNothingApplied() {
        JsonNode document = json("{'a':1,'b':[1]}");
        JsonNode before = document.deepCopy();
        assertThatThrownBy(() -> JsonPatch.apply(document, json(
                "[{'op':'replace','path':'/a','value':2},{'op':'test','path':'/b/0','value':5},"
                        + "{'op':'add','path':'/c','value':3}]")))
                .isInstanceOf(PatchException.class);
        assertThat(document).isEqualTo(before);
    }

    @Test
    void neverMutatesItsInputs() throws PatchException {
        JsonNode document = json("{'a':{'b':[1,2]}}");
        JsonNode patch = json("[{'op':'add','path':'/a/b/-','value':3},{'op':'move','from':'/a/b','path':'/c'}]");
        JsonNode documentBefore = document.deepCopy();
        JsonNode patchBefore = patch.deepCopy();
        assertThat(JsonPatch.apply(document, patch)).isEqualTo(json("{'a':{},'c':[1,2,3]}"));
        assertThat(document).isEqualTo(documentBefore);
        assertThat(patch).isEqualTo(patchBefore);
    }

    @Test
    void moreThanTenThousandOperationsIsTooLarge() {
        ArrayNode patch = Directives.NODES.arrayNode();
        for (int i = 0; i < 10_001; i++) {
            patch.add(json("{'op':'test','path':'/a','value':1}"));
        }
        assertThatThrownBy(() -> JsonPatch.apply(json("{'a':1}"), patch))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.category()).isEqualTo(PatchException.Category.TOO_LARGE);
                    assertThat(e.httpStatus()).isEqualTo(413);
                    assertThat(e.getMessage())
                            .isEqualTo("The allowed maximum operations in a JSON patch is 10000, got 10001");
                    assertThat(e.statusMessage()).isEqualTo(
                            "Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001");
                });
    }

    @Test
    void exactlyTenThousandOperationsAreAllowed() throws PatchException {
        ArrayNode patch = Directives.NODES.arrayNode();
        for (int i = 0; i < 10_000; i++) {
            patch.add(json("{'op':'test','path':'/a','value':1}"));
        }
        assertThat(JsonPatch.apply(json("{'a':1}"), patch)).isEqualTo(json("{'a':1}"));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("{'op':'add'}", "error decoding patch: json: cannot unmarshal object into Go value of type "
                        + "[]handlers.jsonPatchOp"),
                arguments("'add'", "error decoding patch: json: cannot unmarshal string into Go value of type "
                        + "[]handlers.jsonPatchOp"),
                arguments("[1]", "error decoding patch: json: cannot unmarshal number into Go value of type "
                        + "handlers.jsonPatchOp"),
                arguments("[[]]", "error decoding patch: json: cannot unmarshal array into Go value of type "
                        + "handlers.jsonPatchOp"),
                arguments("[{'op':1,'path':'/a'}]", "error decoding patch: json: cannot unmarshal number into Go "
                        + "struct field jsonPatchOp.op of type string"),
                arguments("[{'op':'add','path':{'x':1}}]", "error decoding patch: json: cannot unmarshal object into "
                        + "Go struct field jsonPatchOp.path of type string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedBodyIsBadRequest(String patch, String message) {
        assertThatThrownBy(() -> JsonPatch.apply(json("{'a':1}"), json(patch)))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.category()).isEqualTo(PatchException.Category.BAD_REQUEST);
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.statusMessage()).isEqualTo(message);
                });
    }
}
