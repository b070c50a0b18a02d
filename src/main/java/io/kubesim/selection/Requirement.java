package io.kubesim.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One clause of a label selector ({@code labels.Requirement}); a selector is the AND of its requirements.
 *
 * <p>{@link #toString()} is the Go {@code Requirement.String()} form, e.g. {@code app=web},
 * {@code tier notin (a,b)}, {@code !canary}, {@code replicas>3}.
 */
public sealed interface Requirement
        permits Requirement.Exact, Requirement.SetMembership, Requirement.Existence, Requirement.Comparison {

    /** The label key. */
    String key();

    /** The operator. */
    Operator operator();

    /** The values as given (one for exact and comparison clauses, none for existence clauses). */
    List<String> values();

    /** Whether the labels (never null here) satisfy this requirement. */
    boolean matches(Map<String, String> labels);

    /** {@code key=value}, {@code key==value} or {@code key!=value}; {@code !=} also matches an absent key. */
    record Exact(String key, Operator operator, String value) implements Requirement {
        public Exact {
            Objects.requireNonNull(key);
            Objects.requireNonNull(value);
            if (operator != Operator.EQUALS && operator != Operator.DOUBLE_EQUALS && operator != Operator.NOT_EQUALS) {
                throw new IllegalArgumentException("not an exact-match operator: " + operator);
            }
        }

        @Override
        public List<String> values() {
            return List.of(value);
        }

        @Override
        public boolean matches(Map<String, String> labels) {
            String actual = labels.get(key);
            if (operator == Operator.NOT_EQUALS) {
                return actual == null || !actual.equals(value);
            }
            return actual != null && actual.equals(value);
        }

        @Override
        public String toString() {
            return key + operatorText() + value;
        }

        private String operatorText() {
            return switch (operator) {
                case DOUBLE_EQUALS -> "==";
                case NOT_EQUALS -> "!=";
                default -> "=";
            };
        }
    }

    /** {@code key in (v1,v2)} or {@code key notin (v1,v2)}; {@code notin} also matches an absent key. */
    record SetMembership(String key, Operator operator, List<String> values) implements Requirement {
        public SetMembership {
            Objects.requireNonNull(key);
            values = List.copyOf(values);
            if (operator != Operator.IN && operator != Operator.NOT_IN) {
                throw new IllegalArgumentException("not a set operator: " + operator);
            }
        }

        @Override
        public boolean matches(Map<String, String> labels) {
            String actual = labels.get(key);
            if (operator == Operator.NOT_IN) {
                return actual == null || !values.contains(actual);
            }
            return actual != null && values.contains(actual);
        }

        /** Values are printed sorted (Go's {@code safeSort}), without removing duplicates. */
        @Override
        public String toString() {
            List<String> sorted = new ArrayList<>(values);
            sorted.sort(GoText.BYTE_ORDER);
            String op = operator == Operator.IN ? " in (" : " notin (";
            return key + op + String.join(",", sorted) + ")";
        }
    }

    /** {@code key} (exists) or {@code !key} (does not exist). */
    record Existence(String key, Operator operator) implements Requirement {
        public Existence {
            Objects.requireNonNull(key);
            if (operator != Operator.EXISTS && operator != Operator.DOES_NOT_EXIST) {
                throw new IllegalArgumentException("not an existence operator: " + operator);
            }
        }

        @Override
        public List<String> values() {
            return List.of();
        }

        @Override
        public boolean matches(Map<String, String> labels) {
            return labels.containsKey(key) == (operator == Operator.EXISTS);
        }

        @Override
        public String toString() {
            return operator == Operator.DOES_NOT_EXIST ? "!" + key : key;
        }
    }

    /**
     * {@code key>n} or {@code key<n}: the label must be present and parse as a 64-bit integer that compares
     * strictly; a non-integer label value never matches.
     */
    record Comparison(String key, Operator operator, String value) implements Requirement {
        public Comparison {
            Objects.requireNonNull(key);
            Objects.requireNonNull(value);
            if (operator != Operator.GREATER_THAN && operator != Operator.LESS_THAN) {
                throw new IllegalArgumentException("not a comparison operator: " + operator);
            }
        }

        @Override
        public List<String> values() {
            return List.of(value);
        }

        @Override
        public boolean matches(Map<String, String> labels) {
            String actual = labels.get(key);
            if (actual == null) {
                return false;
            }
            OptionalLong have = GoText.parseInt64(actual);
            OptionalLong bound = GoText.parseInt64(value);
            if (have.isEmpty() || bound.isEmpty()) {
                return false;
            }
            return operator == Operator.GREATER_THAN
                    ? have.getAsLong() > bound.getAsLong()
                    : have.getAsLong() < bound.getAsLong();
        }

        @Override
        public String toString() {
            return key + (operator == Operator.GREATER_THAN ? ">" : "<") + value;
        }
    }
}
