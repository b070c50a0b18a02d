package io.kubesim.patch.apply;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers the results of a pure, costly function of immutable keys, at most {@code limit} of them (it starts over
 * when full: the keys that matter, the same managedFields sets and times written again and again, come back at once).
 * Thread-safe.
 */
final class Memo<K, V> {

    private final Map<K, V> values = new ConcurrentHashMap<>();
    private final int limit;

    Memo(int limit) {
        this.limit = limit;
    }

    /** The remembered value for {@code key}, or {@code compute}'s; {@code keep} makes the key safe to hold on to. */
    V get(K key, Function<K, V> compute, Function<K, K> keep) {
        V known = values.get(key);
        if (known != null) {
            return known;
        }
        V value = compute.apply(key);
        if (values.size() >= limit) {
            values.clear();
        }
        values.put(keep.apply(key), value);
        return value;
    }
}
