package io.kubesim.simulation.kubelet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Image names as a container runtime reports them: normalized name, digest id, sizes. */
final class Images {

    private Images() {
    }

    /** {@code nginx:1.27} → {@code docker.io/library/nginx:1.27}; a missing tag becomes {@code :latest}. */
    static String normalize(String image) {
        if (image == null || image.isEmpty()) {
            return "";
        }
        String name = image;
        int slash = name.indexOf('/');
        String first = slash < 0 ? "" : name.substring(0, slash);
        boolean hasRegistry = slash > 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"));
        if (!hasRegistry) {
            name = (slash < 0 ? "docker.io/library/" : "docker.io/") + name;
        }
        int lastSlash = name.lastIndexOf('/');
        if (!name.contains("@") && name.indexOf(':', lastSlash) < 0) {
            name = name + ":latest";
        }
        return name;
    }

    /** A stable digest for an image name, {@code repo@sha256:...}. */
    static String imageId(String image) {
        String normalized = normalize(image);
        String repo = normalized.contains("@") ? normalized.substring(0, normalized.indexOf('@'))
                : normalized.substring(0, normalized.lastIndexOf(':'));
        return repo + "@sha256:" + sha256(normalized);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plausible, stable image size in bytes. */
    static long size(String image) {
        return 20_000_000L + Math.floorMod(image.hashCode(), 180_000_000);
    }
}
