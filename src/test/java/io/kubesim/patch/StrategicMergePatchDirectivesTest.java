package io.kubesim.patch;

import org.junit.jupiter.api.Test;

import static io.kubesim.patch.Json.json;
import static io.kubesim.patch.Smp.deployment;
import static io.kubesim.patch.Smp.pod;
import static org.assertj.core.api.Assertions.assertThat;

/** Directive semantics, including the corners where apimachinery behaves surprisingly. */
class StrategicMergePatchDirectivesTest {

    @Test
    void replaceDirectiveOnAMap() throws PatchException {
        assertThat(pod("{'metadata':{'name':'p','labels':{'a':'1','b':'2'}}}",
                "{'metadata':{'labels':{'$patch':'replace','x':'y'}}}"))
                .isEqualTo(json("{'metadata':{'name':'p','labels':{'x':'y'}}}"));
    }

    @Test
    void replaceDirectiveInAList() throws PatchException {
        assertThat(pod("{'spec':{'containers':[{'name':'a','image':'1'},{'name':'b','image':'2'}]}}",
                "{'spec':{'containers':[{'$patch':'replace'},{'name':'only','image':'i'}]}}"))
                .isEqualTo(json("{'spec':{'containers':[{'name':'only','image':'i'}]}}"));
    }

    @Test
    void deleteDirectiveOnAMapLeavesAnEmptyMap() throws PatchException {
        assertThat(deployment("{'spec':{'replicas':1,'strategy':{'type':'Recreate'}}}",
                "{'spec':{'strategy':{'$patch':'delete'}}}"))
                .isEqualTo(json("{'spec':{'replicas':1,'strategy':{}}}"));
    }

    @Test
    void replaceDirectiveAtTheTop() throws PatchException {
        assertThat(pod("{'metadata':{'name':'p'},'spec':{'x':1}}", "{'$patch':'replace','metadata':{'name':'q'}}"))
                .isEqualTo(json("{'metadata':{'name':'q'}}"));
    }

    @Test
    void directiveMapLandingOnAMissingFieldIsDropped() throws PatchException {
        assertThat(pod("{'metadata':{'name':'p'}}",
                "{'metadata':{'labels':{'$patch':'replace','a':'1'},'annotations':{'b':'2','c':null}}}"))
                .isEqualTo(json("{'metadata':{'name':'p','annotations':{'b':'2'}}}"));
    }

    @Test
    void deleteElementsInANewListAreDropped() throws PatchException {
        assertThat(pod("{'spec':{'containers':[{'name':'app'}]}}",
                "{'spec':{'initContainers':[{'name':'x','$patch':'delete'},{'name':'y','image':'i'}]}}"))
                .isEqualTo(json("{'spec':{'containers':[{'name':'app'}],'initContainers':[{'name':'y','image':'i'}]}}"));
    }

    @Test
    void directivesInsideAnAppendedElementAreStripped() throws PatchException {
        assertThat(pod("{'spec':{'containers':[{'name':'a','image':'1'}]}}", """
                {'spec':{'containers':[{'name':'b','image':'2','$setElementOrder/env':[{'name':'E'}],
                  'env':[{'name':'E','value':'1'}]}]}}"""))
                .isEqualTo(json("{'spec':{'containers':[{'name':'b','image':'2','env':[{'name':'E','value':'1'}]},"
                        + "{'name':'a','image':'1'}]}}"));
    }

    @Test
    void deleteFromPrimitiveListWorksOnAtomicListsToo() throws PatchException {
        assertThat(pod("{'spec':{'containers':[{'name':'a','args':['--x','--y']}]}}",
                "{'spec':{'containers':[{'name':'a','$deleteFromPrimitiveList/args':['--x']}]}}"))
                .isEqualTo(json("{'spec':{'containers':[{'name':'a','args':['--y']}]}}"));
    }

    @Test
    void deleteFromPrimitiveListOfAMissingListCreatesNothing() throws PatchException {
        assertThat(pod("{'metadata':{'name':'p'}}", "{'metadata':{'$deleteFromPrimitiveList/finalizers':['a']}}"))
                .isEqualTo(json("{'metadata':{'name':'p'}}"));
    }

    @Test
    void aValueOfAnotherTypeReplaces() throws PatchException {
        assertThat(pod("{'spec':{'x':[1,2],'y':{'a':1},'z':'s'}}", "{'spec':{'x':{'a':1},'y':[1],'z':2}}"))
                .isEqualTo(json("{'spec':{'x':{'a':1},'y':[1],'z':2}}"));
    }

    @Test
    void atomicListIsReplacedWithDirectiveElementsEmptied() throws PatchException {
        assertThat(pod("{'spec':{'tolerations':[{'key':'a'}]}}",
                "{'spec':{'tolerations':[{'key':'b'},{'$patch':'replace'}]}}"))
                .isEqualTo(json("{'spec':{'tolerations':[{'key':'b'},{}]}}"));
    }

    @Test
    void setElementOrderReordersWithoutAPatchList() throws PatchException {
        assertThat(pod("{'spec':{'containers':[{'name':'a'},{'name':'b'},{'name':'c'}]}}",
                "{'spec':{'$setElementOrder/containers':[{'name':'c'},{'name':'a'},{'name':'b'}]}}"))
                .isEqualTo(json("{'spec':{'containers':[{'name':'c'},{'name':'a'},{'name':'b'}]}}"));
    }

    @Test
    void serverOnlyItemGoesBeforeALaterListedItemItPrecededOnTheServer() throws PatchException {
        // mergeSortedSlice: "s" was before "b" on the server, so it is emitted before "b"; "a" follows "b" as listed
        assertThat(pod("{'spec':{'containers':[{'name':'a'},{'name':'s'},{'name':'b'}]}}",
                "{'spec':{'$setElementOrder/containers':[{'name':'b'},{'name':'a'}],'containers':[{'name':'b','image':'x'}]}}"))
                .isEqualTo(json("{'spec':{'containers':[{'name':'s'},{'name':'b','image':'x'},{'name':'a'}]}}"));
    }

    @Test
    void nullPatchIsANoOp() throws PatchException {
        assertThat(StrategicMergePatch.apply(json("{'a':1}"), json("null"), KubernetesPatchSchemas.metadataOnly()))
                .isEqualTo(json("{'a':1}"));
    }

    @Test
    void resultIsIndependentOfBothInputs() throws PatchException {
        var original = json("{'spec':{'containers':[{'name':'a','env':[{'name':'E','value':'1'}]}]}}");
        var patch = json("{'spec':{'containers':[{'name':'b','env':[{'name':'F'}]}],'volumes':[{'name':'v'}]}}");
        var result = StrategicMergePatch.apply(original, patch, KubernetesPatchSchemas.forKind("v1", "Pod"));
        ((tools.jackson.databind.node.ObjectNode) result.get("spec").get("containers").get(0)).put("image", "x");
        ((tools.jackson.databind.node.ObjectNode) result.get("spec").get("volumes").get(0)).put("emptyDir", "x");
        assertThat(patch).isEqualTo(json("{'spec':{'containers':[{'name':'b','env':[{'name':'F'}]}],'volumes':[{'name':'v'}]}}"));
        assertThat(original).isEqualTo(json("{'spec':{'containers':[{'name':'a','env':[{'name':'E','value':'1'}]}]}}"));
    }
}
