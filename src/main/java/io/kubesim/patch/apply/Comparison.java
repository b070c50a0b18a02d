package io.kubesim.patch.apply;

/**
 * The difference between two versions of an object (structured-merge-diff {@code typed.Comparison}): fields only in
 * the new one, fields whose leaf value changed, fields only in the old one.
 */
record Comparison(FieldSet added, FieldSet modified, FieldSet removed) {

    /** True when nothing differs. */
    boolean isSame() {
        return added.isEmpty() && modified.isEmpty() && removed.isEmpty();
    }

    /** Added and modified fields together (what another owner would lose or conflict on). */
    FieldSet changed() {
        return modified.union(added);
    }

    /** This comparison without the fields {@code filter} drops (the reset fields of a write). */
    Comparison filtered(FieldFilter filter) {
        return new Comparison(filter.apply(added), filter.apply(modified), filter.apply(removed));
    }
}
