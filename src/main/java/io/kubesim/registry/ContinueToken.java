package io.kubesim.registry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code continue} token of paginated lists, shaped like the apiserver's: base64url (no
 * padding) of {@code {"v":"meta.k8s.io/v1","rv":N,"start":"<key relative to the list's scope>\u0000"}}.
 * {@code rv = -1} means "continue at the latest revision" (the fresh token of an expired continuation).
 */
record ContinueToken(long revision, String start) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    String encode() {
        ObjectNode n = JSON.createObjectNode();
        n.put("v", "meta.k8s.io/v1");
        n.put("rv", revision);
        n.put("start", start);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(n));
    }

    static ContinueToken decode(String token) {
        JsonNode n;
        try {
            byte[] raw = Base64.getUrlDecoder().decode(token.getBytes(StandardCharsets.US_ASCII));
            n = JSON.readTree(raw);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("invalid continue token: continue key is not valid: " + e.getMessage());
        }
        if (n == null || !n.isObject() || !"meta.k8s.io/v1".equals(n.path("v").asString(""))) {
            throw ApiException.badRequest("invalid continue token: continue key is not valid: server does not recognize this encoded key");
        }
        String start = n.path("start").asString("");
        if (start.isEmpty() || start.startsWith("/") || start.contains("..")) {
            throw ApiException.badRequest("invalid continue token: continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
        }
        return new ContinueToken(n.path("rv").asLong(0), start);
    }
}
