package io.kubesim.patch.apply;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * structured-merge-diff's view of a JSON value ({@code value.Compare}, {@code value.Equals}, {@code value.ToString})
 * on Jackson trees, plus the Go-flavoured JSON text used inside {@code k:} and {@code v:} path elements. Integers and
 * floats compare numerically; otherwise the total order is float &lt; int &lt; string &lt; bool &lt; list &lt; map
 * &lt; null.
 */
final class Values {

    /** A plain mapper for small conversions. */
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Values() {
    }

    /** Parses the JSON inside a {@code k:} or {@code v:} path element. */
    static JsonNode readJson(String text, String element) {
        try {
            return MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("invalid path element " + element + ": " + e.getOriginalMessage(), e);
        }
    }

    private static int rank(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return 6;
        }
        if (v.isNumber()) {
            return isInt(v) ? 1 : 0;
        }
        if (v.isString()) {
            return 2;
        }
        if (v.isBoolean()) {
            return 3;
        }
        return v.isArray() ? 4 : 5;
    }

    /** True for a number that decodes to a Go int64 (no fraction or exponent in the source). */
    static boolean isInt(JsonNode v) {
        return v.isIntegralNumber() && v.canConvertToLong();
    }

    /** {@code value.Compare}: a total order over JSON values. */
    static int compare(JsonNode a, JsonNode b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra <= 1 && rb <= 1) {
            if (ra == 1 && rb == 1) {
                return Long.compare(a.longValue(), b.longValue());
            }
            return a.decimalValue().compareTo(b.decimalValue());
        }
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        switch (ra) {
            case 2:
                return a.stringValue().compareTo(b.stringValue());
            case 3:
                return Boolean.compare(a.booleanValue(), b.booleanValue());
            case 4:
                return compareLists(a, b);
            case 5:
                return compareMaps(a, b);
            default:
                return 0;
        }
    }

    private static int compareLists(JsonNode a, JsonNode b) {
        for (int i = 0; ; i++) {
            if (i >= a.size() || i >= b.size()) {
                return Integer.compare(a.size(), b.size());
            }
            int c = compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
    }

    private static int compareMaps(JsonNode a, JsonNode b) {
        Iterator<Map.Entry<String, JsonNode>> ia = sorted(a).entrySet().iterator();
        Iterator<Map.Entry<String, JsonNode>> ib = sorted(b).entrySet().iterator();
        while (ia.hasNext() && ib.hasNext()) {
            Map.Entry<String, JsonNode> ea = ia.next();
            Map.Entry<String, JsonNode> eb = ib.next();
            int c = ea.getKey().compareTo(eb.getKey());
            if (c == 0) {
                c = compare(ea.getValue(), eb.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(ia.hasNext(), ib.hasNext());
    }

    private static TreeMap<String, JsonNode> sorted(JsonNode object) {
        TreeMap<String, JsonNode> m = new TreeMap<>();
        object.properties().forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    /** {@code value.Equals}: deep equality with ints and floats compared numerically, map order ignored. */
    static boolean equal(JsonNode a, JsonNode b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra <= 1 && rb <= 1) {
            return compare(a, b) == 0;
        }
        if (ra != rb) {
            return false;
        }
        if (ra == 4) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (ra == 5) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                JsonNode other = b.get(e.getKey());
                if (other == null || !equal(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return compare(a, b) == 0;
    }

    /** {@link #equal}, ignoring the property {@code key} when both values are objects (without copying them). */
    static boolean equalExcept(JsonNode a, JsonNode b, String key) {
        if (a == null || b == null) {
            return a == b;
        }
        if (!a.isObject() || !b.isObject()) {
            return equal(a, b);
        }
        if (a.size() - (a.has(key) ? 1 : 0) != b.size() - (b.has(key) ? 1 : 0)) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : a.properties()) {
            if (e.getKey().equals(key)) {
                continue;
            }
            JsonNode other = b.get(e.getKey());
            if (other == null || !equal(e.getValue(), other)) {
                return false;
            }
        }
        return true;
    }

    /** {@code value.ToString}: strings Go-quoted, maps as {@code k=v} pairs, lists bracketed. */
    static String toDisplay(JsonNode v) {
        switch (rank(v)) {
            case 0:
                return goFloat(v.doubleValue(), false);
            case 1:
                return Long.toString(v.longValue());
            case 2:
                return goQuote(v.stringValue());
            case 3:
                return Boolean.toString(v.booleanValue());
            case 4: {
                List<String> parts = new ArrayList<>();
                v.values().forEach(item -> parts.add(toDisplay(item)));
                return "[" + String.join(",", parts) + "]";
            }
            case 5: {
                StringBuilder sb = new StringBuilder();
                sorted(v).forEach((k, item) -> sb.append(k).append('=').append(toDisplay(item)));
                return sb.toString();
            }
            default:
                return "null";
        }
    }

    /** Go's {@code %q} of a string: double quotes, backslash escapes for quotes, backslashes and controls. */
    static String goQuote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        sb.append(String.format("\\x%02x", cp));
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
        return sb.append('"').toString();
    }

    /**
     * Go {@code encoding/json} text of a value: object keys sorted, HTML characters escaped, integral numbers without
     * a fraction. Used for {@code k:}/{@code v:} path elements and the last-applied annotation.
     */
    static String goJson(JsonNode v) {
        StringBuilder sb = new StringBuilder();
        writeGoJson(v, sb);
        return sb.toString();
    }

    private static void writeGoJson(JsonNode v, StringBuilder sb) {
        switch (rank(v)) {
            case 0 -> sb.append(goFloat(v.doubleValue(), true));
            case 1 -> sb.append(v.longValue());
            case 2 -> goJsonString(v.stringValue(), sb);
            case 3 -> sb.append(v.booleanValue());
            case 4 -> {
                sb.append('[');
                for (int i = 0; i < v.size(); i++) {
                    sb.append(i == 0 ? "" : ",");
                    writeGoJson(v.get(i), sb);
                }
                sb.append(']');
            }
            case 5 -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> e : sorted(v).entrySet()) {
                    sb.append(first ? "" : ",");
                    first = false;
                    goJsonString(e.getKey(), sb);
                    sb.append(':');
                    writeGoJson(e.getValue(), sb);
                }
                sb.append('}');
            }
            default -> sb.append("null");
        }
    }

    static void goJsonString(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /**
     * Go's float text: {@code encoding/json} ({@code 'f'} unless below 1e-6 or from 1e21 on) or {@code %v}
     * ({@code 'g'} with the shortest digits, exponent form below 1e-4 or from 1e6 on).
     */
    static String goFloat(double d, boolean json) {
        if (d == 0 || Double.isNaN(d) || Double.isInfinite(d)) {
            return d == 0 ? "0" : Double.toString(d);
        }
        double abs = Math.abs(d);
        BigDecimal shortest = new BigDecimal(Double.toString(abs)).stripTrailingZeros();
        int exponent = shortest.precision() - shortest.scale() - 1;
        boolean useExponent = json ? (abs < 1e-6 || abs >= 1e21) : (exponent < -4 || exponent >= 6);
        String sign = d < 0 ? "-" : "";
        if (!useExponent) {
            return sign + shortest.toPlainString();
        }
        String digits = shortest.unscaledValue().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = json && exponent < 0 ? Integer.toString(-exponent) : String.format("%02d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }
}
