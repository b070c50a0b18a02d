package io.kubesim.behavior;

import java.time.Duration;
import java.util.List;

/**
 * The declared behaviour of one container.
 *
 * @param pullDelay           image pull time (null = the cluster default)
 * @param startDelay          create + start time (null = the cluster default)
 * @param imagePullFailures   how many pulls fail before one succeeds (-1 = always)
 * @param base                what every start does unless {@code runs} says otherwise
 * @param runs                per start (index = restart count); the last entry applies to later starts
 * @param logs                lines the container prints after it starts
 * @param terminationExitCode exit code when the kubelet stops it (0 → Completed, 143 → Error)
 * @param terminationDelay    time it takes to stop after SIGTERM (capped by the grace period)
 */
public record ContainerBehavior(Duration pullDelay, Duration startDelay, int imagePullFailures, RunBehavior base,
                                List<RunBehavior> runs, List<String> logs, int terminationExitCode,
                                Duration terminationDelay) {

    public static final ContainerBehavior DEFAULT = new ContainerBehavior(null, null, 0, RunBehavior.EMPTY, List.of(),
            List.of(), 0, Duration.ZERO);

    /** The behaviour of start number {@code restartCount} (0 = first). */
    public RunBehavior run(int restartCount) {
        RunBehavior specific = runs.isEmpty() ? RunBehavior.EMPTY : runs.get(Math.min(restartCount, runs.size() - 1));
        return new RunBehavior(
                specific.exitCode() != null ? specific.exitCode() : base.exitCode(),
                specific.exitAfter() != null ? specific.exitAfter() : base.exitAfter(),
                specific.readiness() != null ? specific.readiness() : base.readiness(),
                specific.liveness() != null ? specific.liveness() : base.liveness(),
                specific.startup() != null ? specific.startup() : base.startup());
    }

    /** Whether pull attempt {@code attempt} (0-based) fails. */
    public boolean pullFails(int attempt) {
        return imagePullFailures < 0 || attempt < imagePullFailures;
    }
}
