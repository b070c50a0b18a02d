package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.Quantity;
import io.kubesim.quantity.TextMemo;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing and canonical printing of resource quantities like apimachinery's {@code resource.Quantity}
 * ({@code ParseQuantity}, {@code String()}).
 */
public final class Quantities {

    /** The error of {@code ParseQuantity} for malformed input ({@code ErrFormatWrong}). */
    public static final String FORMAT_ERROR =
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    /** The error of {@code ParseQuantity} for an unknown suffix ({@code ErrSuffix}). */
    public static final String SUFFIX_ERROR = "unable to parse quantity's suffix";

    private static final Pattern FORMAT = Pattern.compile("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$");
    private static final Map<String, Integer> DECIMAL = Map.of("n", -9, "u", -6, "m", -3, "", 0, "k", 3,
            "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);
    private static final Map<String, Integer> BINARY = Map.of("Ki", 1, "Mi", 2, "Gi", 3, "Ti", 4, "Pi", 5, "Ei", 6);
    private static final String[] DECIMAL_SUFFIX = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};
    private static final String[] BINARY_SUFFIX = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    private static final BigDecimal K1024 = BigDecimal.valueOf(1024);

    /** A parsed quantity: its exact value (rounded up to nano units) and its format. */
    public record Parsed(BigDecimal value, Format format) {
    }

    /** Go's {@code resource.Format}. */
    public enum Format { DECIMAL_SI, BINARY_SI, DECIMAL_EXPONENT }

    private Quantities() {
    }

    /** The text of a fabric8 quantity (amount plus format suffix). */
    public static String text(Quantity q) {
        if (q == null) {
            return "";
        }
        return (q.getAmount() == null ? "" : q.getAmount()) + (q.getFormat() == null ? "" : q.getFormat());
    }

    /**
     * Parse results by text, a {@link Parsed} or the error message: every write validates the same few quantities
     * ({@code 100m}, {@code 64Mi}) and each parse does big-decimal arithmetic.
     */
    private static final TextMemo<Object> PARSED = new TextMemo<>(Quantities::parseOrMessage);
    private static final TextMemo<String> CANONICAL = new TextMemo<>(Quantities::canonicalOf);

    /** The parse error, if any ({@link #FORMAT_ERROR} or {@link #SUFFIX_ERROR}). */
    public static Optional<String> parseError(String s) {
        return PARSED.get(s == null ? "" : s) instanceof String message ? Optional.of(message) : Optional.empty();
    }

    /** Parses like {@code ParseQuantity}; throws {@link IllegalArgumentException} with the upstream message. */
    public static Parsed parse(String s) {
        Object result = PARSED.get(s == null ? "" : s);
        if (result instanceof Parsed parsed) {
            return parsed;
        }
        throw new IllegalArgumentException((String) result);
    }

    private static Object parseOrMessage(String s) {
        try {
            return parseText(s);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static Parsed parseText(String s) {
        Matcher m = FORMAT.matcher(s == null ? "" : s);
        if (!m.matches() || m.group(1).replace("+", "").replace("-", "").equals(".")) {
            throw new IllegalArgumentException(FORMAT_ERROR);
        }
        BigDecimal number;
        try {
            number = new BigDecimal(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(FORMAT_ERROR);
        }
        String suffix = m.group(2);
        BigDecimal value;
        Format format;
        if (BINARY.containsKey(suffix)) {
            format = Format.BINARY_SI;
            value = number.multiply(K1024.pow(BINARY.get(suffix)));
        } else if (DECIMAL.containsKey(suffix)) {
            format = Format.DECIMAL_SI;
            value = number.scaleByPowerOfTen(DECIMAL.get(suffix));
        } else if (suffix.matches("[eE][-+]?[0-9]+")) {
            format = Format.DECIMAL_EXPONENT;
            value = number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
        } else {
            throw new IllegalArgumentException(SUFFIX_ERROR);
        }
        return new Parsed(value.setScale(9, RoundingMode.UP).stripTrailingZeros(), format);
    }

    /** Go's {@code Quantity.String()}: canonical form, e.g. {@code 1000m} → {@code 1}, {@code 1024Mi} → {@code 1Gi}. */
    public static String canonical(String s) {
        return s == null ? canonicalOf(null) : CANONICAL.get(s);
    }

    private static String canonicalOf(String s) {
        try {
            return canonical(parse(s));
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** The canonical text of a parsed quantity. */
    public static String canonical(Parsed q) {
        BigDecimal v = q.value();
        if (v.signum() == 0) {
            return "0";
        }
        Format format = q.format();
        if (format == Format.BINARY_SI) {
            boolean small = v.abs().compareTo(K1024) < 0;
            boolean integral = v.stripTrailingZeros().scale() <= 0;
            if (small || !integral) {
                format = Format.DECIMAL_SI;
            } else {
                return binary(v.toBigIntegerExact());
            }
        }
        BigDecimal stripped = v.stripTrailingZeros();
        BigInteger mantissa = stripped.unscaledValue();
        int exponent = -stripped.scale();
        int adjust = Math.floorMod(exponent, 3);
        mantissa = mantissa.multiply(BigInteger.TEN.pow(adjust));
        exponent -= adjust;
        String suffix;
        if (format == Format.DECIMAL_EXPONENT) {
            suffix = exponent == 0 ? "" : "e" + exponent;
        } else if (exponent >= -9 && exponent <= 18) {
            suffix = DECIMAL_SUFFIX[(exponent + 9) / 3];
        } else {
            suffix = "e" + exponent;
        }
        return mantissa + suffix;
    }

    private static String binary(BigInteger value) {
        BigInteger k = BigInteger.valueOf(1024);
        int exp = 0;
        BigInteger m = value;
        while (exp < 6 && m.mod(k).signum() == 0 && m.signum() != 0) {
            m = m.divide(k);
            exp++;
        }
        return m + BINARY_SUFFIX[exp];
    }

    /** Compares two valid quantities by value. */
    public static int compare(String a, String b) {
        return parse(a).value().compareTo(parse(b).value());
    }
}
