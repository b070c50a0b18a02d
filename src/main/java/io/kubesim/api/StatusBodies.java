package io.kubesim.api;

import io.kubesim.registry.ApiException;
import io.kubesim.registry.WriteResult;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code v1 Status} documents, in the apiserver's field order (metadata always present). */
final class StatusBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StatusBodies() {
    }

    static ObjectNode failure(ApiException e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", "Status");
        n.put("apiVersion", "v1");
        ObjectNode meta = n.putObject("metadata");
        if (e.continueToken() != null) {
            meta.put("continue", e.continueToken());
        }
        n.put("status", "Failure");
        if (e.getMessage() != null && !e.getMessage().isEmpty()) {
            n.put("message", e.getMessage());
        }
        if (!e.reason().wire().isEmpty()) {
            n.put("reason", e.reason().wire());
        }
        if (e.hasDetails()) {
            ObjectNode d = n.putObject("details");
            putIf(d, "name", e.name());
            putIf(d, "group", e.group());
            putIf(d, "kind", e.kind());
            putIf(d, "uid", e.uid());
            if (!e.causes().isEmpty()) {
                ArrayNode causes = d.putArray("causes");
                for (ApiException.Cause c : e.causes()) {
                    ObjectNode cn = causes.addObject();
                    putIf(cn, "reason", c.reason());
                    putIf(cn, "message", c.message());
                    putIf(cn, "field", c.field());
                }
            }
            if (e.retryAfterSeconds() > 0) {
                d.put("retryAfterSeconds", e.retryAfterSeconds());
            }
        }
        n.put("code", e.code());
        return n;
    }

    static ObjectNode success(WriteResult.DeletedDetails d) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", "Status");
        n.put("apiVersion", "v1");
        n.putObject("metadata");
        n.put("status", "Success");
        ObjectNode details = n.putObject("details");
        putIf(details, "name", d.name());
        putIf(details, "group", d.group());
        putIf(details, "kind", d.kind());
        putIf(details, "uid", d.uid());
        return n;
    }

    private static void putIf(ObjectNode n, String field, String value) {
        if (value != null && !value.isEmpty()) {
            n.put(field, value);
        }
    }
}
