package io.kubesim.registry;

import java.util.Locale;

/** Patch formats, selected by the request's Content-Type. */
public enum PatchType {
    JSON("application/json-patch+json"),
    MERGE("application/merge-patch+json"),
    STRATEGIC("application/strategic-merge-patch+json"),
    APPLY("application/apply-patch+yaml");

    private final String mediaType;

    PatchType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The patch type of a Content-Type (parameters ignored), or null. */
    public static PatchType of(String contentType) {
        if (contentType == null) {
            return null;
        }
        String base = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (PatchType t : values()) {
            if (t.mediaType.equals(base)) {
                return t;
            }
        }
        if (base.equals("application/apply-patch+json") || base.equals("application/apply-patch+cbor")) {
            return null;
        }
        return null;
    }
}
