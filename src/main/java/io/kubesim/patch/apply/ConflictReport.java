package io.kubesim.patch.apply;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Turns the updater's conflicts into an {@link ApplyConflictException}, in a stable order. */
final class ConflictReport {

    private ConflictReport() {
    }

    /** The conflicts on fields outside {@code allowed}, managers in identifier order, fields in set order. */
    static List<Conflict> remaining(Map<ManagerId, FieldSet> byManager, FieldSet allowed) {
        List<Conflict> out = new ArrayList<>();
        byManager.entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().identifier()))
                .forEach(e -> e.getValue().paths().stream()
                        .filter(path -> !allowed.has(path))
                        .forEach(path -> out.add(new Conflict(e.getKey().manager(), e.getKey().operation(),
                                e.getKey().apiVersion(), e.getKey().subresource(), path.toString()))));
        return out;
    }

    static ApplyConflictException exception(Map<ManagerId, FieldSet> byManager, FieldSet allowed) {
        return new ApplyConflictException(remaining(byManager, allowed));
    }
}
