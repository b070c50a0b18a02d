package io.kubesim.simulation.kubelet;

/** The three probe types, with the result a new container starts with (kubelet prober). */
public enum ProbeKind {
    STARTUP("Startup", null),
    READINESS("Readiness", false),
    LIVENESS("Liveness", true);

    private final String label;
    private final Boolean initial;

    ProbeKind(String label, Boolean initial) {
        this.label = label;
        this.initial = initial;
    }

    /** {@code Liveness}, as in event messages ("Liveness probe failed: ..."). */
    public String label() {
        return label;
    }

    /** The result before the first probe: readiness Failure, liveness Success, startup Unknown (null). */
    Boolean initial() {
        return initial;
    }
}
