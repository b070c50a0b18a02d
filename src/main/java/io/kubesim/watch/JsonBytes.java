package io.kubesim.watch;

import java.nio.charset.StandardCharsets;

/**
 * Minimal scanning of compact JSON documents as written by kubesim: find the value of
 * {@code metadata.resourceVersion} and the end of the leading {@code apiVersion}/{@code kind} pair,
 * without parsing the whole document.
 */
final class JsonBytes {

    private JsonBytes() {
    }

    /**
     * Offset and length of the characters of {@code metadata.resourceVersion}'s string value
     * (without quotes), packed as {@code offset << 32 | length}; -1 when absent.
     */
    static long locateResourceVersion(byte[] json) {
        int i = skipWs(json, 0);
        if (i >= json.length || json[i] != '{') {
            return -1;
        }
        i++;
        while (true) {
            i = skipWs(json, i);
            if (i >= json.length || json[i] == '}') {
                return -1;
            }
            int keyStart = i + 1;
            int keyEnd = skipString(json, i);
            i = skipWs(json, keyEnd);
            i = skipWs(json, i + 1);
            if (equalsAscii(json, keyStart, keyEnd - 1, "metadata") && json[i] == '{') {
                return findInObject(json, i, "resourceVersion");
            }
            i = skipValue(json, i);
            i = skipWs(json, i);
            if (i < json.length && json[i] == ',') {
                i++;
            }
        }
    }

    private static long findInObject(byte[] json, int start, String field) {
        int i = start + 1;
        while (true) {
            i = skipWs(json, i);
            if (i >= json.length || json[i] == '}') {
                return -1;
            }
            int keyStart = i + 1;
            int keyEnd = skipString(json, i);
            i = skipWs(json, keyEnd);
            i = skipWs(json, i + 1);
            if (equalsAscii(json, keyStart, keyEnd - 1, field) && json[i] == '"') {
                int end = skipString(json, i);
                return ((long) (i + 1) << 32) | (end - 1 - (i + 1));
            }
            i = skipValue(json, i);
            i = skipWs(json, i);
            if (i < json.length && json[i] == ',') {
                i++;
            }
        }
    }

    /**
     * The offset of the first field after a leading {@code "apiVersion":...,"kind":...,} pair, so that
     * {@code "{" + json[offset..]} is the object without its type fields (how list items are written);
     * 1 when the document does not start that way.
     */
    static int afterTypeFields(byte[] json) {
        int i = skipWs(json, 0);
        if (i >= json.length || json[i] != '{') {
            return 1;
        }
        i++;
        for (String expected : new String[]{"apiVersion", "kind"}) {
            i = skipWs(json, i);
            if (i >= json.length || json[i] != '"') {
                return 1;
            }
            int keyStart = i + 1;
            int keyEnd = skipString(json, i);
            if (!equalsAscii(json, keyStart, keyEnd - 1, expected)) {
                return 1;
            }
            i = skipWs(json, keyEnd);
            i = skipValue(json, skipWs(json, i + 1));
            i = skipWs(json, i);
            if (i >= json.length || json[i] != ',') {
                return 1;
            }
            i++;
        }
        return i;
    }

    /** Replaces the bytes at {@code [offset, offset+length)} with the decimal {@code revision}. */
    static byte[] splice(byte[] json, int offset, int length, long revision) {
        byte[] digits = Long.toString(revision).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[json.length - length + digits.length];
        System.arraycopy(json, 0, out, 0, offset);
        System.arraycopy(digits, 0, out, offset, digits.length);
        System.arraycopy(json, offset + length, out, offset + digits.length, json.length - offset - length);
        return out;
    }

    private static boolean equalsAscii(byte[] json, int from, int to, String s) {
        if (to - from != s.length()) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (json[from + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int skipWs(byte[] json, int i) {
        while (i < json.length && (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** {@code i} at an opening quote; returns the index after the closing quote. */
    private static int skipString(byte[] json, int i) {
        i++;
        while (i < json.length) {
            byte b = json[i];
            if (b == '\\') {
                i += 2;
            } else if (b == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return i;
    }

    private static int skipValue(byte[] json, int i) {
        if (i >= json.length) {
            return i;
        }
        byte b = json[i];
        if (b == '"') {
            return skipString(json, i);
        }
        if (b == '{' || b == '[') {
            int depth = 0;
            while (i < json.length) {
                byte c = json[i];
                if (c == '"') {
                    i = skipString(json, i);
                    continue;
                }
                if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
                i++;
            }
            return i;
        }
        while (i < json.length && json[i] != ',' && json[i] != '}' && json[i] != ']') {
            i++;
        }
        return i;
    }
}
