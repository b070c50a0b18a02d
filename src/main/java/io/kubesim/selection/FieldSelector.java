package io.kubesim.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A Kubernetes field selector ({@code fields.Selector}): the AND of {@link FieldRequirement}s.
 *
 * <p>Parsing follows {@code fields.ParseSelector}: terms are split on unescaped commas, sorted, and each is
 * split at the first {@code !=}, {@code ==} or {@code =}; in values {@code \\}, {@code \,} and {@code \=} are
 * the only escapes. Which field names a kind supports is not checked here.
 */
public final class FieldSelector {

    private static final FieldSelector EVERYTHING = new FieldSelector(List.of());
    private static final String[] TERM_OPERATORS = {"!=", "==", "="};

    private final List<FieldRequirement> requirements;

    private FieldSelector(List<FieldRequirement> requirements) {
        this.requirements = requirements;
    }

    /** The selector without terms; matches every object. */
    public static FieldSelector everything() {
        return EVERYTHING;
    }

    /** {@code fields.OneTermEqualSelector}, e.g. {@code metadata.name=<name>} for a watch of one object. */
    public static FieldSelector oneTermEquals(String field, String value) {
        return new FieldSelector(List.of(new FieldRequirement(field, FieldRequirement.Operator.EQUALS, value)));
    }

    /**
     * Parses like {@code fields.ParseSelector}; null or empty selects everything. A term whose field and value
     * are both empty (e.g. a lone {@code =}) is dropped, as the upstream identity transform does.
     *
     * @throws SelectorParseException with the Go text: {@code invalid selector: '<sel>'; can't understand '<term>'},
     *     {@code invalid field selector: invalid escape sequence: \x} or
     *     {@code invalid field selector: unescaped character in value: 61} (Go prints the rune as a number)
     */
    public static FieldSelector parse(String selector) throws SelectorParseException {
        if (selector == null || selector.isEmpty()) {
            return EVERYTHING;
        }
        List<String> terms = splitTerms(selector);
        terms.sort(GoText.BYTE_ORDER);
        List<FieldRequirement> requirements = new ArrayList<>();
        for (String term : terms) {
            if (!term.isEmpty()) {
                FieldRequirement r = parseTerm(selector, term);
                if (!r.field().isEmpty() || !r.value().isEmpty()) {
                    requirements.add(r);
                }
            }
        }
        return requirements.isEmpty() ? EVERYTHING : new FieldSelector(List.copyOf(requirements));
    }

    private static List<String> splitTerms(String selector) {
        List<String> terms = new ArrayList<>();
        int start = 0;
        boolean inSlash = false;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (inSlash) {
                inSlash = false;
            } else if (c == '\\') {
                inSlash = true;
            } else if (c == ',') {
                terms.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(selector.substring(start));
        return terms;
    }

    private static FieldRequirement parseTerm(String selector, String term) throws SelectorParseException {
        for (int i = 0; i < term.length(); i++) {
            for (String op : TERM_OPERATORS) {
                if (term.startsWith(op, i)) {
                    String value = unescapeValue(term.substring(i + op.length()));
                    FieldRequirement.Operator operator = op.equals("!=")
                            ? FieldRequirement.Operator.NOT_EQUALS : FieldRequirement.Operator.EQUALS;
                    return new FieldRequirement(term.substring(0, i), operator, value);
                }
            }
        }
        throw new SelectorParseException("invalid selector: '" + selector + "'; can't understand '" + term + "'");
    }

    /** {@code fields.UnescapeValue}. */
    static String unescapeValue(String s) throws SelectorParseException {
        StringBuilder b = new StringBuilder(s.length());
        boolean inSlash = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (inSlash) {
                if (c != '\\' && c != ',' && c != '=') {
                    throw new SelectorParseException("invalid field selector: invalid escape sequence: \\"
                            + new String(Character.toChars(c)));
                }
                b.appendCodePoint(c);
                inSlash = false;
            } else if (c == '\\') {
                inSlash = true;
            } else if (c == ',' || c == '=') {
                throw new SelectorParseException("invalid field selector: unescaped character in value: " + c);
            } else {
                b.appendCodePoint(c);
            }
        }
        if (inSlash) {
            throw new SelectorParseException("invalid field selector: invalid escape sequence: \\");
        }
        return b.toString();
    }

    /** {@code fields.EscapeValue}: prefixes {@code \}, {@code ,} and {@code =} with a backslash. */
    public static String escapeValue(String s) {
        return s.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=");
    }

    /** Whether every term holds; {@code fieldValue} returns an object's field value, null meaning {@code ""}. */
    public boolean matches(Function<String, String> fieldValue) {
        for (FieldRequirement r : requirements) {
            if (!r.matches(fieldValue.apply(r.field()))) {
                return false;
            }
        }
        return true;
    }

    /** The terms, in the (sorted) order the parser produced them. */
    public List<FieldRequirement> requirements() {
        return requirements;
    }

    /** True when there are no terms. */
    public boolean isEmpty() {
        return requirements.isEmpty();
    }

    /** {@code RequiresExactMatch}: the value of the first {@code =} term on {@code field}, if any. */
    public Optional<String> requiredValue(String field) {
        return requirements.stream()
                .filter(r -> r.operator() == FieldRequirement.Operator.EQUALS && r.field().equals(field))
                .map(FieldRequirement::value)
                .findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldSelector other && requirements.equals(other.requirements);
    }

    @Override
    public int hashCode() {
        return requirements.hashCode();
    }

    /** Canonical form: terms joined by {@code ,}, values escaped; empty for {@link #everything()}. */
    @Override
    public String toString() {
        return requirements.stream().map(FieldRequirement::toString).collect(Collectors.joining(","));
    }
}
