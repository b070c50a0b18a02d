package io.kubesim.registry;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/** {@code generateName}: the prefix (cut to 58 characters) plus 5 random characters, as the apiserver does. */
final class NameGenerator {

    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final int MAX_PREFIX = 63 - 5;

    private final RandomGenerator random;

    NameGenerator() {
        this(new SecureRandom());
    }

    NameGenerator(RandomGenerator random) {
        this.random = random;
    }

    String generate(String prefix) {
        String base = prefix.length() > MAX_PREFIX ? prefix.substring(0, MAX_PREFIX) : prefix;
        StringBuilder b = new StringBuilder(base);
        for (int i = 0; i < 5; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
