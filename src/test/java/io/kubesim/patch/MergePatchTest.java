package io.kubesim.patch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static io.kubesim.patch.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MergePatchTest {

    @ParameterizedTest(name = "RFC 7386 A: {0} + {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            {'a':'b'}             | {'a':'c'}                  | {'a':'c'}
            {'a':'b'}             | {'b':'c'}                  | {'a':'b','b':'c'}
            {'a':'b'}             | {'a':null}                 | {}
            {'a':'b','b':'c'}     | {'a':null}                 | {'b':'c'}
            {'a':['b']}           | {'a':'c'}                  | {'a':'c'}
            {'a':'c'}             | {'a':['b']}                | {'a':['b']}
            {'a':{'b':'c'}}       | {'a':{'b':'d','c':null}}   | {'a':{'b':'d'}}
            {'a':[{'b':'c'}]}     | {'a':[1]}                  | {'a':[1]}
            ['a','b']             | ['c','d']                  | ['c','d']
            {'a':'b'}             | ['c']                      | ['c']
            {'a':'foo'}           | null                       | null
            {'a':'foo'}           | 'bar'                      | 'bar'
            {'e':null}            | {'a':1}                    | {'e':null,'a':1}
            [1,2]                 | {'a':'b','c':null}         | {'a':'b'}
            {}                    | {'a':{'bb':{'ccc':null}}}  | {'a':{'bb':{}}}
            {'a':{'b':1}}         | {'a':{'b':null,'c':{'d':null,'e':[null]}}} | {'a':{'c':{'e':[null]}}}
            """)
    void rfcAppendixA(String target, String patch, String expected) {
        assertThat(MergePatch.apply(json(target), json(patch))).isEqualTo(json(expected));
    }

    @Test
    void kubernetesShapedPatchMergesLabelsAndReplacesLists() {
        JsonNode pod = json("{'metadata':{'name':'p','labels':{'a':'1','b':'2'}},"
                + "'spec':{'containers':[{'name':'c','image':'x'},{'name':'d','image':'y'}]}}");
        JsonNode patch = json("{'metadata':{'labels':{'a':null,'c':'3'}},'spec':{'containers':[{'name':'c','image':'z'}]}}");
        assertThat(MergePatch.apply(pod, patch)).isEqualTo(json("{'metadata':{'name':'p','labels':{'b':'2','c':'3'}},"
                + "'spec':{'containers':[{'name':'c','image':'z'}]}}"));
    }

    @Test
    void neverMutatesItsInputs() {
        JsonNode target = json("{'a':{'b':1,'c':[1]},'d':2}");
        JsonNode patch = json("{'a':{'b':null,'e':{'f':1}},'d':null}");
        JsonNode targetBefore = target.deepCopy();
        JsonNode patchBefore = patch.deepCopy();
        JsonNode result = MergePatch.apply(target, patch);
        assertThat(result).isEqualTo(json("{'a':{'c':[1],'e':{'f':1}}}"));
        ((tools.jackson.databind.node.ObjectNode) result.get("a").get("e")).put("g", 2);
        assertThat(target).isEqualTo(targetBefore);
        assertThat(patch).isEqualTo(patchBefore);
    }

    @Test
    void applyToObjectRefusesNullBody() {
        assertThatThrownBy(() -> MergePatch.applyToObject(json("{'a':1}"), json("null")))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.category()).isEqualTo(PatchException.Category.BAD_REQUEST);
                    assertThat(e.statusMessage()).isEqualTo("Invalid JSON Patch");
                });
    }

    @Test
    void applyToObjectRefusesArrayBody() {
        assertThatThrownBy(() -> MergePatch.applyToObject(json("{'a':1}"), json("['c']")))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.category()).isEqualTo(PatchException.Category.BAD_REQUEST);
                    assertThat(e.statusMessage()).isEqualTo("error decoding patch: json: cannot unmarshal array into "
                            + "Go value of type map[string]interface {}");
                });
    }

    @Test
    void applyToObjectMergesObjects() throws PatchException {
        assertThat(MergePatch.applyToObject(json("{'spec':{'replicas':1}}"), json("{'spec':{'replicas':3}}")))
                .isEqualTo(json("{'spec':{'replicas':3}}"));
    }
}
