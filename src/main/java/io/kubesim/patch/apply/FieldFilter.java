package io.kubesim.patch.apply;

/**
 * Which fields a write may own (structured-merge-diff's ignore filter, fed by a strategy's {@code GetResetFields}):
 * the fields the server resets are dropped from every comparison and every new ownership.
 */
@FunctionalInterface
interface FieldFilter {

    /** Everything is kept. */
    FieldFilter NONE = set -> set;

    /** {@code set} without the fields this filter drops. */
    FieldSet apply(FieldSet set);

    /** Drops the given fields and everything below them. */
    static FieldFilter excluding(FieldPath... paths) {
        FieldSet excluded = FieldSet.of(paths);
        return set -> set.recursiveDifference(excluded);
    }

    /** Keeps only the given fields and what lies below them. */
    static FieldFilter only(FieldPath... paths) {
        FieldSet kept = FieldSet.of(paths);
        return set -> set.retainUnder(kept);
    }
}
