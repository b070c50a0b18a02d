package io.kubesim.patch.apply;

import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ownership bookkeeping and apply merging for one kind and write target (structured-merge-diff {@code merge.Updater}
 * with the strategy's reset fields as ignore filter). kubesim serves one version per kind, so no conversion happens:
 * every manager's set is read against the same schema whatever API version it was recorded at.
 */
final class Updater {

    /** Other managers' fields an apply would change without force. */
    static final class Conflicts extends RuntimeException {
        private final Map<ManagerId, FieldSet> byManager;

        Conflicts(Map<ManagerId, FieldSet> byManager) {
            super("apply conflicts", null, false, false);
            this.byManager = Map.copyOf(byManager);
        }

        Map<ManagerId, FieldSet> byManager() {
            return byManager;
        }
    }

    /** The merged object of an apply and whether it differs from the live object. */
    record Applied(JsonNode object, boolean changed) {
    }

    private final ApplySchema schema;
    private final FieldFilter ignored;

    Updater(ApplySchema schema, FieldFilter ignored) {
        this.schema = schema;
        this.ignored = ignored;
    }

    /**
     * Ownership after {@code oldObject} became {@code newObject} by {@code manager}'s non-apply write: the changed
     * fields move to it (taken from everyone else), removed fields leave every owner. Mutates {@code managers}.
     */
    void update(JsonNode oldObject, JsonNode newObject, String version, Managed managers, ManagerId manager) {
        Comparison compare = transfer(oldObject, newObject, managers, manager, true);
        VersionedSet previous = managers.get(manager);
        FieldSet set = previous == null ? FieldSet.empty() : previous.set();
        set = ignored.apply(set.union(compare.modified()).union(compare.added()).difference(compare.removed()));
        managers.put(manager, new VersionedSet(set, version, false));
    }

    /**
     * Merges {@code config} into {@code live} for {@code manager}'s apply, prunes what it applied last time and no
     * longer does, and records its new set; throws {@link Conflicts} when, without {@code force}, the result would
     * change fields other managers own. Mutates {@code managers}.
     */
    Applied apply(JsonNode live, JsonNode config, String version, Managed managers, ManagerId manager,
                  boolean force) {
        JsonNode merged = Merge.of(live, config, schema);
        VersionedSet last = managers.get(manager);
        FieldSet set = ignored.apply(ToFieldSet.applied(config, schema));
        managers.put(manager, new VersionedSet(set, version, true));
        JsonNode pruned = prune(merged, managers, last);
        transfer(live, pruned, managers, manager, force);
        boolean changed = !Values.equal(ZeroValues.normalize(live, schema), ZeroValues.normalize(pruned, schema));
        return new Applied(Merge.withoutAppliedNulls(pruned, config), changed);
    }

    /** Upstream {@code update}: conflicts and removals for every manager but {@code workflow}. */
    private Comparison transfer(JsonNode oldObject, JsonNode newObject, Managed managers, ManagerId workflow,
                                boolean force) {
        Comparison compare = Compare.of(ZeroValues.normalize(oldObject, schema),
                ZeroValues.normalize(newObject, schema), schema).filtered(ignored);
        Map<ManagerId, FieldSet> conflicts = new LinkedHashMap<>();
        for (Map.Entry<ManagerId, VersionedSet> e : managers.fields().entrySet()) {
            if (e.getKey().equals(workflow)) {
                continue;
            }
            FieldSet conflict = e.getValue().set().intersection(compare.changed());
            if (!conflict.isEmpty()) {
                conflicts.put(e.getKey(), conflict);
            }
        }
        if (!force && !conflicts.isEmpty()) {
            throw new Conflicts(conflicts);
        }
        for (Map.Entry<ManagerId, VersionedSet> e : Map.copyOf(managers.fields()).entrySet()) {
            if (e.getKey().equals(workflow)) {
                continue;
            }
            FieldSet kept = e.getValue().set().difference(conflicts.getOrDefault(e.getKey(), FieldSet.empty()))
                    .difference(compare.removed());
            managers.put(e.getKey(), e.getValue().withSet(kept));
        }
        return compare;
    }

    /**
     * Upstream {@code prune}: removes what {@code last} owned and the new apply set does not, unless some manager
     * (appliers and updaters alike) still owns it; fields nobody owned stay.
     */
    private JsonNode prune(JsonNode merged, Managed managers, VersionedSet last) {
        if (last == null || last.set().isEmpty()) {
            return merged;
        }
        FieldSet lastSet = last.set().ensureNamedFieldsAreMembers();
        JsonNode pruned = Remove.items(merged, lastSet, schema);
        FieldSet owned = FieldSet.empty();
        for (VersionedSet vs : managers.fields().values()) {
            owned = owned.union(vs.set());
        }
        FieldSet mergedSet = ToFieldSet.of(merged, schema).ensureNamedFieldsAreMembers();
        FieldSet prunedSet = ToFieldSet.of(pruned, schema).ensureNamedFieldsAreMembers();
        pruned = Remove.items(merged, mergedSet.difference(prunedSet.union(owned.ensureNamedFieldsAreMembers())),
                schema);
        prunedSet = ToFieldSet.of(pruned, schema).ensureNamedFieldsAreMembers();
        return Remove.items(merged, mergedSet.difference(prunedSet).intersection(lastSet), schema);
    }
}
