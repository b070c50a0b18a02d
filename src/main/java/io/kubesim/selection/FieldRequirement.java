package io.kubesim.selection;

import java.util.Objects;

/**
 * One term of a field selector ({@code fields.Requirement}). {@code ==} parses to {@link Operator#EQUALS}.
 *
 * @param field the field path as written, e.g. {@code metadata.name} (no escaping applies to it)
 * @param operator equality or inequality
 * @param value the unescaped value
 */
public record FieldRequirement(String field, Operator operator, String value) {

    /** Field selector operators. */
    public enum Operator {
        /** {@code field=value} or {@code field==value}. */
        EQUALS,
        /** {@code field!=value}. */
        NOT_EQUALS
    }

    /** Validates that no component is null. */
    public FieldRequirement {
        Objects.requireNonNull(field);
        Objects.requireNonNull(operator);
        Objects.requireNonNull(value);
    }

    /** Whether the object's value of {@link #field()} ({@code ""} when missing) satisfies the term. */
    public boolean matches(String actual) {
        String have = actual == null ? "" : actual;
        return (operator == Operator.EQUALS) == have.equals(value);
    }

    /** Canonical form: {@code field=value} or {@code field!=value} with {@code \ , =} escaped in the value. */
    @Override
    public String toString() {
        return field + (operator == Operator.EQUALS ? "=" : "!=") + FieldSelector.escapeValue(value);
    }
}
