package io.kubesim.quantity;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes resource quantities, reproducing apimachinery's {@code resource.Quantity}: parsing
 * ({@code ParseQuantity}), the canonical string ({@code Quantity.String()}) and the rounding the API server
 * applies to resource lists ({@code RoundUp(-3)} in {@code SetDefaults_ResourceList}).
 *
 * <p>The canonical form keeps the format family of the input: decimal SI ({@code 0.25 -> 250m},
 * {@code 1000M -> 1G}), binary SI ({@code 1024Mi -> 1Gi}, values below 1024 or not whole fall back to decimal SI)
 * and decimal exponent ({@code 1e3 -> 1e3}, {@code 129e6 -> 129e6}, {@code 1.5e3 -> 1500}).
 */
public final class Quantities {

    /** The three quantity formats of apimachinery. */
    public enum Format {
        /** Suffixes {@code n u m "" k M G T P E}. */
        DECIMAL_SI,
        /** Suffixes {@code Ki Mi Gi Ti Pi Ei}. */
        BINARY_SI,
        /** {@code e<n>} / {@code E<n>} exponents. */
        DECIMAL_EXPONENT
    }

    /**
     * A parsed quantity.
     *
     * @param value  the exact base value (cores, bytes, ...), already rounded up to nano precision
     * @param format the format used when rendering the canonical string
     */
    public record Parsed(BigDecimal value, Format format) {

        /** The canonical string, like Go's {@code Quantity.String()}. */
        @Override
        public String toString() {
            return Quantities.format(value, format);
        }
    }

    private static final BigDecimal BINARY_LOW = BigDecimal.valueOf(-1024);
    private static final BigDecimal BINARY_HIGH = BigDecimal.valueOf(1024);
    private static final BigInteger TEN = BigInteger.TEN;
    private static final BigInteger KIBI = BigInteger.valueOf(1024);
    private static final Map<Integer, String> DECIMAL_SUFFIX = Map.of(
            -9, "n", -6, "u", -3, "m", 0, "", 3, "k", 6, "M", 9, "G", 12, "T", 15, "P", 18, "E");
    private static final String[] BINARY_SUFFIX = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

    private Quantities() {
    }

    /** Parses a quantity string exactly like Go's {@code resource.ParseQuantity} (no whitespace trimming). */
    public static Optional<Parsed> tryParse(String s) {
        return QuantityParser.parse(s);
    }

    /**
     * Parses a quantity into its base value.
     *
     * @throws IllegalArgumentException when {@code s} is not a valid quantity
     */
    public static BigDecimal parse(String s) {
        return tryParse(s).map(Parsed::value)
                .orElseThrow(() -> new IllegalArgumentException("quantities must match the regular expression "
                        + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': " + s));
    }

    /** The base value of a fabric8 quantity ({@code amount + format}); empty when null or invalid. */
    public static Optional<BigDecimal> value(Quantity q) {
        return q == null ? Optional.empty() : tryParse(q.toString()).map(Parsed::value);
    }

    /** Whether {@code s} is accepted by Go's {@code ParseQuantity}. */
    public static boolean isValid(String s) {
        return tryParse(s).isPresent();
    }

    /** The canonical form of a quantity string; empty when invalid. */
    public static Optional<String> canonical(String s) {
        return tryParse(s).map(Parsed::toString);
    }

    /**
     * The form the API server stores for an entry of a resource list: rounded up (away from zero) to milli
     * precision, then canonical ({@code 100n -> 1m}, {@code 0.5 -> 500m}, {@code 1024Mi -> 1Gi}).
     */
    public static Optional<String> canonicalResource(String s) {
        return CANONICAL_RESOURCES.get(s);
    }

    /** Every write of a pod rounds its containers' resource lists: the few texts in use are parsed once. */
    private static final TextMemo<Optional<String>> CANONICAL_RESOURCES = new TextMemo<>(s -> tryParse(s)
            .map(p -> p.value().scale() > 3 ? new Parsed(p.value().setScale(3, RoundingMode.UP), p.format()) : p)
            .map(Parsed::toString));

    /** Go's {@code Quantity.Value()}: the value rounded up (away from zero) to an integer, saturated to long. */
    public static long ceilValue(BigDecimal value) {
        return saturate(value.setScale(0, RoundingMode.UP));
    }

    /** Go's {@code Quantity.MilliValue()}: the value in thousandths, rounded up, saturated to long. */
    public static long ceilMilliValue(BigDecimal value) {
        return saturate(value.movePointRight(3).setScale(0, RoundingMode.UP));
    }

    private static long saturate(BigDecimal integral) {
        if (integral.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Long.MAX_VALUE;
        }
        return integral.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0 ? Long.MIN_VALUE : integral.longValue();
    }

    /**
     * Renders a value like Go's {@code Quantity.CanonicalizeBytes}: zero is {@code "0"}; binary values in
     * (-1024, 1024) or with a fraction are rendered as decimal SI; decimal mantissas are reduced to the smallest
     * integer with an exponent that is a multiple of 3. As in Go, a decimal SI exponent outside {@code n..E}
     * renders without a suffix.
     */
    public static String format(BigDecimal value, Format format) {
        if (value.signum() == 0) {
            return "0";
        }
        Format f = format;
        if (f == Format.BINARY_SI && (value.compareTo(BINARY_LOW) > 0 && value.compareTo(BINARY_HIGH) < 0
                || value.stripTrailingZeros().scale() > 0)) {
            f = Format.DECIMAL_SI;
        }
        return f == Format.BINARY_SI ? formatBinary(value.toBigIntegerExact()) : formatDecimal(value, f);
    }

    private static String formatBinary(BigInteger value) {
        BigInteger amount = value;
        int times = 0;
        while (amount.abs().compareTo(KIBI) >= 0 && amount.mod(KIBI).signum() == 0) {
            amount = amount.divide(KIBI);
            times++;
        }
        return amount + (times < BINARY_SUFFIX.length ? BINARY_SUFFIX[times] : "");
    }

    private static String formatDecimal(BigDecimal value, Format format) {
        BigInteger amount = value.unscaledValue();
        long exponent = -(long) value.scale();
        while (amount.mod(TEN).signum() == 0) {
            amount = amount.divide(TEN);
            exponent++;
        }
        while (exponent % 3 != 0) {
            amount = amount.multiply(TEN);
            exponent--;
        }
        if (format == Format.DECIMAL_EXPONENT) {
            return exponent == 0 ? amount.toString() : amount + "e" + exponent;
        }
        String suffix = exponent >= Integer.MIN_VALUE && exponent <= Integer.MAX_VALUE
                ? DECIMAL_SUFFIX.get((int) exponent) : null;
        return amount + (suffix == null ? "" : suffix);
    }
}
