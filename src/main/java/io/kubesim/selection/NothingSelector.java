package io.kubesim.selection;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code labels.Nothing()}: matches no object, is not "empty", prints as the empty string. */
final class NothingSelector implements LabelSelector {

    static final NothingSelector INSTANCE = new NothingSelector();

    private NothingSelector() {
    }

    @Override
    public boolean matches(Map<String, String> labels) {
        return false;
    }

    @Override
    public boolean isEmpty() {
        return false;
    }

    @Override
    public boolean matchesNothing() {
        return true;
    }

    @Override
    public List<Requirement> requirements() {
        return List.of();
    }

    @Override
    public Optional<String> requiredValue(String key) {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "";
    }
}
