/**
 * The served kinds: one small strategy per kind (its defaults, validation, selectable fields and
 * special rules) and {@link io.kubesim.registry.kinds.Kinds}, the single list that registers them.
 */
package io.kubesim.registry.kinds;
