package io.kubesim.api.openapi;

import io.kubesim.registry.ResourceCatalog;
import io.kubesim.registry.ResourceType;
import io.kubesim.registry.kinds.Kinds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The whole HTTP API as one OpenAPI 3.0.3 document for SDK generators: every operation of the per-group-version
 * documents, {@code /healthz}, {@code /livez}, {@code /readyz} and the {@code /openapi/v3} documents, with
 * {@code summary} on each operation, tags per group-version ({@code core_v1} → {@code CoreV1Api}) and operation ids
 * without the group-version infix where that leaves them unique ({@code createNamespacedPod}; the per-GV discovery
 * calls keep {@code getCoreV1APIResources}). The repository's {@code openapi.yaml} is this document; regenerate it
 * with {@link #main}.
 */
public final class OpenApiContract {

    /** The checked-in copy, relative to the project root. */
    public static final Path FILE = Path.of("openapi.yaml");
    /** The address kubesim listens on by default. */
    static final String SERVER = "http://127.0.0.1:8080";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private OpenApiContract() {
    }

    /** The contract of the built-in catalog ({@link Kinds#catalog()}), as YAML. */
    public static String render() {
        return render(Kinds.catalog());
    }

    /** The contract of {@code catalog}, as YAML. */
    static String render(ResourceCatalog catalog) {
        return yaml().writeValueAsString(document(catalog));
    }

    /** The contract of {@code catalog}, as a tree. */
    static ObjectNode document(ResourceCatalog catalog) {
        ApiDescription api = ApiDescription.of(catalog);
        List<ApiOperation> ops = new ArrayList<>(api.operations());
        ops.addAll(ServerOperations.of(api.documentKeys()));
        Map<String, String> ids = operationIds(ops);
        ObjectNode doc = F.objectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info").put("title", "kubesim")
                .put("description", "The Kubernetes API (" + ApiDescription.KUBERNETES_VERSION + ") that kubesim "
                        + "serves: discovery, the resources of its catalog, health checks and the OpenAPI v3 "
                        + "documents kubectl reads. Generated from the catalog by io.kubesim.api.openapi.OpenApiContract.")
                .put("version", "0.1.0");
        info.putObject("contact").put("name", "kubesim");
        doc.putArray("servers").addObject().put("url", SERVER).put("description", "kubesim on its default port");
        doc.set("tags", tags(catalog, ops));
        doc.set("paths", PathItems.of(ops, op -> view(op, ids.get(key(op)))));
        ObjectNode schemas = doc.putObject("components").putObject("schemas");
        api.components().closure(PathItems.references(ops)).forEach((name, s) -> schemas.set(name, plainRefs(s)));
        return doc;
    }

    /**
     * Replaces each {@code {description, allOf: [{$ref}]}} by the bare {@code {$ref}}: generators take a one-element
     * {@code allOf} for a composed type, linters flag it, and OpenAPI 3.0 ignores siblings of {@code $ref}; the
     * referenced definition keeps its own description.
     */
    static ObjectNode plainRefs(ObjectNode schema) {
        JsonNode allOf = schema.get("allOf");
        if (allOf != null && allOf.size() == 1 && allOf.get(0).has("$ref")) {
            return ((ObjectNode) allOf.get(0)).deepCopy();
        }
        for (String name : new ArrayList<>(schema.propertyNames())) {
            if (schema.get(name).isObject()) {
                schema.set(name, plainRefs((ObjectNode) schema.get(name)));
            }
        }
        return schema;
    }

    /** The short id of each operation where it is unique, else the upstream id. */
    static Map<String, String> operationIds(List<ApiOperation> ops) {
        Map<String, Integer> shortCount = new HashMap<>();
        Set<String> fullIds = new HashSet<>();
        for (ApiOperation op : ops) {
            shortCount.merge(op.shortId(), 1, Integer::sum);
            fullIds.add(op.operationId());
        }
        Map<String, String> out = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (ApiOperation op : ops) {
            String s = op.shortId();
            boolean unique = shortCount.get(s) == 1 && (s.equals(op.operationId()) || !fullIds.contains(s));
            String id = unique ? s : op.operationId();
            if (!used.add(id)) {
                throw new IllegalStateException("duplicate operation id " + id);
            }
            out.put(key(op), id);
        }
        return out;
    }

    private static String key(ApiOperation op) {
        return op.method() + " " + op.path();
    }

    /** The operation with {@code summary} and the contract's id, keys in kube-openapi order. */
    private static ObjectNode view(ApiOperation op, String id) {
        ObjectNode out = F.objectNode();
        out.set("tags", op.operation().get("tags").deepCopy());
        String description = op.operation().get("description").stringValue();
        out.put("summary", summary(description));
        for (var e : op.operation().properties()) {
            if (!e.getKey().equals("tags")) {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        out.put("operationId", id);
        return out;
    }

    /** The description up to its first sentence end, capitalised. */
    static String summary(String description) {
        int end = description.indexOf(". ");
        String first = end < 0 ? description : description.substring(0, end);
        return first.substring(0, 1).toUpperCase(Locale.ROOT) + first.substring(1);
    }

    private static ArrayNode tags(ResourceCatalog catalog, List<ApiOperation> ops) {
        Map<String, String> descriptions = new TreeMap<>();
        for (ApiOperation op : ops) {
            descriptions.put(op.operation().get("tags").get(0).stringValue(), "");
        }
        Map<String, List<String>> kinds = new TreeMap<>();
        for (var s : catalog.all()) {
            ResourceType t = s.type();
            kinds.computeIfAbsent(GroupNames.tag(t.group(), t.version()), k -> new ArrayList<>()).add(t.kind());
            descriptions.put(GroupNames.groupTag(t.group()), "Discovery of the "
                    + (t.group().isEmpty() ? "core API group (/api)" : t.group() + " API group"));
            descriptions.put(GroupNames.tag(t.group(), t.version()), "The resources of "
                    + (t.group().isEmpty() ? "core" : t.group()) + "/" + t.version() + ": "
                    + String.join(", ", kinds.get(GroupNames.tag(t.group(), t.version()))));
        }
        descriptions.put("apis", "Discovery of the API groups (/apis)");
        descriptions.put("version", "The version of the server");
        descriptions.put("health", "Liveness and readiness checks");
        descriptions.put("openapi", "The OpenAPI v3 documents kubectl reads, one per group-version and discovery path");
        ArrayNode out = F.arrayNode();
        descriptions.forEach((name, d) -> out.addObject().put("name", name).put("description", d));
        return out;
    }

    /** YAML with plain scalars where safe, literal blocks for multi-line text, no line folding. */
    private static YAMLMapper yaml() {
        return YAMLMapper.builder(YAMLFactory.builder().stringQuotingChecker(new NumericNames()).build())
                .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
                .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
                .disable(YAMLWriteFeature.SPLIT_LINES)
                .build();
    }

    /** Quotes names that a YAML reader would take for numbers, such as the response codes. */
    private static final class NumericNames extends StringQuotingChecker.Default {
        @Override
        public boolean needToQuoteName(String name) {
            return super.needToQuoteName(name) || name.matches("[0-9]+");
        }
    }

    /**
     * Writes the contract to {@code args[0]} (default {@code openapi.yaml}). From the project root:
     * {@code mvn -o -q -B test -Dtest=OpenApiContractTest -Dopenapi.regenerate=true}, or with the packaged jar
     * {@code java -cp target/kubesim-0.1.0-SNAPSHOT.jar -Dloader.main=io.kubesim.api.openapi.OpenApiContract
     * org.springframework.boot.loader.launch.PropertiesLauncher openapi.yaml}.
     */
    public static void main(String[] args) throws IOException {
        Path out = args.length > 0 ? Path.of(args[0]) : FILE;
        Files.writeString(out, render());
    }
}
