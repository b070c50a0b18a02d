package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code pod-template-hash} label of the Deployment controller ({@code controller.ComputeHash} in
 * {@code pkg/controller/controller_utils.go}) and {@code EqualIgnoreHash} of the deployment utilities.
 *
 * <p>Upstream hashes a go-spew dump of the Go struct with FNV-32a, feeds 8 bytes of {@code collisionCount}
 * (little-endian uint32 plus 4 zero bytes) when it is set, prints the sum as a decimal number and maps each
 * digit through {@code rand.SafeEncodeString}. The spew dump cannot be reproduced from Java objects, so kubesim
 * hashes the {@link CanonicalForm} rendering instead (sorted-key JSON of the template with absent and empty
 * values dropped and quantities canonical). Everything after the dump is identical, so the label has the same
 * alphabet ({@code 4 5 6 7 8 9 b c d f}) and length (up to 10) as upstream, is stable for semantically equal
 * templates and changes when the template or the collision count changes. Exact values differ from upstream.
 */
public final class PodTemplateHash {

    /** {@code apps.DefaultDeploymentUniqueLabelKey}. */
    public static final String LABEL = "pod-template-hash";

    /** {@code rand.alphanums}: no vowels, no {@code 0 1 3} (avoids bad words and look-alikes). */
    static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

    private static final int FNV32_OFFSET = 0x811c9dc5;
    private static final int FNV32_PRIME = 0x01000193;

    private PodTemplateHash() {
    }

    /**
     * Computes the hash of a template.
     *
     * @param template       the Deployment's {@code spec.template} (null is hashed as an empty template)
     * @param collisionCount the Deployment's {@code status.collisionCount}, or null
     */
    public static String compute(PodTemplateSpec template, Integer collisionCount) {
        byte[] dump = CanonicalForm.render(CanonicalForm.tree(template)).getBytes(StandardCharsets.UTF_8);
        int hash = fnv32a(FNV32_OFFSET, dump);
        if (collisionCount != null) {
            int c = collisionCount;
            byte[] bytes = {(byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) (c >>> 24), 0, 0, 0, 0};
            hash = fnv32a(hash, bytes);
        }
        return safeEncodeString(Integer.toUnsignedString(hash));
    }

    /** FNV-1a, 32 bit, continuing from {@code hash} (start with the offset basis {@code 0x811c9dc5}). */
    static int fnv32a(int hash, byte[] data) {
        int h = hash;
        for (byte b : data) {
            h ^= b & 0xff;
            h *= FNV32_PRIME;
        }
        return h;
    }

    /** FNV-1a 32 of {@code data} from the offset basis. */
    static int fnv32a(byte[] data) {
        return fnv32a(FNV32_OFFSET, data);
    }

    /**
     * {@code rand.SafeEncodeString}: every character {@code c} becomes {@code alphanums[c % 27]}, so a decimal
     * number maps {@code 0-9} to {@code 4 5 6 7 8 9 b c d f}.
     */
    public static String safeEncodeString(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.append(ALPHANUMS.charAt(cp % ALPHANUMS.length())));
        return sb.toString();
    }

    /**
     * {@code EqualIgnoreHash}: whether two templates are semantically equal once the {@code pod-template-hash}
     * label is removed from both. The inputs are not modified.
     */
    public static boolean templatesEqualIgnoringHash(PodTemplateSpec a, PodTemplateSpec b) {
        return Objects.equals(withoutHashLabel(CanonicalForm.tree(a)), withoutHashLabel(CanonicalForm.tree(b)));
    }

    @SuppressWarnings("unchecked")
    private static Object withoutHashLabel(Object tree) {
        if (!(tree instanceof Map<?, ?> root) || !(root.get("metadata") instanceof Map<?, ?> meta)
                || !(meta.get("labels") instanceof Map<?, ?> labels)) {
            return tree;
        }
        ((Map<String, Object>) labels).remove(LABEL);
        if (labels.isEmpty()) {
            ((Map<String, Object>) meta).remove("labels");
        }
        if (meta.isEmpty()) {
            ((Map<String, Object>) root).remove("metadata");
        }
        return root.isEmpty() ? null : root;
    }
}
