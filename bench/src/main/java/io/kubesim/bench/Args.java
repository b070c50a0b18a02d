package io.kubesim.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --key value} options after a command word. */
final class Args {

    private final String command;
    private final Map<String, String> options = new HashMap<>();

    Args(String[] args) {
        command = args.length == 0 ? "help" : args[0];
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --key value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
    }

    String command() {
        return command;
    }

    String string(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    int integer(String key, int fallback) {
        return Integer.parseInt(options.getOrDefault(key, Integer.toString(fallback)));
    }

    Path path(String key, String fallback) {
        return Path.of(string(key, fallback));
    }

    /** A comma-separated list; empty when the option is absent and {@code fallback} is empty. */
    List<String> list(String key, String fallback) {
        String v = string(key, fallback);
        return v.isBlank() ? List.of() : List.of(v.split(","));
    }

    /** Comma-separated {@code key=value} pairs, in their order; none when the value is empty. */
    Map<String, String> properties(String key, String fallback) {
        Map<String, String> props = new java.util.LinkedHashMap<>();
        for (String pair : list(key, fallback)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value in --" + key + ", got " + pair);
            }
            props.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return props;
    }

    /** A space-separated list of JVM options. */
    List<String> jvmOptions(String key, String fallback) {
        String v = string(key, fallback).trim();
        return v.isEmpty() ? List.of() : List.of(v.split("\\s+"));
    }
}
