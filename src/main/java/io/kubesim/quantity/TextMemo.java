package io.kubesim.quantity;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A function of a quantity's text, remembered for the first {@value #LIMIT} texts: the same few quantities
 * ({@code 100m}, {@code 128Mi}, a node's allocatable) are parsed on every write and scheduling cycle otherwise.
 * Texts beyond the limit are computed each time, so a client sending unique quantities cannot grow it.
 */
public final class TextMemo<V> {

    static final int LIMIT = 4096;

    private final ConcurrentHashMap<String, V> values = new ConcurrentHashMap<>();
    private final Function<String, V> compute;

    public TextMemo(Function<String, V> compute) {
        this.compute = compute;
    }

    public V get(String text) {
        V known = values.get(text);
        if (known != null) {
            return known;
        }
        V v = compute.apply(text);
        if (values.size() < LIMIT) {
            values.put(text, v);
        }
        return v;
    }
}
