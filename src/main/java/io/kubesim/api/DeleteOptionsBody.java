package io.kubesim.api;

import io.kubesim.registry.ApiException;
import io.kubesim.registry.DeleteOptions;
import tools.jackson.databind.JsonNode;

/** Reads a DeleteOptions body ({@code v1} or {@code meta.k8s.io/v1}) with Go's strict scalar types. */
final class DeleteOptionsBody {

    private DeleteOptionsBody() {
    }

    static DeleteOptions parse(JsonNode body, boolean queryDryRun) {
        if (!body.isObject()) {
            throw bad("json: cannot unmarshal " + typeName(body) + " into Go value of type v1.DeleteOptions");
        }
        Long grace = null;
        JsonNode g = body.get("gracePeriodSeconds");
        if (g != null && !g.isNull()) {
            if (!g.isIntegralNumber()) {
                throw bad("json: cannot unmarshal " + typeName(g) + " into Go struct field DeleteOptions.gracePeriodSeconds of type int64");
            }
            grace = g.asLong();
        }
        String policy = text(body, "propagationPolicy");
        Boolean orphan = null;
        JsonNode o = body.get("orphanDependents");
        if (o != null && !o.isNull()) {
            if (!o.isBoolean()) {
                throw bad("json: cannot unmarshal " + typeName(o) + " into Go struct field DeleteOptions.orphanDependents of type bool");
            }
            orphan = o.asBoolean();
        }
        JsonNode pre = body.path("preconditions");
        String uid = pre.isObject() ? text(pre, "uid") : null;
        String rv = pre.isObject() ? text(pre, "resourceVersion") : null;
        boolean dryRun = queryDryRun;
        JsonNode dr = body.get("dryRun");
        if (dr != null && dr.isArray() && !dr.isEmpty()) {
            for (JsonNode v : dr) {
                if (!"All".equals(v.asString(""))) {
                    throw ApiException.invalidOptions("DeleteOptions", java.util.List.of(
                            io.kubesim.registry.validation.FieldError.notSupported("dryRun",
                                    java.util.List.of(v.asString("")), java.util.List.of("All"))));
                }
            }
            dryRun = true;
        }
        return new DeleteOptions(grace, policy, orphan, uid, rv, dryRun);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw bad("json: cannot unmarshal " + typeName(v) + " into Go struct field DeleteOptions." + field + " of type string");
        }
        return v.asString();
    }

    private static String typeName(JsonNode n) {
        if (n.isNumber()) {
            return "number";
        }
        if (n.isString()) {
            return "string";
        }
        if (n.isBoolean()) {
            return "bool";
        }
        if (n.isArray()) {
            return "array";
        }
        return "object";
    }

    private static ApiException bad(String why) {
        return ApiException.badRequest("DeleteOptions in version \"v1\" cannot be handled as a DeleteOptions: " + why);
    }
}
