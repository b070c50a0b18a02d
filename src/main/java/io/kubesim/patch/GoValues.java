package io.kubesim.patch;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How apimachinery sees a decoded JSON value ({@code kjson.UnmarshalCaseSensitivePreserveInts}): its Go type, Go's
 * {@code ==} between two values held in {@code interface{}}, and {@code fmt}'s {@code %v}/{@code %s} renderings used in
 * error texts.
 */
final class GoValues {

    /** The dynamic Go type of a decoded JSON value. */
    enum Kind { MAP, LIST, STRING, INT, FLOAT, BOOL, NULL }

    /** A value usable as a Go map key: scalars compare like Go {@code ==}. */
    record Key(Kind kind, Object value) {
    }

    private GoValues() {
    }

    static Kind kind(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return Kind.NULL;
        }
        if (n.isObject()) {
            return Kind.MAP;
        }
        if (n.isArray()) {
            return Kind.LIST;
        }
        if (n.isNumber()) {
            return n.isIntegralNumber() && n.canConvertToLong() ? Kind.INT : Kind.FLOAT;
        }
        return n.isBoolean() ? Kind.BOOL : Kind.STRING;
    }

    /** A key with Go's equality: {@code int64(1) != float64(1)}, strings by content. */
    static Key key(JsonNode n) {
        Kind kind = kind(n);
        return switch (kind) {
            case NULL -> new Key(kind, "");
            case INT -> new Key(kind, n.longValue());
            case FLOAT -> new Key(kind, n.doubleValue() == 0.0 ? 0.0 : n.doubleValue());
            case BOOL -> new Key(kind, n.booleanValue());
            case STRING -> new Key(kind, n.asString());
            case MAP, LIST -> new Key(kind, n);
        };
    }

    /** Go's {@code a == b} on two {@code interface{}} values (containers compared deeply instead of panicking). */
    static boolean same(JsonNode a, JsonNode b) {
        return key(a).equals(key(b));
    }

    /** {@code reflect.TypeOf(v).String()} as printed by {@code %s}. */
    static String typeName(JsonNode n) {
        return switch (kind(n)) {
            case MAP -> "map[string]interface {}";
            case LIST -> "[]interface {}";
            case STRING -> "string";
            case INT -> "int64";
            case FLOAT -> "float64";
            case BOOL -> "bool";
            case NULL -> "%!s(<nil>)";
        };
    }

    /** The JSON kind named by {@code encoding/json}'s {@code UnmarshalTypeError}: object, array, number... */
    static String jsonKind(JsonNode n) {
        return switch (kind(n)) {
            case MAP -> "object";
            case LIST -> "array";
            case INT, FLOAT -> "number";
            case BOOL -> "bool";
            case NULL -> "null";
            case STRING -> "string";
        };
    }

    /** {@code fmt.Sprintf("%s", v)}. */
    static String s(JsonNode n) {
        return switch (kind(n)) {
            case STRING -> n.asString();
            case NULL -> "%!s(<nil>)";
            case INT, FLOAT, BOOL -> "%!s(" + typeName(n) + "=" + v(n) + ")";
            case MAP, LIST -> v(n);
        };
    }

    /** {@code fmt.Sprintf("%v", v)}: maps as {@code map[k:v ...]} with sorted keys, lists as {@code [a b]}. */
    static String v(JsonNode n) {
        return switch (kind(n)) {
            case NULL -> "<nil>";
            case STRING -> n.asString();
            case INT -> Long.toString(n.longValue());
            case BOOL -> Boolean.toString(n.booleanValue());
            case FLOAT -> floatV(n.decimalValue());
            case LIST -> list(new ArrayList<>(n.values()));
            case MAP -> map(n);
        };
    }

    /** {@code %v} of a Go slice of values. */
    static String list(List<JsonNode> items) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            b.append(i == 0 ? "" : " ").append(v(items.get(i)));
        }
        return b.append(']').toString();
    }

    private static String map(JsonNode n) {
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            sorted.put(e.getKey(), e.getValue());
        }
        StringBuilder b = new StringBuilder("map[");
        boolean first = true;
        for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
            b.append(first ? "" : " ").append(e.getKey()).append(':').append(v(e.getValue()));
            first = false;
        }
        return b.append(']').toString();
    }

    /** {@code strconv.FormatFloat(f, 'g', -1, 64)}: exponent form when the exponent is below -4 or at least 6. */
    private static String floatV(BigDecimal d) {
        if (d.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = d.stripTrailingZeros();
        int exponent = stripped.precision() - stripped.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            String digits = stripped.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String sign = stripped.signum() < 0 ? "-" : "";
            String exp = String.format("%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        return stripped.toPlainString();
    }
}
