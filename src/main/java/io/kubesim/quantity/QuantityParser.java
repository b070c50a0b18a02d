package io.kubesim.quantity;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * A port of apimachinery's {@code resource.ParseQuantity} ({@code parseQuantityString} plus the suffixer),
 * including its quirks: {@code "."}, {@code "Gi"} and {@code "-"} parse as zero, values are rounded up (away
 * from zero) to nano precision, binary values are capped at {@code 2^63-1}, and binary values strictly between
 * 0 and 1 switch to the decimal SI format.
 */
final class QuantityParser {

    private static final String SUFFIX_CHARS = "eEinumkKMGTP";
    private static final int NANO_SCALE = 9;
    private static final int MAX_INT64_FACTORS = 18;
    private static final BigDecimal MAX_INT64 = BigDecimal.valueOf(Long.MAX_VALUE);

    private static final Map<String, Integer> DECIMAL_SUFFIXES = Map.of(
            "n", -9, "u", -6, "m", -3, "", 0, "k", 3, "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);
    private static final Map<String, Integer> BINARY_SUFFIXES = Map.of(
            "Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40, "Pi", 50, "Ei", 60);

    private QuantityParser() {
    }

    /** The lexical parts of a quantity string, as {@code parseQuantityString} splits it. */
    private record Lexed(boolean positive, String rawValue, String num, String denom, String suffix) {
    }

    /** The interpretation of a suffix: base (2 or 10), exponent and format. */
    private record Suffix(int base, int exponent, Quantities.Format format) {
    }

    static Optional<Quantities.Parsed> parse(String str) {
        if (str == null || str.isEmpty()) {
            return Optional.empty();
        }
        if (str.equals("0")) {
            return Optional.of(new Quantities.Parsed(BigDecimal.ZERO, Quantities.Format.DECIMAL_SI));
        }
        Optional<Lexed> lexed = lex(str);
        Optional<Suffix> suffix = lexed.flatMap(l -> interpret(l.suffix()));
        if (suffix.isEmpty()) {
            return Optional.empty();
        }
        try {
            return build(lexed.get(), suffix.get());
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Quantities.Parsed> build(Lexed l, Suffix s) {
        if (!usesInt64FastPath(l, s) && l.rawValue().chars().noneMatch(Character::isDigit)) {
            return Optional.empty(); // Go's inf.Dec.SetString rejects a value without digits
        }
        BigDecimal amount = new BigDecimal(l.num() + (l.denom().isEmpty() ? "" : "." + l.denom()));
        amount = s.base() == 10
                ? amount.scaleByPowerOfTen(s.exponent())
                : amount.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(s.exponent())));
        if (amount.scale() > NANO_SCALE) {
            amount = amount.setScale(NANO_SCALE, RoundingMode.UP);
        }
        Quantities.Format format = s.format();
        if (format == Quantities.Format.BINARY_SI && amount.compareTo(MAX_INT64) > 0) {
            amount = MAX_INT64;
        }
        if (format == Quantities.Format.BINARY_SI && amount.signum() > 0 && amount.compareTo(BigDecimal.ONE) < 0) {
            format = Quantities.Format.DECIMAL_SI;
        }
        return Optional.of(new Quantities.Parsed(l.positive() ? amount : amount.negate(), format));
    }

    /** Whether Go takes its int64 fast path (which never needs the raw value string to be numeric). */
    private static boolean usesInt64FastPath(Lexed l, Suffix s) {
        int digits = l.num().length() + l.denom().length();
        if (s.format() != Quantities.Format.BINARY_SI) {
            return MAX_INT64_FACTORS - digits >= 0 && s.exponent() - l.denom().length() >= -NANO_SCALE;
        }
        if (s.exponent() < 0 || !l.denom().isEmpty()) {
            return false;
        }
        int precision = 15 - l.num().length() - (int) ((float) s.exponent() * 3 / 10) - 1;
        return precision >= 0 && new BigInteger(l.num()).shiftLeft(s.exponent()).bitLength() < 64;
    }

    private static Optional<Lexed> lex(String str) {
        int end = str.length();
        boolean positive = str.charAt(0) != '-';
        int pos = (str.charAt(0) == '-' || str.charAt(0) == '+') ? 1 : 0;
        while (pos < end && str.charAt(pos) == '0') {
            pos++;
        }
        if (pos >= end) {
            return Optional.of(new Lexed(positive, "0", "0", "", ""));
        }
        int numStart = pos;
        pos = skipDigits(str, pos);
        String num = pos == numStart ? "0" : str.substring(numStart, pos);
        String denom = "";
        if (pos < end && str.charAt(pos) == '.') {
            int denomStart = ++pos;
            pos = skipDigits(str, pos);
            denom = str.substring(denomStart, pos);
        }
        if (skipSuffix(str, pos) < end) {
            return Optional.empty();
        }
        return Optional.of(new Lexed(positive, str.substring(0, pos), num, denom, str.substring(pos)));
    }

    /** Skips suffix letters, an optional exponent sign and exponent digits; returns where that stops. */
    private static int skipSuffix(String str, int from) {
        int pos = from;
        while (pos < str.length() && SUFFIX_CHARS.indexOf(str.charAt(pos)) >= 0) {
            pos++;
        }
        if (pos < str.length() && (str.charAt(pos) == '-' || str.charAt(pos) == '+')) {
            pos++;
        }
        return skipDigits(str, pos);
    }

    private static int skipDigits(String str, int from) {
        int i = from;
        while (i < str.length() && str.charAt(i) >= '0' && str.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static Optional<Suffix> interpret(String suffix) {
        Integer dec = DECIMAL_SUFFIXES.get(suffix);
        if (dec != null) {
            return Optional.of(new Suffix(10, dec, Quantities.Format.DECIMAL_SI));
        }
        Integer bin = BINARY_SUFFIXES.get(suffix);
        if (bin != null) {
            return Optional.of(new Suffix(2, bin, Quantities.Format.BINARY_SI));
        }
        if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
            try {
                long exponent = Long.parseLong(suffix.substring(1));
                return Optional.of(new Suffix(10, (int) exponent, Quantities.Format.DECIMAL_EXPONENT));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
