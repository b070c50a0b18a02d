package io.kubesim.api.openapi;

import io.kubesim.registry.ResourceCatalog;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * kube-apiserver's OpenAPI v3 documents for the served API, rendered once: one document per index key
 * ({@code api/v1}, {@code apis/apps/v1}, {@code api}, {@code apis}, {@code apis/apps}, {@code version}) holding the
 * operations of that path prefix and the schemas they reference, and the index ({@code GET /openapi/v3})
 * {@code {"paths":{"api/v1":{"serverRelativeURL":"/openapi/v3/api/v1?hash=<SHA-512, upper-case hex>"}}}}. The
 * documents are immutable: the hash is that of the document's bytes, so it changes whenever the content does.
 */
public final class OpenApiDocuments {

    /** Where the documents are served. */
    public static final String PREFIX = "/openapi/v3/";

    /**
     * One rendered document.
     *
     * @param key  the index key, such as {@code api/v1}
     * @param json the compact JSON bytes served
     * @param hash SHA-512 of {@code json}, upper-case hex
     */
    public record Document(String key, byte[] json, String hash) {

        /** The URL the index lists: {@code /openapi/v3/api/v1?hash=...}. */
        public String serverRelativeUrl() {
            return PREFIX + key + "?hash=" + hash;
        }

        /** A defensive copy of the bytes. */
        @Override
        public byte[] json() {
            return Arrays.copyOf(json, json.length);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Document> documents;
    private final byte[] index;

    private OpenApiDocuments(Map<String, Document> documents, byte[] index) {
        this.documents = documents;
        this.index = index;
    }

    /** Renders every document of the catalog's API. */
    public static OpenApiDocuments of(ResourceCatalog catalog) {
        ApiDescription api = ApiDescription.of(catalog);
        Map<String, Document> docs = new TreeMap<>();
        for (String key : api.documentKeys()) {
            byte[] json = JSON.writeValueAsBytes(render(api, api.operations(key)));
            docs.put(key, new Document(key, json, sha512(json)));
        }
        ObjectNode index = JsonNodeFactory.instance.objectNode();
        ObjectNode paths = index.putObject("paths");
        docs.values().forEach(d -> paths.putObject(d.key()).put("serverRelativeURL", d.serverRelativeUrl()));
        return new OpenApiDocuments(Map.copyOf(docs), JSON.writeValueAsBytes(index));
    }

    /** One document as kube-apiserver shapes it: OpenAPI 3.0.0, the operations as they are, their schemas. */
    static ObjectNode render(ApiDescription api, List<ApiOperation> operations) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("openapi", "3.0.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", ApiDescription.KUBERNETES_VERSION);
        doc.set("paths", PathItems.of(operations, ApiOperation::operation));
        ObjectNode schemas = doc.putObject("components").putObject("schemas");
        api.components().closure(PathItems.references(operations)).forEach(schemas::set);
        return doc;
    }

    /** The document of an index key. */
    public Optional<Document> document(String key) {
        return Optional.ofNullable(documents.get(key));
    }

    /** Every document. */
    public Collection<Document> documents() {
        return new TreeMap<>(documents).values();
    }

    /** The JSON index of {@code GET /openapi/v3}. */
    public byte[] index() {
        return Arrays.copyOf(index, index.length);
    }

    static String sha512(byte[] bytes) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
