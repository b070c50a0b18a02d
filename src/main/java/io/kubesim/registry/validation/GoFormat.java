package io.kubesim.registry.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders values the way Go does in apimachinery messages: {@code %q} for strings, {@code %v} for numbers and
 * {@code encoding/json} for everything else (map keys sorted, {@code <>&} escaped, struct fields in declaration
 * order via {@link #struct(Object...)}).
 */
public final class GoFormat {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GoFormat() {
    }

    /** A value of a Go named string type (e.g. {@code core.RestartPolicy}): Go prints it as JSON, not {@code %q}. */
    public record Named(String value) {
    }

    /** A Go struct: fields rendered in the given order (Go's {@code json.Marshal} keeps declaration order). */
    public record Struct(Map<String, Object> fields) {
    }

    /** Wraps a value of a named string type; {@code null} becomes the Go zero value {@code ""}. */
    public static Named named(String value) {
        return new Named(value == null ? "" : value);
    }

    /** Builds a {@link Struct} from alternating field names and values. */
    public static Struct struct(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            fields.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return new Struct(Collections.unmodifiableMap(fields));
    }

    /** Go's {@code %q}: a double-quoted string with Go escapes. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> appendQuoted(b, cp));
        return b.append('"').toString();
    }

    private static void appendQuoted(StringBuilder b, int cp) {
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
                } else if (cp >= 0x80 && !isGoPrint(cp)) {
                    b.append(cp > 0xffff ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
                } else {
                    b.appendCodePoint(cp);
                }
            }
        }
    }

    private static boolean isGoPrint(int cp) {
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.PRIVATE_USE && type != Character.UNASSIGNED
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.SPACE_SEPARATOR;
    }

    /** Go's {@code %#v} of a {@code []string}, e.g. {@code []string{"a", "b"}}. */
    public static String goSyntax(List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String v : values) {
            quoted.add(quote(v));
        }
        return "[]string{" + String.join(", ", quoted) + "}";
    }

    /** Go's {@code %v} of a number (integral floats print without a fraction). */
    public static String number(Number n) {
        if (n instanceof Double || n instanceof Float || n instanceof BigDecimal) {
            BigDecimal d = new BigDecimal(n.toString()).stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        }
        return n.toString();
    }

    /** Go's {@code json.Marshal} output for the value (compact, sorted map keys, HTML-safe escapes). */
    public static String json(Object value) {
        StringBuilder b = new StringBuilder();
        try {
            writeJson(b, value);
        } catch (RuntimeException e) {
            return String.valueOf(value);
        }
        return b.toString();
    }

    private static void writeJson(StringBuilder b, Object value) {
        if (value == null) {
            b.append("null");
        } else if (value instanceof String s) {
            writeJsonString(b, s);
        } else if (value instanceof Named n) {
            writeJsonString(b, n.value());
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
            b.append(value);
        } else if (value instanceof Number n) {
            b.append(number(n));
        } else if (value instanceof Struct st) {
            writeObject(b, st.fields());
        } else if (value instanceof Map<?, ?> m) {
            Map<String, Object> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            writeObject(b, sorted);
        } else if (value instanceof Collection<?> c) {
            writeArray(b, c.iterator());
        } else if (value instanceof Object[] arr) {
            writeArray(b, List.of(arr).iterator());
        } else if (value instanceof JsonNode node) {
            writeNode(b, node);
        } else {
            writeNode(b, JSON.valueToTree(value));
        }
    }

    private static void writeObject(StringBuilder b, Map<String, ?> fields) {
        b.append('{');
        boolean first = true;
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            if (!first) {
                b.append(',');
            }
            writeJsonString(b, e.getKey());
            b.append(':');
            writeJson(b, e.getValue());
            first = false;
        }
        b.append('}');
    }

    private static void writeArray(StringBuilder b, Iterator<?> items) {
        b.append('[');
        boolean first = true;
        while (items.hasNext()) {
            if (!first) {
                b.append(',');
            }
            writeJson(b, items.next());
            first = false;
        }
        b.append(']');
    }

    private static void writeNode(StringBuilder b, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            b.append("null");
        } else if (node.isString()) {
            writeJsonString(b, node.asString());
        } else if (node.isNumber()) {
            b.append(number(node.numberValue()));
        } else if (node.isBoolean()) {
            b.append(node.booleanValue());
        } else if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.values().forEach(items::add);
            writeArray(b, items.iterator());
        } else {
            Map<String, Object> fields = new LinkedHashMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
            writeObject(b, fields);
        }
    }

    /** A JSON string literal as Go's encoder writes it. */
    static void writeJsonString(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '<', '>', '&', '\u2028', '\u2029' -> b.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
