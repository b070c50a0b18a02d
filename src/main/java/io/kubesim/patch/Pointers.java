package io.kubesim.patch;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Works around zjsonpatch 8.0.0 unescaping JSON pointer tokens twice ({@code JsonPointer.parse} decodes
 * {@code ~0}/{@code ~1}, then {@code RefToken.parse} decodes the result again), which makes {@code /~01} address
 * {@code "/"} instead of {@code "~1"} (RFC 6902 A.14). Tokens containing {@code ~} are therefore escaped twice.
 */
final class Pointers {

    private static final List<String> POINTER_FIELDS = List.of("path", "from");

    private Pointers() {
    }

    /** The patch with every pointer that contains {@code ~} rewritten; the patch itself when none does. */
    static JsonNode forZjsonpatch(JsonNode patch) {
        if (!needsRewrite(patch)) {
            return patch;
        }
        ArrayNode copy = (ArrayNode) patch.deepCopy();
        for (JsonNode operation : copy.values()) {
            for (String field : POINTER_FIELDS) {
                JsonNode pointer = operation.get(field);
                if (pointer != null && pointer.isString() && pointer.stringValue().indexOf('~') >= 0) {
                    ((ObjectNode) operation).put(field, doubleEscape(pointer.stringValue()));
                }
            }
        }
        return copy;
    }

    private static boolean needsRewrite(JsonNode patch) {
        for (JsonNode operation : patch.values()) {
            for (String field : POINTER_FIELDS) {
                JsonNode pointer = operation.get(field);
                if (pointer != null && pointer.isString() && pointer.stringValue().indexOf('~') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Decodes each token per RFC 6901 and encodes it twice; malformed pointers are left for zjsonpatch to refuse. */
    static String doubleEscape(String pointer) {
        if (!pointer.startsWith("/")) {
            return pointer;
        }
        StringBuilder out = new StringBuilder();
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = decode(raw);
            if (token == null) {
                return pointer;
            }
            out.append('/').append(encode(encode(token)));
        }
        return out.toString();
    }

    private static String decode(String raw) {
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '~') {
                token.append(c);
            } else if (i + 1 < raw.length() && (raw.charAt(i + 1) == '0' || raw.charAt(i + 1) == '1')) {
                token.append(raw.charAt(++i) == '0' ? '~' : '/');
            } else {
                return null;
            }
        }
        return token.toString();
    }

    private static String encode(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
