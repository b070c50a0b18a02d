package io.kubesim.registry.codec;

import io.kubesim.storage.RevisionedBody;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An encoded object with a hole where {@code metadata.resourceVersion}'s digits go. Rendering
 * concatenates, so the store can stamp the revision on its writer thread for free.
 */
public final class RevisionTemplate implements RevisionedBody {

    private final byte[] prefix;
    private final byte[] suffix;

    RevisionTemplate(byte[] prefix, byte[] suffix) {
        this.prefix = prefix;
        this.suffix = suffix;
    }

    @Override
    public byte[] render(long revision) {
        return render(Long.toString(revision));
    }

    /** The document with the given resourceVersion text (e.g. the old one, to detect no-op writes). */
    public byte[] render(String resourceVersion) {
        byte[] digits = resourceVersion.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[prefix.length + digits.length + suffix.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(digits, 0, out, prefix.length, digits.length);
        System.arraycopy(suffix, 0, out, prefix.length + digits.length, suffix.length);
        return out;
    }

    /** Whether rendering with {@code resourceVersion} gives exactly {@code stored}. */
    public boolean sameAs(byte[] stored, String resourceVersion) {
        int n = resourceVersion.length();
        if (stored.length != prefix.length + n + suffix.length) {
            return false;
        }
        return Arrays.equals(stored, 0, prefix.length, prefix, 0, prefix.length)
                && Arrays.equals(stored, prefix.length + n, stored.length, suffix, 0, suffix.length)
                && new String(stored, prefix.length, n, StandardCharsets.US_ASCII).equals(resourceVersion);
    }
}
