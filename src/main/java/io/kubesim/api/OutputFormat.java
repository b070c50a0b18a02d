package io.kubesim.api;

import io.kubesim.registry.ApiException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the client asked to receive (the Accept header, negotiated as the apiserver does: clauses in
 * order, the first one we can serve wins; protobuf responses are not offered, so clients that list
 * JSON after protobuf get JSON).
 */
record OutputFormat(Encoding encoding, Conversion conversion) {

    /** The serialisation. */
    enum Encoding { JSON, YAML }

    /** The object conversion asked for with {@code as=...;g=meta.k8s.io}. */
    enum Conversion { NONE, TABLE, PARTIAL_OBJECT_METADATA, PARTIAL_OBJECT_METADATA_LIST, DISCOVERY_V2 }

    static final OutputFormat JSON = new OutputFormat(Encoding.JSON, Conversion.NONE);
    static final String NOT_ACCEPTABLE = "only the following media types are accepted: application/json, "
            + "application/yaml, application/vnd.kubernetes.protobuf";

    /** Negotiates an Accept header; 406 when nothing in it can be served. */
    static OutputFormat negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        for (String clause : accept.split(",")) {
            OutputFormat f = clause(clause);
            if (f != null) {
                return f;
            }
        }
        throw ApiException.notAcceptable(NOT_ACCEPTABLE);
    }

    private static OutputFormat clause(String clause) {
        String[] parts = clause.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length == 2) {
                params.put(kv[0].trim().toLowerCase(Locale.ROOT), kv[1].trim());
            }
        }
        if (params.containsKey("q") && params.get("q").equals("0")) {
            return null;
        }
        Encoding encoding = switch (type) {
            case "application/json", "*/*", "application/*", "application/json-patch+json",
                 "application/merge-patch+json" -> Encoding.JSON;
            case "application/yaml", "application/x-yaml", "text/yaml" -> Encoding.YAML;
            default -> null;
        };
        if (encoding == null) {
            return null;
        }
        String as = params.get("as");
        if (as == null) {
            return new OutputFormat(encoding, Conversion.NONE);
        }
        String g = params.getOrDefault("g", "");
        String v = params.getOrDefault("v", "");
        if (g.equals("meta.k8s.io") && (v.equals("v1") || v.equals("v1beta1"))) {
            return switch (as) {
                case "Table" -> new OutputFormat(encoding, Conversion.TABLE);
                case "PartialObjectMetadata" -> new OutputFormat(encoding, Conversion.PARTIAL_OBJECT_METADATA);
                case "PartialObjectMetadataList" -> new OutputFormat(encoding, Conversion.PARTIAL_OBJECT_METADATA_LIST);
                default -> null;
            };
        }
        if (g.equals("apidiscovery.k8s.io") && v.equals("v2") && as.equals("APIGroupDiscoveryList")) {
            return new OutputFormat(encoding, Conversion.DISCOVERY_V2);
        }
        return null;
    }

    String contentType() {
        return encoding == Encoding.YAML ? "application/yaml" : "application/json";
    }
}
