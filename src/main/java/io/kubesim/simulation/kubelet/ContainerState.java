package io.kubesim.simulation.kubelet;

import java.time.Instant;

/**
 * Where one container is in its life. Exactly one of waiting / running / terminated applies,
 * mirroring {@code ContainerStatus.state}.
 */
enum ContainerState {
    /** Not yet started by the kubelet (waiting for the sandbox or an earlier init container). */
    PENDING,
    /** Image being pulled. */
    PULLING,
    /** Pull failed; waiting out the image back-off ({@code ImagePullBackOff}). */
    PULL_BACKOFF,
    /** Being created and started. */
    CREATING,
    /** Running. */
    RUNNING,
    /** Exited (or killed); may restart. */
    TERMINATED,
    /** Exited and waiting out the restart back-off ({@code CrashLoopBackOff}). */
    BACKOFF;

    boolean waiting() {
        return this == PENDING || this == PULLING || this == PULL_BACKOFF || this == CREATING || this == BACKOFF;
    }

    /** A finished run of a container ({@code ContainerStateTerminated}). */
    record Termination(int exitCode, String reason, String message, Instant startedAt, Instant finishedAt,
                       String containerId) {
    }
}
