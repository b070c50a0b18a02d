package io.kubesim.api.openapi;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Assembles an {@link ApiOperation} with kube-openapi's key order. */
final class OperationBuilder {

    /** The reason phrases of the codes operations answer with. */
    static final Map<String, String> REASONS = Map.ofEntries(Map.entry("200", "OK"), Map.entry("201", "Created"),
            Map.entry("202", "Accepted"), Map.entry("400", "Bad Request"), Map.entry("404", "Not Found"),
            Map.entry("406", "Not Acceptable"), Map.entry("409", "Conflict"), Map.entry("410", "Gone"),
            Map.entry("415", "Unsupported Media Type"), Map.entry("422", "Unprocessable Entity"),
            Map.entry("500", "Internal Server Error"),
            Map.entry("4XX", "A malformed request, answered by the HTTP layer"), Map.entry("301", "Moved Permanently"));

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final String method;
    private final String path;
    private String document;
    private String operationId;
    private String shortId;
    private String tag;
    private String description;
    private final List<ObjectNode> parameters = new ArrayList<>();
    private List<ObjectNode> pathParameters = List.of();
    private ObjectNode requestBody;
    private final ObjectNode responses = F.objectNode();
    private String action;
    private ObjectNode gvk;

    private OperationBuilder(String method, String path) {
        this.method = method;
        this.path = path;
    }

    static OperationBuilder of(String method, String path) {
        return new OperationBuilder(method, path);
    }

    OperationBuilder document(String key) {
        this.document = key;
        return this;
    }

    /** The upstream id and the id without the group-version infix. */
    OperationBuilder id(String id, String shortId) {
        this.operationId = id;
        this.shortId = shortId;
        return this;
    }

    OperationBuilder tag(String tag) {
        this.tag = tag;
        return this;
    }

    OperationBuilder description(String description) {
        this.description = description;
        return this;
    }

    OperationBuilder parameters(List<ObjectNode> params) {
        parameters.addAll(params);
        return this;
    }

    OperationBuilder pathParameters(List<ObjectNode> params) {
        this.pathParameters = params;
        return this;
    }

    /** A request body of {@code definition} in each of {@code mediaTypes}. */
    OperationBuilder body(String definition, List<String> mediaTypes, boolean required) {
        requestBody = F.objectNode();
        requestBody.set("content", content(ref(definition), mediaTypes));
        if (required) {
            requestBody.put("required", true);
        }
        return this;
    }

    /** A response whose body is {@code schema} in each of {@code mediaTypes}. */
    OperationBuilder response(String code, ObjectNode schema, List<String> mediaTypes) {
        ObjectNode r = responses.putObject(code).put("description", REASONS.get(code));
        r.set("content", content(schema, mediaTypes));
        return this;
    }

    /** Responses of {@code definition} for each code. */
    OperationBuilder responses(String definition, List<String> mediaTypes, String... codes) {
        for (String code : codes) {
            response(code, ref(definition), mediaTypes);
        }
        return this;
    }

    /** Adds {@code definition} in {@code mediaType} to the response of {@code code}. */
    OperationBuilder content(String code, String mediaType, String definition) {
        ((ObjectNode) responses.get(code).get("content")).putObject(mediaType).set("schema", ref(definition));
        return this;
    }

    /** Responses with a description only. */
    OperationBuilder bare(String... codes) {
        for (String code : codes) {
            responses.putObject(code).put("description", REASONS.get(code));
        }
        return this;
    }

    /** Error responses carrying a {@code Status}. */
    OperationBuilder errors(String... codes) {
        return responses(Components.STATUS, List.of(Media.JSON), codes);
    }

    /** {@code x-kubernetes-action} and {@code x-kubernetes-group-version-kind}. */
    OperationBuilder kubernetes(String action, String group, String version, String kind) {
        this.action = action;
        this.gvk = F.objectNode().put("group", group).put("version", version).put("kind", kind);
        return this;
    }

    ApiOperation build() {
        ObjectNode op = F.objectNode();
        op.putArray("tags").add(tag);
        op.put("description", description);
        op.put("operationId", operationId);
        if (!parameters.isEmpty()) {
            ArrayNode params = op.putArray("parameters");
            parameters.forEach(params::add);
        }
        if (requestBody != null) {
            op.set("requestBody", requestBody);
        }
        op.set("responses", responses);
        if (action != null) {
            op.put(Extensions.ACTION, action);
            op.set(Extensions.GVK, gvk);
        }
        return new ApiOperation(document, path, method, operationId, shortId, op, pathParameters);
    }

    static ObjectNode ref(String definition) {
        return F.objectNode().put("$ref", ModelSchemas.REF + definition);
    }

    private static ObjectNode content(ObjectNode schema, List<String> mediaTypes) {
        ObjectNode c = F.objectNode();
        for (String type : mediaTypes) {
            c.putObject(type).set("schema", schema.deepCopy());
        }
        return c;
    }
}
