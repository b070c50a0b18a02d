package io.kubesim.registry.validation;

import tools.jackson.databind.json.JsonMapper;

/** Renders values the way Go's fmt package does in apimachinery messages ({@code %q}, JSON fallback). */
public final class GoFormat {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GoFormat() {
    }

    /** Go's {@code %q}: a double-quoted string with Go escapes. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 7 -> b.append("\\a");
                case 8 -> b.append("\\b");
                case 12 -> b.append("\\f");
                case 11 -> b.append("\\v");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        b.append(String.format("\\x%02x", cp));
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.append('"').toString();
    }

    /** Compact JSON of any value (Go's fallback for structs, maps and slices in field errors). */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (RuntimeException e) {
            return String.valueOf(value);
        }
    }
}
