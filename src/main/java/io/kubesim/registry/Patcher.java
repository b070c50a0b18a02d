package io.kubesim.registry;

import io.kubesim.patch.JsonPatch;
import io.kubesim.patch.KubernetesPatchSchemas;
import io.kubesim.patch.MergePatch;
import io.kubesim.patch.PatchException;
import io.kubesim.patch.StrategicMergePatch;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Applies a JSON, merge or strategic merge patch to a stored document, with the apiserver's error mapping. */
final class Patcher {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private Patcher() {
    }

    /** Parses the patch document (400 on malformed JSON). */
    static JsonNode parse(byte[] patch) {
        try {
            JsonNode n = STRICT.readTree(patch);
            if (n == null || n.isMissingNode()) {
                throw ApiException.badRequest("error decoding patch: unexpected end of JSON input");
            }
            return n;
        } catch (JacksonException e) {
            throw ApiException.badRequest("error decoding patch: " + firstLine(e.getOriginalMessage()));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid JSON";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static JsonNode apply(PatchType type, ResourceType resource, JsonNode current, JsonNode patch) {
        try {
            return switch (type) {
                case JSON -> JsonPatch.apply(current, patch);
                case MERGE -> MergePatch.applyToObject(current, patch);
                case STRATEGIC -> StrategicMergePatch.apply(current, patch,
                        KubernetesPatchSchemas.forKind(resource.apiVersion(), resource.kind()));
                case APPLY -> throw new IllegalArgumentException("apply patches are handled by the field manager");
            };
        } catch (PatchException e) {
            throw toApi(e);
        }
    }

    static ApiException toApi(PatchException e) {
        StatusReason reason = switch (e.category()) {
            case BAD_REQUEST -> StatusReason.BAD_REQUEST;
            case INVALID -> StatusReason.INVALID;
            case CONFLICT -> StatusReason.CONFLICT;
            case TOO_LARGE -> StatusReason.REQUEST_ENTITY_TOO_LARGE;
            case INTERNAL -> StatusReason.UNKNOWN;
        };
        return ApiException.with(reason, e.statusMessage()).build();
    }
}
