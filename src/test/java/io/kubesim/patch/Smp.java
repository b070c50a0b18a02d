package io.kubesim.patch;

import tools.jackson.databind.JsonNode;

import static io.kubesim.patch.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Test helper: applies a strategic merge patch and checks the inputs were left alone. */
final class Smp {

    private Smp() {
    }

    static JsonNode apply(String apiVersion, String kind, String original, String patch) throws PatchException {
        JsonNode originalTree = json(original);
        JsonNode patchTree = json(patch);
        JsonNode originalBefore = originalTree.deepCopy();
        JsonNode patchBefore = patchTree.deepCopy();
        try {
            return StrategicMergePatch.apply(originalTree, patchTree,
                    KubernetesPatchSchemas.forKind(apiVersion, kind));
        } finally {
            assertThat(originalTree).isEqualTo(originalBefore);
            assertThat(patchTree).isEqualTo(patchBefore);
        }
    }

    static JsonNode pod(String original, String patch) throws PatchException {
        return apply("v1", "Pod", original, patch);
    }

    static JsonNode deployment(String original, String patch) throws PatchException {
        return apply("apps/v1", "Deployment", original, patch);
    }
}
