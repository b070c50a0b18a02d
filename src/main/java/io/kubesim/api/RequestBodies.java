package io.kubesim.api;

import io.kubesim.registry.ApiException;
import io.kubesim.registry.RequestBody;
import io.kubesim.registry.ResourceType;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

/** Reads request bodies: size limit (413), then JSON, YAML or protobuf by Content-Type (415 otherwise). */
final class RequestBodies {

    static final String UNKNOWN_FORMAT = "the body of the request was in an unknown format - accepted media types "
            + "include: application/json, application/yaml, application/vnd.kubernetes.protobuf";
    static final String UNKNOWN_PATCH = "the body of the request was in an unknown format - accepted media types "
            + "include: application/json-patch+json, application/merge-patch+json, "
            + "application/strategic-merge-patch+json, application/apply-patch+yaml";

    private final int maxBytes;
    private final Encoders encoders;
    private final ProtobufBodies protobuf;

    RequestBodies(int maxBytes, Encoders encoders, ProtobufBodies protobuf) {
        this.maxBytes = maxBytes;
        this.encoders = encoders;
        this.protobuf = protobuf;
    }

    /**
     * The raw body, at most the limit (413 beyond). An oversized body is read to its end first (up to
     * {@value #MAX_DRAINED_BYTES} bytes): Tomcat closes the connection after a 413, and closing it while the client
     * is still sending can reset the connection before the client has read the answer.
     */
    byte[] read(HttpServletRequest req) throws IOException {
        long declared = req.getContentLengthLong();
        try (InputStream in = req.getInputStream()) {
            if (declared > maxBytes) {
                throw tooLarge(in);
            }
            byte[] buf = in.readNBytes(maxBytes + 1);
            if (buf.length > maxBytes) {
                throw tooLarge(in);
            }
            return buf;
        }
    }

    /** Most bytes of an oversized body read (and dropped) before answering; beyond it the connection may reset. */
    static final long MAX_DRAINED_BYTES = 64L << 20;

    private ApiException tooLarge(InputStream in) throws IOException {
        byte[] scratch = new byte[64 * 1024];
        long drained = 0;
        int n;
        while (drained < MAX_DRAINED_BYTES && (n = in.read(scratch)) >= 0) {
            drained += n;
        }
        return tooLarge();
    }

    private ApiException tooLarge() {
        return ApiException.tooLarge("Request entity too large: limit is " + maxBytes);
    }

    static String baseType(String contentType) {
        if (contentType == null) {
            return "";
        }
        return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    /** A create/update body in the request's format. */
    RequestBody object(HttpServletRequest req, ResourceType type) throws IOException {
        String ct = baseType(req.getContentType());
        byte[] bytes = read(req);
        switch (ct) {
            case "", "application/json", "*/*" -> {
                return RequestBody.json(bytes);
            }
            case "application/yaml", "application/x-yaml", "text/yaml" -> {
                try {
                    JsonNode tree = encoders.readYaml(bytes);
                    if (tree == null || tree.isMissingNode()) {
                        throw decodeError(type, "Object 'Kind' is missing in ''");
                    }
                    return RequestBody.tree(tree);
                } catch (JacksonException e) {
                    throw decodeError(type, "error converting YAML to JSON: " + firstLine(e.getOriginalMessage()));
                }
            }
            case "application/vnd.kubernetes.protobuf" -> {
                return RequestBody.tree(protobuf.decode(bytes, type));
            }
            default -> throw ApiException.unsupportedMediaType(UNKNOWN_FORMAT);
        }
    }

    static ApiException decodeError(ResourceType type, String why) {
        return ApiException.badRequest(type.kind() + " in version \"" + type.version() + "\" cannot be handled as a "
                + type.kind() + ": " + why);
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** A DeleteOptions body (JSON, YAML or protobuf), or null when the body is empty. */
    JsonNode deleteOptions(HttpServletRequest req) throws IOException {
        byte[] bytes = read(req);
        if (bytes.length == 0 || isBlank(bytes)) {
            return null;
        }
        String ct = baseType(req.getContentType());
        if (ct.equals("application/vnd.kubernetes.protobuf")) {
            return protobuf.deleteOptions(bytes);
        }
        try {
            return ct.contains("yaml") ? encoders.readYaml(bytes) : encoders.readJson(bytes);
        } catch (JacksonException e) {
            throw ApiException.badRequest("DeleteOptions in version \"v1\" cannot be handled as a DeleteOptions: "
                    + firstLine(e.getOriginalMessage()));
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    static byte[] copy(byte[] b) {
        return Arrays.copyOf(b, b.length);
    }
}
