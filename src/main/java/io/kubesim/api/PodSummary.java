package io.kubesim.api;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.kubesim.api.Cells.integer;
import static io.kubesim.api.Cells.items;
import static io.kubesim.api.Cells.present;
import static io.kubesim.api.Cells.text;

/**
 * The READY, STATUS and RESTARTS cells of a pod, computed exactly as {@code printPod} does: the phase (or
 * {@code status.reason}, or {@code SchedulingGated}), overridden by the first unfinished init container
 * ({@code Init:x/N}, {@code Init:<reason>}, {@code Init:ExitCode:N}, {@code Init:Signal:N}; started sidecars are
 * skipped), then by the containers walked last to first (so the first container's reason wins), then by
 * {@code Terminating} / {@code Unknown} for pods being deleted.
 */
final class PodSummary {

    private final JsonNode pod;
    private final JsonNode status;
    private final Map<String, JsonNode> initSpecs = new HashMap<>();
    private String reason;
    private int ready;
    private long restarts;
    private long sidecarRestarts;
    private Instant lastRestart;
    private Instant lastSidecarRestart;

    private PodSummary(JsonNode pod) {
        this.pod = pod;
        this.status = pod.path("status");
    }

    /** The {@code [READY, STATUS, RESTARTS]} cells of {@code pod}, ages relative to {@code now}. */
    static List<Object> of(JsonNode pod, Instant now) {
        PodSummary s = new PodSummary(pod);
        int total = s.countContainers();
        s.reason = s.phaseReason();
        boolean initializing = s.walkInitContainers();
        if (!initializing || s.firstConditionTrue("Initialized")) {
            s.walkContainers();
        }
        s.applyDeletion();
        return List.of(s.ready + "/" + total, s.reason, s.restartsCell(now));
    }

    private int countContainers() {
        int total = items(pod.path("spec").path("containers")).size();
        for (JsonNode c : items(pod.path("spec").path("initContainers"))) {
            initSpecs.put(text(c.path("name")), c);
            if (isSidecar(c)) {
                total++;
            }
        }
        return total;
    }

    private String phaseReason() {
        String r = text(status.path("reason")).isEmpty() ? text(status.path("phase")) : text(status.path("reason"));
        for (JsonNode c : items(status.path("conditions"))) {
            if ("PodScheduled".equals(text(c.path("type"))) && "SchedulingGated".equals(text(c.path("reason")))) {
                r = "SchedulingGated";
            }
        }
        return r;
    }

    /** Walks the init container statuses up to the first unfinished one; true when the pod is initializing. */
    private boolean walkInitContainers() {
        List<JsonNode> statuses = items(status.path("initContainerStatuses"));
        for (int i = 0; i < statuses.size(); i++) {
            JsonNode c = statuses.get(i);
            boolean sidecar = isSidecar(initSpecs.get(text(c.path("name"))));
            Optional<Instant> finished = Cells.time(c.path("lastState").path("terminated").path("finishedAt"));
            restarts += integer(c.path("restartCount"));
            lastRestart = latest(lastRestart, finished);
            if (sidecar) {
                sidecarRestarts += integer(c.path("restartCount"));
                lastSidecarRestart = latest(lastSidecarRestart, finished);
            }
            JsonNode terminated = c.path("state").path("terminated");
            JsonNode waiting = c.path("state").path("waiting");
            if (present(terminated) && integer(terminated.path("exitCode")) == 0) {
                continue;
            }
            if (sidecar && Cells.isTrue(c.path("started"))) {
                ready += Cells.isTrue(c.path("ready")) ? 1 : 0;
                continue;
            }
            if (present(terminated)) {
                reason = "Init:" + terminatedReason(terminated);
            } else if (present(waiting) && !text(waiting.path("reason")).isEmpty()
                    && !"PodInitializing".equals(text(waiting.path("reason")))) {
                reason = "Init:" + text(waiting.path("reason"));
            } else {
                reason = "Init:" + i + "/" + items(pod.path("spec").path("initContainers")).size();
            }
            return true;
        }
        return false;
    }

    /** Walks the container statuses last to first; restarts restart from the sidecars' count. */
    private void walkContainers() {
        restarts = sidecarRestarts;
        lastRestart = lastSidecarRestart;
        boolean hasRunning = false;
        List<JsonNode> statuses = items(status.path("containerStatuses"));
        for (int i = statuses.size() - 1; i >= 0; i--) {
            JsonNode c = statuses.get(i);
            restarts += integer(c.path("restartCount"));
            lastRestart = latest(lastRestart, Cells.time(c.path("lastState").path("terminated").path("finishedAt")));
            JsonNode waiting = c.path("state").path("waiting");
            JsonNode terminated = c.path("state").path("terminated");
            if (present(waiting) && !text(waiting.path("reason")).isEmpty()) {
                reason = text(waiting.path("reason"));
            } else if (present(terminated)) {
                reason = terminatedReason(terminated);
            } else if (Cells.isTrue(c.path("ready")) && present(c.path("state").path("running"))) {
                hasRunning = true;
                ready++;
            }
        }
        if ("Completed".equals(reason) && hasRunning) {
            reason = anyConditionTrue("Ready") ? "Running" : "NotReady";
        }
    }

    private void applyDeletion() {
        if (!present(pod.path("metadata").path("deletionTimestamp"))) {
            return;
        }
        String phase = text(status.path("phase"));
        if ("NodeLost".equals(text(status.path("reason")))) {
            reason = "Unknown";
        } else if (!"Failed".equals(phase) && !"Succeeded".equals(phase)) {
            reason = "Terminating";
        }
    }

    private String restartsCell(Instant now) {
        if (restarts != 0 && lastRestart != null) {
            return restarts + " (" + HumanDuration.format(Duration.between(lastRestart, now)) + " ago)";
        }
        return Long.toString(restarts);
    }

    /** The terminated state's reason, else {@code Signal:N}, else {@code ExitCode:N}. */
    private static String terminatedReason(JsonNode terminated) {
        if (!text(terminated.path("reason")).isEmpty()) {
            return text(terminated.path("reason"));
        }
        long signal = integer(terminated.path("signal"));
        return signal != 0 ? "Signal:" + signal : "ExitCode:" + integer(terminated.path("exitCode"));
    }

    /** {@code isPodInitializedConditionTrue}: the first condition of {@code type} decides. */
    private boolean firstConditionTrue(String type) {
        for (JsonNode c : items(status.path("conditions"))) {
            if (type.equals(text(c.path("type")))) {
                return "True".equals(text(c.path("status")));
            }
        }
        return false;
    }

    /** {@code hasPodReadyCondition}: any condition of {@code type} that is True. */
    private boolean anyConditionTrue(String type) {
        for (JsonNode c : items(status.path("conditions"))) {
            if (type.equals(text(c.path("type"))) && "True".equals(text(c.path("status")))) {
                return true;
            }
        }
        return false;
    }

    /** {@code podutil.IsRestartableInitContainer}: an init container with {@code restartPolicy: Always}. */
    private static boolean isSidecar(JsonNode initContainer) {
        return initContainer != null && "Always".equals(text(initContainer.path("restartPolicy")));
    }

    private static Instant latest(Instant current, Optional<Instant> candidate) {
        return candidate.filter(t -> current == null || current.isBefore(t)).orElse(current);
    }
}
