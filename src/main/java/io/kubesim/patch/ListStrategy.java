package io.kubesim.patch;

import java.util.Objects;

/**
 * How strategic merge patch treats a list field, after its Go struct tags: no {@code patchStrategy} means
 * {@link #ATOMIC} (the patch replaces the list), {@code patchStrategy:"merge"} without a key means
 * {@link #MERGE_PRIMITIVE} (a set union of scalars), and with {@code patchMergeKey:"k"} it is {@link #mergeByKey}.
 */
public sealed interface ListStrategy permits ListStrategy.Atomic, ListStrategy.MergePrimitive, ListStrategy.MergeByKey {

    /** The list is replaced wholesale. */
    ListStrategy ATOMIC = new Atomic();

    /** A list of scalars merged as an ordered set. */
    ListStrategy MERGE_PRIMITIVE = new MergePrimitive();

    /** A list of maps whose elements are matched by {@code key} and merged. */
    static ListStrategy mergeByKey(String key) {
        return new MergeByKey(key);
    }

    /** True for {@code patchStrategy:"merge"}. */
    default boolean merges() {
        return !(this instanceof Atomic);
    }

    /** The {@code patchMergeKey}, empty when there is none. */
    default String mergeKey() {
        return this instanceof MergeByKey byKey ? byKey.key() : "";
    }

    /** No patch strategy. */
    record Atomic() implements ListStrategy {
    }

    /** {@code patchStrategy:"merge"} without a merge key. */
    record MergePrimitive() implements ListStrategy {
    }

    /** {@code patchStrategy:"merge" patchMergeKey:"key"}. */
    record MergeByKey(String key) implements ListStrategy {
        public MergeByKey {
            Objects.requireNonNull(key, "key");
            if (key.isEmpty()) {
                throw new IllegalArgumentException("empty merge key");
            }
        }
    }
}
