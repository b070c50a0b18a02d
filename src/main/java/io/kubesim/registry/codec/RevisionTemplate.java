package io.kubesim.registry.codec;

import io.kubesim.storage.RevisionedBody;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An encoded object with a hole where {@code metadata.resourceVersion}'s digits go. Rendering
 * concatenates, so the store can stamp the revision on its writer thread for free. The encoding is kept
 * whole, with the hole's bounds, so that making a template copies nothing.
 */
public final class RevisionTemplate implements RevisionedBody {

    private final byte[] encoded;
    private final int holeStart;
    private final int holeEnd;

    /** {@code encoded} with the bytes from {@code holeStart} (inclusive) to {@code holeEnd} (exclusive) to replace. */
    RevisionTemplate(byte[] encoded, int holeStart, int holeEnd) {
        this.encoded = encoded;
        this.holeStart = holeStart;
        this.holeEnd = holeEnd;
    }

    @Override
    public byte[] render(long revision) {
        return render(Long.toString(revision));
    }

    /** The document with the given resourceVersion text (e.g. the old one, to detect no-op writes). */
    public byte[] render(String resourceVersion) {
        byte[] digits = resourceVersion.getBytes(StandardCharsets.US_ASCII);
        int suffix = encoded.length - holeEnd;
        byte[] out = new byte[holeStart + digits.length + suffix];
        System.arraycopy(encoded, 0, out, 0, holeStart);
        System.arraycopy(digits, 0, out, holeStart, digits.length);
        System.arraycopy(encoded, holeEnd, out, holeStart + digits.length, suffix);
        return out;
    }

    /** Whether rendering with {@code resourceVersion} gives exactly {@code stored}. */
    public boolean sameAs(byte[] stored, String resourceVersion) {
        int n = resourceVersion.length();
        int suffix = encoded.length - holeEnd;
        if (stored.length != holeStart + n + suffix) {
            return false;
        }
        return Arrays.equals(stored, 0, holeStart, encoded, 0, holeStart)
                && Arrays.equals(stored, holeStart + n, stored.length, encoded, holeEnd, encoded.length)
                && new String(stored, holeStart, n, StandardCharsets.US_ASCII).equals(resourceVersion);
    }
}
