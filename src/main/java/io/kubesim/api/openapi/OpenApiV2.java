package io.kubesim.api.openapi;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /openapi/v2}: a Swagger 2.0 document with every served path, operation, parameter and the
 * {@code x-kubernetes-group-version-kind} extension, but no schemas. kubectl 1.27 and 1.28 need it (protobuf, the
 * gnostic {@code openapi.v2.Document} message) to learn that the server validates fields ({@code fieldValidation} on
 * PATCH) and supports {@code dryRun}; they then leave validation to the server and take patch strategies from their
 * built-in types. Newer kubectl reads {@code /openapi/v3}, which has the schemas. Derived from the v3 documents, so
 * the two never disagree on paths.
 */
final class OpenApiV2 {

    /** What kubectl asks for. */
    static final String PROTOBUF = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";
    /** What the apiserver answers with: Go's mime parser refuses the {@code @} of the requested type. */
    static final String PROTOBUF_CONTENT_TYPE = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    /** The PathItem field of each method (options 6 and head 7 are not served). */
    private static final Map<String, Integer> PATH_ITEM_FIELDS = Map.of("get", 2, "put", 3, "post", 4, "delete", 5,
            "patch", 8);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final byte[] json;
    private final byte[] protobuf;

    private OpenApiV2(ObjectNode document) {
        this.json = JSON.writeValueAsBytes(document);
        this.protobuf = encode(document);
    }

    static OpenApiV2 of(OpenApiDocuments v3, String version) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("swagger", "2.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", version);
        Map<String, JsonNode> paths = new TreeMap<>();
        for (OpenApiDocuments.Document d : v3.documents()) {
            JSON.readTree(d.json()).path("paths").properties().forEach(e -> paths.put(e.getKey(), e.getValue()));
        }
        ObjectNode out = doc.putObject("paths");
        paths.forEach((path, item) -> {
            ObjectNode v2 = JSON.createObjectNode();
            for (String method : METHODS) {
                JsonNode op = item.get(method);
                if (op != null) {
                    v2.set(method, operation(op, item.path("parameters")));
                }
            }
            if (!v2.isEmpty()) {
                out.set(path, v2);
            }
        });
        doc.putObject("definitions");
        return new OpenApiV2(doc);
    }

    private static ObjectNode operation(JsonNode op, JsonNode pathParameters) {
        ObjectNode o = JSON.createObjectNode();
        if (op.has("description")) {
            o.put("description", op.get("description").asString());
        }
        o.put("operationId", op.path("operationId").asString());
        ArrayNode params = o.putArray("parameters");
        for (JsonNode p : pathParameters) {
            params.add(parameter(p));
        }
        for (JsonNode p : op.path("parameters")) {
            params.add(parameter(p));
        }
        o.putObject("responses").putObject("200").put("description", "OK");
        for (String ext : List.of("x-kubernetes-action", "x-kubernetes-group-version-kind")) {
            if (op.has(ext)) {
                o.set(ext, op.get(ext));
            }
        }
        return o;
    }

    private static ObjectNode parameter(JsonNode p) {
        ObjectNode q = JSON.createObjectNode();
        q.put("name", p.path("name").asString());
        q.put("in", p.path("in").asString());
        q.put("type", p.path("schema").path("type").asString("string"));
        if (p.has("description")) {
            q.put("description", p.get("description").asString());
        }
        if (p.path("required").asBoolean(false)) {
            q.put("required", true);
        }
        return q;
    }

    byte[] json() {
        return json;
    }

    byte[] protobuf() {
        return protobuf;
    }

    // ---- gnostic openapi.v2 protobuf --------------------------------------------------------------

    private static byte[] encode(ObjectNode doc) {
        Message d = new Message();
        d.string(1, doc.path("swagger").asString());
        d.message(2, new Message().string(1, doc.path("info").path("title").asString())
                .string(2, doc.path("info").path("version").asString()));
        Message paths = new Message();
        doc.path("paths").properties().forEach(e -> {
            Message item = new Message();
            for (String method : METHODS) {
                JsonNode op = e.getValue().get(method);
                if (op != null) {
                    item.message(PATH_ITEM_FIELDS.get(method), operation(op));
                }
            }
            paths.message(2, new Message().string(1, e.getKey()).message(2, item));
        });
        d.message(8, paths);
        d.message(9, new Message());
        return d.bytes();
    }

    private static Message operation(JsonNode op) {
        Message o = new Message();
        if (op.has("description")) {
            o.string(3, op.get("description").asString());
        }
        o.string(5, op.path("operationId").asString());
        for (JsonNode p : op.path("parameters")) {
            boolean path = p.path("in").asString().equals("path");
            Message sub = new Message().bool(1, p.path("required").asBoolean(false)).string(2, p.path("in").asString())
                    .string(3, p.path("description").asString("")).string(4, p.path("name").asString());
            // QueryParameterSubSchema: type 6; PathParameterSubSchema: type 5
            sub.string(path ? 5 : 6, p.path("type").asString("string"));
            Message nonBody = new Message().message(path ? 4 : 3, sub);
            o.message(8, new Message().message(1, new Message().message(2, nonBody)));
        }
        Message response = new Message().message(1, new Message().string(1, "OK"));
        o.message(9, new Message().message(1, new Message().string(1, "200").message(2, response)));
        for (String ext : List.of("x-kubernetes-action", "x-kubernetes-group-version-kind")) {
            JsonNode v = op.get(ext);
            if (v != null) {
                o.message(13, new Message().string(1, ext).message(2, new Message().string(2, yaml(v))));
            }
        }
        return o;
    }

    /** The extension value as the YAML gnostic keeps ({@code group: apps\nkind: Deployment\nversion: v1\n}). */
    static String yaml(JsonNode v) {
        if (!v.isObject()) {
            return v.asString() + "\n";
        }
        StringBuilder sb = new StringBuilder();
        TreeMap<String, String> sorted = new TreeMap<>();
        v.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asString()));
        sorted.forEach((k, s) -> sb.append(k).append(": ").append(s.isEmpty() ? "\"\"" : s).append('\n'));
        return sb.toString();
    }

    /** A protobuf message written field by field (proto3: empty strings and false are left out). */
    private static final class Message {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final CodedOutputStream out = CodedOutputStream.newInstance(buffer);

        Message string(int field, String value) {
            if (value != null && !value.isEmpty()) {
                write(() -> out.writeString(field, value));
            }
            return this;
        }

        Message bool(int field, boolean value) {
            if (value) {
                write(() -> out.writeBool(field, true));
            }
            return this;
        }

        Message message(int field, Message m) {
            write(() -> out.writeBytes(field, ByteString.copyFrom(m.bytes())));
            return this;
        }

        byte[] bytes() {
            write(out::flush);
            return buffer.toByteArray();
        }

        private void write(IoAction a) {
            try {
                a.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
