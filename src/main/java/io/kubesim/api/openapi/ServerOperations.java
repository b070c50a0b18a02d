package io.kubesim.api.openapi;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The non-resource endpoints only the whole-API contract describes: the health checks
 * ({@code io.kubesim.api.ServerEndpoints}) and the OpenAPI v3 documents themselves ({@link OpenApiEndpoint}).
 */
final class ServerOperations {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> HEALTH = List.of("healthz", "livez", "readyz");

    private ServerOperations() {
    }

    /** The health endpoints and the OpenAPI index and documents under {@code documentKeys}. */
    static List<ApiOperation> of(List<String> documentKeys) {
        List<ApiOperation> out = new ArrayList<>();
        for (String endpoint : HEALTH) {
            out.add(health(endpoint));
            out.add(check(endpoint));
        }
        out.add(OperationBuilder.of("get", "/openapi/v3").id("getOpenAPIV3Index", "getOpenAPIV3Index").tag("openapi")
                .description("get the index of the OpenAPI v3 documents, one per group-version and discovery path")
                .responses(HandWrittenSchemas.OPENAPI_INDEX, List.of(Media.JSON), "200").bare("406").build());
        for (String key : documentKeys) {
            String id = "get" + camel(key) + "OpenAPIV3Document";
            out.add(OperationBuilder.of("get", OpenApiDocuments.PREFIX + key).id(id, id).tag("openapi")
                    .description("get the OpenAPI v3 document of " + key)
                    .parameters(List.of(Parameters.query("hash")))
                    .response("200", F.objectNode().put("type", "object")
                            .put("description", "An OpenAPI 3.0 document."), List.of(Media.JSON))
                    .bare("301", "406").build());
        }
        return out;
    }

    private static ApiOperation health(String endpoint) {
        String name = ClientModels.capitalize(endpoint);
        return OperationBuilder.of("get", "/" + endpoint).id("get" + name, "get" + name).tag("health")
                .description("get the " + endpoint + " check: ok, or the failed checks")
                .parameters(List.of(Parameters.query("verbose"),
                        Parameters.repeated("exclude", "A check to leave out of the verbose listing; repeatable.")))
                .response("200", text(), List.of(Media.TEXT)).bare("4XX")
                .response("500", text(), List.of(Media.TEXT)).build();
    }

    private static ApiOperation check(String endpoint) {
        String name = ClientModels.capitalize(endpoint);
        return OperationBuilder.of("get", "/" + endpoint + "/{check}").id("get" + name + "Check", "get" + name + "Check")
                .tag("health").description("get one " + endpoint + " check, such as ping or etcd")
                .pathParameters(List.of(Parameters.path("check", "the name of the check")))
                .response("200", text(), List.of(Media.TEXT)).response("404", text(), List.of(Media.TEXT)).build();
    }

    private static ObjectNode text() {
        return F.objectNode().put("type", "string");
    }

    /** {@code api/v1} → {@code ApiV1}, {@code apis/coordination.k8s.io/v1} → {@code ApisCoordinationK8sIoV1}. */
    private static String camel(String key) {
        StringBuilder out = new StringBuilder();
        for (String part : key.split("[/.-]")) {
            out.append(ClientModels.capitalize(part));
        }
        return out.toString();
    }
}
