package io.kubesim.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A label selector made of requirements (Go's {@code internalSelector}); no requirements = everything. */
final class RequirementSelector implements LabelSelector {

    static final RequirementSelector EVERYTHING = new RequirementSelector(List.of());

    private static final Comparator<Requirement> BY_KEY = Comparator.comparing(Requirement::key, GoText.BYTE_ORDER);

    private final List<Requirement> requirements;

    private RequirementSelector(List<Requirement> requirements) {
        this.requirements = requirements;
    }

    /** Sorts (stably) by key, like Go's {@code sort.Sort(ByKey(...))} on small selectors. */
    static RequirementSelector of(List<Requirement> requirements) {
        if (requirements.isEmpty()) {
            return EVERYTHING;
        }
        List<Requirement> sorted = new ArrayList<>(requirements);
        sorted.sort(BY_KEY);
        return new RequirementSelector(List.copyOf(sorted));
    }

    @Override
    public boolean matches(Map<String, String> labels) {
        Map<String, String> actual = labels == null ? Map.of() : labels;
        for (Requirement r : requirements) {
            if (!r.matches(actual)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean isEmpty() {
        return requirements.isEmpty();
    }

    @Override
    public boolean matchesNothing() {
        return false;
    }

    @Override
    public List<Requirement> requirements() {
        return requirements;
    }

    @Override
    public Optional<String> requiredValue(String key) {
        for (Requirement r : requirements) {
            if (r.key().equals(key)) {
                boolean exact = r.operator() == Operator.EQUALS || r.operator() == Operator.DOUBLE_EQUALS
                        || r.operator() == Operator.IN;
                return exact && r.values().size() == 1 ? Optional.of(r.values().get(0)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequirementSelector other && requirements.equals(other.requirements);
    }

    @Override
    public int hashCode() {
        return requirements.hashCode();
    }

    @Override
    public String toString() {
        return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
    }
}
