package io.kubesim.selection;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;

/** Small re-implementations of the Go formatting and string helpers the upstream messages rely on. */
final class GoText {

    /** Go compares strings by bytes; for UTF-8 that is code point order (Java's compareTo is UTF-16 order). */
    static final Comparator<String> BYTE_ORDER = GoText::compareCodePoints;

    private static final String HEX = "0123456789abcdef";

    private GoText() {
    }

    /** Go's {@code %q} verb ({@code strconv.Quote}). */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> appendQuoted(b, cp));
        return b.append('"').toString();
    }

    private static void appendQuoted(StringBuilder b, int cp) {
        switch (cp) {
            case '"' -> b.append("\\\"");
            case '\\' -> b.append("\\\\");
            case 7 -> b.append("\\a");
            case '\b' -> b.append("\\b");
            case '\f' -> b.append("\\f");
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            case 11 -> b.append("\\v");
            default -> {
                if (isPrint(cp)) {
                    b.appendCodePoint(cp);
                } else if (cp < ' ' || cp == 0x7f) {
                    b.append("\\x").append(hex(cp, 2));
                } else if (cp < 0x10000) {
                    b.append("\\u").append(hex(cp, 4));
                } else {
                    b.append("\\U").append(hex(cp, 8));
                }
            }
        }
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                 Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                 Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /** Go's {@code json.Marshal} of a {@code []string}; an empty or null list is a nil slice, i.e. {@code null}. */
    static String jsonStrings(List<String> values) {
        if (values == null || values.isEmpty()) {
            return "null";
        }
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            appendJsonString(b, values.get(i));
        }
        return b.append(']').toString();
    }

    private static void appendJsonString(StringBuilder b, String s) {
        b.append('"');
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (cp < 0x20 || cp == '<' || cp == '>' || cp == '&' || cp == 0x2028 || cp == 0x2029) {
                        b.append("\\u").append(hex(cp, 4));
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        b.append('"');
    }

    /**
     * {@code field.ErrorList.ToAggregate().Error()}: duplicates dropped, a single message as is,
     * several as {@code [m1, m2]}.
     */
    static String aggregate(List<String> messages) {
        List<String> unique = List.copyOf(new LinkedHashSet<>(messages));
        return unique.size() == 1 ? unique.get(0) : "[" + String.join(", ", unique) + "]";
    }

    /** {@code field.Invalid(path, value, detail).Error()} for an already rendered bad value. */
    static String invalid(String path, String renderedValue, String detail) {
        return path + ": Invalid value: " + renderedValue + ": " + detail;
    }

    /** {@code strconv.ParseInt(s, 10, 64)}: optional sign, ASCII digits only, 64-bit range. */
    static OptionalLong parseInt64(String s) {
        int start = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        if (start == s.length()) {
            return OptionalLong.empty();
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return OptionalLong.empty();
            }
        }
        try {
            return OptionalLong.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Go's {@code len(s)}: the UTF-8 byte length. */
    static int byteLength(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static String hex(int value, int width) {
        StringBuilder b = new StringBuilder();
        for (int shift = (width - 1) * 4; shift >= 0; shift -= 4) {
            b.append(HEX.charAt((value >> shift) & 0xf));
        }
        return b.toString();
    }
}
