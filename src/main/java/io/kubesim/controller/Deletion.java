package io.kubesim.controller;

/**
 * How to delete: grace period (null = the object's own), propagation policy (null = the kind's
 * default) and an optional uid precondition.
 */
public record Deletion(Long gracePeriodSeconds, String propagationPolicy, String uid) {

    public static Deletion defaults() {
        return new Deletion(null, null, null);
    }

    public static Deletion background() {
        return new Deletion(null, "Background", null);
    }

    public static Deletion now() {
        return new Deletion(0L, null, null);
    }

    public Deletion withUid(String u) {
        return new Deletion(gracePeriodSeconds, propagationPolicy, u);
    }

    public Deletion withPolicy(String p) {
        return new Deletion(gracePeriodSeconds, p, uid);
    }
}
