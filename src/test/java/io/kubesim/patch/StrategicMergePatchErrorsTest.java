package io.kubesim.patch;

import io.kubesim.patch.PatchException.Category;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Failures with apimachinery's texts and the HTTP category {@code handlers/patch.go} gives them. */
class StrategicMergePatchErrorsTest {

    private static final String POD = "{'metadata':{'name':'p','labels':{'l':'v'},'finalizers':['x']},'spec':{'containers':[{'name':'a','image':'i'}]}}";

    static Stream<Arguments> failures() {
        return Stream.of(
                arguments("array body", "['x']", Category.BAD_REQUEST,
                        "json: cannot unmarshal array into Go value of type map[string]interface {}"),
                arguments("string body", "'x'", Category.BAD_REQUEST,
                        "json: cannot unmarshal string into Go value of type map[string]interface {}"),
                arguments("$retainKeys not a list", "{'spec':{'$retainKeys':'a'}}", Category.BAD_REQUEST,
                        "invalid patch format of retainKeys"),
                arguments("patch key outside $retainKeys", "{'spec':{'$retainKeys':['a'],'b':1}}", Category.BAD_REQUEST,
                        "invalid patch format of retainKeys"),
                arguments("$deleteFromPrimitiveList without slash", "{'metadata':{'$deleteFromPrimitiveListfinalizers':['x']}}",
                        Category.BAD_REQUEST, "invalid patch format of primitive list"),
                arguments("$setElementOrder without slash", "{'spec':{'$setElementOrder':[]}}", Category.BAD_REQUEST,
                        "invalid patch format of setElementOrder list"),
                arguments("list of lists", "{'metadata':{'finalizers':[['y']]}}", Category.INTERNAL,
                        "list element types are not identical: [[x] [[y]]]"),
                arguments("missing merge key", "{'spec':{'containers':[{'image':'x'}]}}", Category.INTERNAL,
                        "map: map[image:x] does not contain declared merge key: name"),
                arguments("delete without merge key", "{'spec':{'containers':[{'$patch':'delete'}]}}", Category.INTERNAL,
                        "map: map[$patch:delete] does not contain declared merge key: name"),
                arguments("$patch: merge on a map", "{'metadata':{'labels':{'$patch':'merge','a':'b'}}}", Category.INTERNAL,
                        "unknown patch type: merge in map: map[$patch:merge a:b]"),
                arguments("$patch: merge in a list", "{'spec':{'containers':[{'$patch':'merge','name':'a'}]}}",
                        Category.INTERNAL, "merging lists cannot yet be specified in the patch"),
                arguments("unknown $patch in a list", "{'spec':{'containers':[{'$patch':'frob','name':'a'}]}}",
                        Category.INTERNAL, "unknown patch type: frob in map: map[$patch:frob name:a]"),
                arguments("non-string $patch", "{'spec':{'$patch':1}}", Category.INTERNAL,
                        "unknown patch type: %!s(int64=1) in map: map[$patch:1]"),
                arguments("mixed element types", "{'metadata':{'finalizers':[1.5]}}", Category.INTERNAL,
                        "list element types are not identical: [[x] [1.5]]"),
                arguments("null after a string", "{'metadata':{'finalizers':[null]}}", Category.INTERNAL,
                        "list element types are not identical: [[x] [<nil>]]"),
                arguments("$setElementOrder not a list", "{'spec':{'$setElementOrder/containers':'x'}}", Category.INTERNAL,
                        "expected a []interface {}, but received a string"),
                arguments("$setElementOrder out of step", """
                        {'spec':{'$setElementOrder/containers':[{'name':'a'}],'containers':[{'name':'b','image':'x'}]}}""",
                        Category.INTERNAL, "the order in patch list:\n[map[image:x name:b]]\n doesn't match "
                                + "$setElementOrder list:\n[map[name:a]]"),
                arguments("merged list of maps without a key", "{'metadata':{'finalizers':[{'a':1}]}}", Category.INTERNAL,
                        "list element types are not identical: [[x] [map[a:1]]]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void failsLikeTheApiserver(String name, String patch, Category category, String message) {
        assertThatThrownBy(() -> Smp.pod(POD, patch))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.category()).isEqualTo(category);
                    assertThat(e.statusMessage()).isEqualTo(message);
                });
    }

    static Stream<Arguments> noMergeKey() {
        return Stream.of(
                arguments("v1", "Node", "{'spec':{'podCIDRs':[]}}", "{'spec':{'podCIDRs':[{'cidr':'x'}]}}",
                        "cannot merge lists without merge key for string"),
                arguments("v1", "Pod", "{'spec':{'tolerations':[{'key':'a'}]}}",
                        "{'spec':{'$deleteFromPrimitiveList/tolerations':[{'key':'a'}]}}",
                        "cannot merge lists without merge key for struct"));
    }

    @ParameterizedTest
    @MethodSource("noMergeKey")
    void mapsInAListWithoutMergeKey(String apiVersion, String kind, String original, String patch, String message) {
        assertThatThrownBy(() -> Smp.apply(apiVersion, kind, original, patch))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.category()).isEqualTo(Category.INTERNAL);
                    assertThat(e.statusMessage()).isEqualTo(message);
                });
    }

    static Stream<Arguments> panics() {
        return Stream.of(
                arguments("{'metadata':{'finalizers':[]}}", "{'metadata':{'finalizers':[null,'y']}}"),
                arguments("{'spec':{'tolerations':[{'key':'a'}]}}",
                        "{'spec':{'$setElementOrder/tolerations':[{'key':'a'}]}}"));
    }

    @ParameterizedTest
    @MethodSource("panics")
    void whereGoPanicsTheAnswerIsThePanicFiltersText(String original, String patch) {
        assertThatThrownBy(() -> Smp.pod(original, patch))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.category()).isEqualTo(Category.INTERNAL);
                    assertThat(e.statusMessage())
                            .isEqualTo("This request caused apiserver to panic. Look in the logs for details.");
                    assertThat(e.detail()).startsWith("runtime error: ");
                });
    }

    static Stream<Arguments> listsOfLists() {
        return Stream.of(
                arguments("{'metadata':{'finalizers':[['x']]}}", "{'metadata':{'finalizers':[['y']]}}"),
                arguments("{'metadata':{'finalizers':[]}}", "{'metadata':{'finalizers':[['y']]}}"));
    }

    @ParameterizedTest
    @MethodSource("listsOfLists")
    void listOfListsIsAGeneric422(String original, String patch) {
        assertThatThrownBy(() -> Smp.pod(original, patch))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.category()).isEqualTo(Category.INVALID);
                    assertThat(e.httpStatus()).isEqualTo(422);
                    assertThat(e.statusMessage()).isEqualTo(PatchException.GENERIC_INVALID);
                    assertThat(e.detail()).isEqualTo("lists of lists are not supported");
                });
    }
}
