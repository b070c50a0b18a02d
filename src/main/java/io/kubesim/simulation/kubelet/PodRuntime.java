package io.kubesim.simulation.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import io.kubesim.behavior.BehaviorParser;
import io.kubesim.behavior.Durations;
import io.kubesim.behavior.PodBehavior;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * What the container runtime of one simulated pod is doing: a state machine over sandbox, image
 * pulls, container runs, exits, restarts with back-off, probes and termination. {@link #advance}
 * applies every transition due up to {@code now}, in time order, and says when the next one is due.
 * It is driven only by its arguments (no clock of its own), so it is golden-testable.
 */
public final class PodRuntime {

    /** The prefix of the lines the simulated runtime itself writes into a container's log. */
    static final String LIFECYCLE = "[kubesim] ";
    /** The kubelet gives a stopping container at least this long ({@code minimumGracePeriodInSeconds}). */
    static final long MINIMUM_GRACE_SECONDS = 2;


    /** What the runtime needs from the kubelet around it. */
    public interface Context {
        /** Wall time a simulated duration takes (the speed factor). */
        Duration real(Duration simulated);

        /** The outcome of one probe tick (real probe, declared behaviour, or success). */
        ProbeOutcome probe(ProbeKind kind, PodRuntime pod, Container container, Probe probe, Duration sinceStart);

        /** A pod IP from the node's podCIDR. */
        String allocateIp();

        /** Whether the node already has this image. */
        boolean imagePresent(String image);

        /** Records that the node now has this image. */
        void imagePulled(String image);

        /** Records an event on the pod ({@code fieldPath} null for pod-level events). */
        void event(String type, String reason, String message, String fieldPath);

        /** Whether this probe is answered by a real endpoint (then it never stops ticking). */
        boolean probesForReal(PodRuntime pod, Container container, Probe probe);
    }

    /** One probe tick's result, with the message an Unhealthy event carries on failure. */
    public record ProbeOutcome(boolean success, String failureMessage) {
        public static final ProbeOutcome SUCCESS = new ProbeOutcome(true, null);
    }

    private static final int MAX_STEPS = 100_000;

    final String uid;
    final String namespace;
    final String name;
    final String restartPolicy;
    final long gracePeriodSeconds;
    final KubeletSettings settings;
    final List<ContainerRuntime> inits = new ArrayList<>();
    final List<ContainerRuntime> regulars = new ArrayList<>();
    Instant admittedAt;
    Instant sandboxAt;
    boolean sandboxReady;
    String podIp;
    boolean initFailed;
    boolean deleting;
    /** The grace period the containers were stopped with (only ever shortened, as the kubelet's pod workers do). */
    long deletionGraceSeconds = -1;
    boolean finished;
    Instant resumeAt;

    public PodRuntime(Pod pod, KubeletSettings settings) {
        this.uid = pod.getMetadata().getUid();
        this.namespace = pod.getMetadata().getNamespace();
        this.name = pod.getMetadata().getName();
        this.restartPolicy = pod.getSpec().getRestartPolicy() == null ? "Always" : pod.getSpec().getRestartPolicy();
        Long grace = pod.getSpec().getTerminationGracePeriodSeconds();
        this.gracePeriodSeconds = grace == null ? 30 : grace;
        this.settings = settings;
        PodBehavior behavior = behaviorOf(pod);
        for (Container c : nonNull(pod.getSpec().getInitContainers())) {
            boolean sidecar = "Always".equals(c.getRestartPolicy());
            inits.add(new ContainerRuntime(c, true, sidecar, behavior.container(c.getName())));
        }
        for (Container c : nonNull(pod.getSpec().getContainers())) {
            regulars.add(new ContainerRuntime(c, false, false, behavior.container(c.getName())));
        }
        for (ContainerRuntime c : all()) {
            c.waitingReason = initialWaitingReason();
        }
    }

    static PodBehavior behaviorOf(Pod pod) {
        var annotations = pod.getMetadata().getAnnotations();
        String text = annotations == null ? null : annotations.get(PodBehavior.ANNOTATION);
        if (text == null) {
            return PodBehavior.NONE;
        }
        BehaviorParser.Result r = BehaviorParser.parse(text);
        return r.behavior();
    }

    private static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }

    public String uid() {
        return uid;
    }

    public String podIp() {
        return podIp;
    }

    public boolean finished() {
        return finished;
    }

    public boolean admitted() {
        return admittedAt != null;
    }

    List<ContainerRuntime> all() {
        List<ContainerRuntime> all = new ArrayList<>(inits);
        all.addAll(regulars);
        return all;
    }

    ContainerRuntime container(String containerName) {
        for (ContainerRuntime c : all()) {
            if (c.name().equals(containerName)) {
                return c;
            }
        }
        return null;
    }

    /** First sight of the pod: startTime now, sandbox under way. */
    void admit(Instant now, Context ctx) {
        admittedAt = now;
        sandboxAt = now.plus(ctx.real(settings.sandboxDelay()));
    }

    /**
     * Applies every transition due at or before {@code now} and returns when the next one is due
     * (null when nothing is pending).
     */
    public Instant advance(Instant now, Context ctx) {
        if (admittedAt == null) {
            admit(now, ctx);
        }
        for (int step = 0; step < MAX_STEPS; step++) {
            Due due = nextDue(ctx, now);
            if (due == null || due.at().isAfter(now)) {
                return due == null ? null : due.at();
            }
            due.action().run();
        }
        return now;
    }

    /**
     * The deletion was observed: stop every container (grace capped), then the pod is finished. Observed
     * again with a shorter grace period (an eviction or {@code --grace-period=1} after a namespace
     * deletion's 30 s), the containers still stopping exit by the new, earlier deadline; a longer one
     * changes nothing.
     */
    public void startDeletion(Instant now, long grace, Context ctx) {
        long graceSeconds = Math.max(0, grace);
        if (deleting) {
            shortenGrace(now, graceSeconds, ctx);
            return;
        }
        deleting = true;
        deletionGraceSeconds = graceSeconds;
        for (ContainerRuntime c : all()) {
            switch (c.state) {
                case RUNNING -> {
                    ctx.event("Normal", "Killing", "Stopping container " + c.name(), fieldPath(c));
                    long effective = Math.max(graceSeconds, MINIMUM_GRACE_SECONDS);
                    c.logs.add(new LogLine(now, LIFECYCLE + "received SIGTERM, grace period " + effective + "s"));
                    Duration stop = c.behavior.terminationDelay();
                    Duration cap = Duration.ofSeconds(effective);
                    c.exitAt = now.plus(ctx.real(stop.compareTo(cap) > 0 ? cap : stop));
                    c.stopping = true;
                }
                case TERMINATED -> {
                }
                case BACKOFF -> {
                    c.state = ContainerState.TERMINATED;
                    c.current = c.last;
                    c.nextAt = null;
                }
                default -> {
                    if (c.current != null) {
                        c.state = ContainerState.TERMINATED;
                        c.nextAt = null;
                        continue;
                    }
                    c.state = ContainerState.TERMINATED;
                    c.nextAt = null;
                    c.current = new ContainerState.Termination(137, "ContainerStatusUnknown",
                            "The container could not be located when the pod was terminated", null, now, null);
                }
            }
        }
        checkFinished();
    }

    private void shortenGrace(Instant now, long graceSeconds, Context ctx) {
        if (graceSeconds >= deletionGraceSeconds) {
            return;
        }
        deletionGraceSeconds = graceSeconds;
        long effective = Math.max(graceSeconds, MINIMUM_GRACE_SECONDS);
        Instant deadline = now.plus(ctx.real(Duration.ofSeconds(effective)));
        for (ContainerRuntime c : all()) {
            if (c.state == ContainerState.RUNNING && c.stopping && c.exitAt != null && c.exitAt.isAfter(deadline)) {
                // the kubelet kills again with the shorter grace period, and says so
                ctx.event("Normal", "Killing", "Stopping container " + c.name(), fieldPath(c));
                c.logs.add(new LogLine(now, LIFECYCLE + "grace period shortened to " + effective + "s"));
                c.exitAt = deadline;
            }
        }
    }

    private void checkFinished() {
        if (deleting && all().stream().allMatch(ContainerRuntime::terminated)) {
            finished = true;
        }
    }

    // ---- scheduling of the next transition ----------------------------------------------------

    private record Due(Instant at, Runnable action) {
    }

    private Due nextDue(Context ctx, Instant now) {
        Due best = null;
        if (!sandboxReady && !deleting) {
            best = earlier(best, new Due(sandboxAt, () -> sandboxReady(sandboxAt, ctx)));
        }
        if (resumeAt != null) {
            Instant at = resumeAt;
            best = earlier(best, new Due(at, () -> {
                resumeAt = null;
                startNext(at, ctx);
            }));
        }
        for (ContainerRuntime c : all()) {
            if (c.nextAt != null) {
                Instant at = c.nextAt;
                best = earlier(best, new Due(at, () -> step(c, at, ctx)));
            }
            if (c.state == ContainerState.RUNNING && c.exitAt != null) {
                Instant at = c.exitAt;
                best = earlier(best, new Due(at, () -> exit(c, at, ctx)));
            }
            if (c.state == ContainerState.RUNNING && !c.stopping) {
                for (ProbeTracker p : c.probes.values()) {
                    if (!p.stopped && eligible(c, p)) {
                        Instant at = p.nextTick;
                        best = earlier(best, new Due(at, () -> tick(c, p, at, ctx)));
                    }
                }
            }
        }
        return best;
    }

    private static Due earlier(Due a, Due b) {
        if (a == null) {
            return b;
        }
        return b.at().isBefore(a.at()) ? b : a;
    }

    private static boolean eligible(ContainerRuntime c, ProbeTracker p) {
        return p.kind == ProbeKind.STARTUP ? !Boolean.TRUE.equals(p.result) : c.started();
    }

    // ---- transitions ------------------------------------------------------------------------

    private void sandboxReady(Instant at, Context ctx) {
        sandboxReady = true;
        podIp = ctx.allocateIp();
        startNext(at, ctx);
    }

    /** Starts whatever can start now: the next init container, or every regular container. */
    private void startNext(Instant at, Context ctx) {
        if (deleting || initFailed) {
            return;
        }
        for (ContainerRuntime c : inits) {
            if (c.sidecar) {
                if (c.state == ContainerState.PENDING) {
                    beginPull(c, at, ctx);
                    return;
                }
                if (!c.started()) {
                    return;
                }
                continue;
            }
            if (c.succeeded()) {
                continue;
            }
            if (c.state == ContainerState.PENDING) {
                beginPull(c, at, ctx);
            }
            return;
        }
        for (ContainerRuntime c : regulars) {
            if (c.state == ContainerState.PENDING) {
                beginPull(c, at, ctx);
            }
        }
    }

    private void step(ContainerRuntime c, Instant at, Context ctx) {
        c.nextAt = null;
        switch (c.state) {
            case PULLING -> finishPull(c, at, ctx);
            case PULL_BACKOFF -> {
                if ("ErrImagePull".equals(c.waitingReason)) {
                    pullBackOff(c, at, ctx);
                } else {
                    beginPull(c, at, ctx);
                }
            }
            case CREATING -> startRun(c, at, ctx);
            case BACKOFF -> {
                c.restartBackoff.next(at);
                restart(c, at, ctx);
            }
            default -> {
            }
        }
    }

    private void beginPull(ContainerRuntime c, Instant at, Context ctx) {
        String image = c.spec.getImage();
        boolean always = "Always".equals(c.spec.getImagePullPolicy());
        if (!always && (c.imagePresent || ctx.imagePresent(image)) || "Never".equals(c.spec.getImagePullPolicy())) {
            ctx.event("Normal", "Pulled", "Container image " + quote(image) + " already present on machine", fieldPath(c));
            create(c, at, ctx);
            return;
        }
        c.state = ContainerState.PULLING;
        if (!c.relaunch) {
            c.waitingReason = initialWaitingReason();
            c.waitingMessage = null;
        }
        ctx.event("Normal", "Pulling", "Pulling image " + quote(image), fieldPath(c));
        c.nextAt = at.plus(ctx.real(c.behavior.pullDelay() != null ? c.behavior.pullDelay() : settings.pullDelay()));
        c.pullStartedAt = at;
    }

    private void finishPull(ContainerRuntime c, Instant at, Context ctx) {
        String image = c.spec.getImage();
        int attempt = c.pullAttempts++;
        if (c.behavior.pullFails(attempt)) {
            c.state = ContainerState.PULL_BACKOFF;
            c.waitingReason = "ErrImagePull";
            c.waitingMessage = pullError(image);
            ctx.event("Warning", "Failed", "Failed to pull image " + quote(image) + ": " + pullError(image), fieldPath(c));
            ctx.event("Warning", "Failed", "Error: ErrImagePull", fieldPath(c));
            c.nextAt = at.plus(ctx.real(KubeletSettings.ERR_IMAGE_PULL_VISIBLE));
            return;
        }
        c.imagePresent = true;
        ctx.imagePulled(image);
        String secs = Durations.format(simulatedSince(c.pullStartedAt, at, ctx));
        ctx.event("Normal", "Pulled", "Successfully pulled image " + quote(image) + " in " + secs + " (" + secs
                + " including waiting). Image size: " + Images.size(image) + " bytes.", fieldPath(c));
        create(c, at, ctx);
    }

    private void pullBackOff(ContainerRuntime c, Instant at, Context ctx) {
        if (c.pullBackoff == null) {
            c.pullBackoff = new Backoff(KubeletSettings.BACKOFF_BASE, KubeletSettings.BACKOFF_MAX, ctx::real);
        }
        c.pullBackoff.next(at);
        c.waitingReason = "ImagePullBackOff";
        c.waitingMessage = "Back-off pulling image " + quote(c.spec.getImage()) + ": ErrImagePull: " + pullError(c.spec.getImage());
        ctx.event("Normal", "BackOff", "Back-off pulling image " + quote(c.spec.getImage()), fieldPath(c));
        ctx.event("Warning", "Failed", "Error: ImagePullBackOff", fieldPath(c));
        c.nextAt = c.pullBackoff.endsAfter(at);
    }

    private static String pullError(String image) {
        String n = Images.normalize(image);
        return "rpc error: code = NotFound desc = failed to pull and unpack image " + quote(n)
                + ": failed to resolve reference " + quote(n) + ": " + n + ": not found";
    }

    private void create(ContainerRuntime c, Instant at, Context ctx) {
        c.state = ContainerState.CREATING;
        if (!c.relaunch && (c.waitingReason == null || c.waitingReason.startsWith("Err") || c.waitingReason.startsWith("Image"))) {
            c.waitingReason = initialWaitingReason();
            c.waitingMessage = null;
        }
        c.nextAt = at.plus(ctx.real(c.behavior.startDelay() != null ? c.behavior.startDelay() : settings.startDelay()));
    }

    private String initialWaitingReason() {
        return inits.isEmpty() ? "ContainerCreating" : "PodInitializing";
    }

    private void startRun(ContainerRuntime c, Instant at, Context ctx) {
        if (c.relaunch) {
            c.relaunch = false;
            c.restartCount++;
            if (c.current != null) {
                c.last = c.current;
                c.current = null;
            }
        }
        c.state = ContainerState.RUNNING;
        c.startedAt = at;
        c.everStarted = true;
        c.stopping = false;
        c.waitingReason = null;
        c.waitingMessage = null;
        c.containerId = "containerd://" + UUID.randomUUID().toString().replace("-", "")
                + UUID.randomUUID().toString().replace("-", "");
        ctx.event("Normal", "Created", "Created container: " + c.name(), fieldPath(c));
        ctx.event("Normal", "Started", "Started container " + c.name(), fieldPath(c));
        var run = c.run();
        c.exitAt = run.exitAfter() == null ? null : at.plus(ctx.real(run.exitAfter()));
        c.probes.clear();
        addProbe(c, ProbeKind.STARTUP, c.spec.getStartupProbe(), at, ctx);
        addProbe(c, ProbeKind.READINESS, c.spec.getReadinessProbe(), at, ctx);
        addProbe(c, ProbeKind.LIVENESS, c.spec.getLivenessProbe(), at, ctx);
        c.previousLogs = c.logs;
        c.logs = new ArrayList<>();
        c.logs.add(new LogLine(at, LIFECYCLE + "started container " + c.name() + " (image " + c.spec.getImage()
                + ", restart " + c.restartCount + ")"));
        for (String line : c.behavior.logs()) {
            c.logs.add(new LogLine(at, line));
        }
        if (c.init) {
            startNext(at, ctx);
        }
    }

    private static void addProbe(ContainerRuntime c, ProbeKind kind, Probe spec, Instant at, Context ctx) {
        if (spec == null || (c.init && !c.sidecar)) {
            return;
        }
        c.probes.put(kind, new ProbeTracker(kind, spec, at, ctx::real));
    }

    private void tick(ContainerRuntime c, ProbeTracker p, Instant at, Context ctx) {
        Duration sinceStart = simulatedSince(c.startedAt, at, ctx);
        ProbeOutcome outcome = ctx.probe(p.kind, this, c.spec, p.spec, sinceStart);
        boolean wasStarted = c.started();
        boolean changed = p.observe(outcome.success(), at, ctx::real);
        if (!outcome.success()) {
            ctx.event("Warning", "Unhealthy", p.kind.label() + " probe failed: " + outcome.failureMessage(), fieldPath(c));
        }
        if (changed && Boolean.FALSE.equals(p.result) && p.kind != ProbeKind.READINESS) {
            String which = p.kind == ProbeKind.LIVENESS ? "liveness" : "startup";
            ctx.event("Normal", "Killing", "Container " + c.name() + " failed " + which + " probe, will be restarted",
                    fieldPath(c));
            c.logs.add(new LogLine(at, LIFECYCLE + "killed: " + which + " probe failed"));
            terminate(c, at, 137, "Error", null, ctx);
            return;
        }
        if (!wasStarted && c.started()) {
            for (ProbeTracker other : c.probes.values()) {
                if (other.kind != ProbeKind.STARTUP && other.nextTick.isBefore(at)) {
                    other.nextTick = at;
                }
            }
            if (c.init) {
                startNext(at, ctx);
            }
        }
        p.stopped = !ctx.probesForReal(this, c.spec, p.spec) && settled(c, p, sinceStart);
    }

    /** No declared outcome changes after {@code sinceStart} and the applied result already follows it. */
    private static boolean settled(ContainerRuntime c, ProbeTracker p, Duration sinceStart) {
        var run = c.run();
        var windows = switch (p.kind) {
            case STARTUP -> run.startup();
            case READINESS -> run.readiness();
            case LIVENESS -> run.liveness();
        };
        if (windows != null) {
            for (var w : windows) {
                if (w.after().compareTo(sinceStart) > 0 || (w.until() != null && w.until().compareTo(sinceStart) > 0)) {
                    return false;
                }
            }
        }
        return p.lastOutcome() != null && p.lastOutcome().equals(p.result);
    }

    /** Simulated time between two wall-clock instants. */
    static Duration simulatedSince(Instant from, Instant to, Context ctx) {
        Duration real = Duration.between(from, to);
        Duration unit = ctx.real(Duration.ofSeconds(1000));
        if (unit.isZero()) {
            return real;
        }
        return Duration.ofNanos((long) (real.toNanos() * (1000_000_000_000.0 / unit.toNanos())));
    }

    private void exit(ContainerRuntime c, Instant at, Context ctx) {
        if (c.stopping) {
            int code = c.behavior.terminationExitCode();
            terminate(c, at, code, code == 0 ? "Completed" : "Error", null, ctx);
            return;
        }
        Integer code = c.run().exitCode();
        int exitCode = code == null ? 0 : code;
        terminate(c, at, exitCode, exitCode == 0 ? "Completed" : "Error", null, ctx);
    }

    private void terminate(ContainerRuntime c, Instant at, int code, String reason, String message, Context ctx) {
        c.logs.add(new LogLine(at, LIFECYCLE + "exited with code " + code + " (" + reason + ")"));
        c.current = new ContainerState.Termination(code, reason, message, c.startedAt, at, c.containerId);
        c.state = ContainerState.TERMINATED;
        c.exitAt = null;
        c.nextAt = null;
        c.probes.clear();
        if (deleting) {
            checkFinished();
            return;
        }
        if (c.init && !c.sidecar) {
            if (code == 0) {
                startNext(at, ctx);
            } else if ("Never".equals(restartPolicy)) {
                initFailed = true;
            } else {
                scheduleRestart(c, at, ctx);
            }
            return;
        }
        boolean restart = c.sidecar || "Always".equals(restartPolicy) || ("OnFailure".equals(restartPolicy) && code != 0);
        if (restart) {
            scheduleRestart(c, at, ctx);
        }
    }

    /** Restart now (first crash) or after the back-off, like the kubelet's {@code doBackOff}. */
    private void scheduleRestart(ContainerRuntime c, Instant at, Context ctx) {
        if (c.restartBackoff == null) {
            c.restartBackoff = new Backoff(KubeletSettings.BACKOFF_BASE, KubeletSettings.BACKOFF_MAX, ctx::real);
        }
        if (c.restartBackoff.inBackOffSince(at, at)) {
            c.state = ContainerState.BACKOFF;
            c.last = c.current;
            c.current = null;
            c.waitingReason = "CrashLoopBackOff";
            c.waitingMessage = "back-off " + Durations.format(c.restartBackoff.current()) + " restarting failed container="
                    + c.name() + " pod=" + name + "_" + namespace + "(" + uid + ")";
            ctx.event("Warning", "BackOff", "Back-off restarting failed container " + c.name() + " in pod " + name + "_"
                    + namespace + "(" + uid + ")", fieldPath(c));
            c.nextAt = c.restartBackoff.endsAfter(at);
            return;
        }
        c.restartBackoff.next(at);
        restart(c, at, ctx);
    }

    /** Starts the next run: the status keeps showing the last termination (or CrashLoopBackOff) until it runs. */
    private void restart(ContainerRuntime c, Instant at, Context ctx) {
        c.relaunch = true;
        beginPull(c, at, ctx);
    }

    static String fieldPath(ContainerRuntime c) {
        return (c.init ? "spec.initContainers{" : "spec.containers{") + c.name() + "}";
    }

    static String quote(String s) {
        return "\"" + s + "\"";
    }

    /**
     * Log lines of a container's latest run (running, or the last one that ended while no new one started), or with
     * {@code previous} of the last terminated run (the latest one while the container waits to restart, as the
     * kubelet reads {@code lastState.terminated}); null when the container is unknown.
     */
    public List<LogLine> logs(String containerName, boolean previous) {
        ContainerRuntime c = container(containerName);
        if (c == null) {
            return null;
        }
        boolean waiting = c.state != ContainerState.RUNNING && c.state != ContainerState.TERMINATED;
        return List.copyOf(previous && !waiting ? c.previousLogs : c.logs);
    }
}
