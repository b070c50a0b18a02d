/**
 * Field management for every write and server-side apply, after kube-apiserver's field manager (apimachinery
 * {@code pkg/util/managedfields/internal}) and structured-merge-diff, on Jackson 3 trees: {@link
 * io.kubesim.patch.apply.FieldSet} (field paths and their FieldsV1 JSON form), {@link
 * io.kubesim.patch.apply.ApplySchema} (list and map types per kind), and {@link
 * io.kubesim.patch.apply.FieldManager} ({@code metadata.managedFields} bookkeeping, apply merging, pruning,
 * conflicts and force). Everything here is pure: inputs are never mutated and no state is kept.
 */
package io.kubesim.patch.apply;
