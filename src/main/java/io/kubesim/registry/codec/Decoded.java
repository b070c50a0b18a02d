package io.kubesim.registry.codec;

import java.util.List;

/**
 * A strictly decoded value and the problems found: unknown field paths (Go style,
 * {@code spec.containers[0].foo}) and duplicate fields.
 */
public record Decoded<T>(T value, List<String> unknownFields, List<String> duplicateFields) {

    /** The problems as the apiserver words them: {@code unknown field "spec.foo"}, {@code duplicate field "x"}. */
    public List<String> problems() {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        unknownFields.forEach(f -> out.add("unknown field \"" + f + "\""));
        duplicateFields.forEach(f -> out.add("duplicate field \"" + f + "\""));
        return out;
    }
}
