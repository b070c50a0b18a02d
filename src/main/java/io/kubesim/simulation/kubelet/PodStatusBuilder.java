package io.kubesim.simulation.kubelet;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateRunning;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodReadinessGate;
import io.fabric8.kubernetes.api.model.PodStatus;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a pod's runtime state into the status the real kubelet reports ({@code generateAPIPodStatus}):
 * container statuses, the phase by {@code getPhase}, and the kubelet-owned conditions, keeping
 * conditions owned by others and unchanged transition times.
 */
public final class PodStatusBuilder {

    static final Set<String> KUBELET_CONDITIONS = Set.of("PodReadyToStartContainers", "Initialized", "Ready",
            "ContainersReady", "PodScheduled");

    private PodStatusBuilder() {
    }

    static String time(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The status for {@code pod} given its runtime at {@code now}; {@code hostIp} is the node's address. */
    public static PodStatus build(Pod pod, PodRuntime rt, String hostIp, Instant now) {
        PodStatus old = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        PodStatus s = new PodStatus();
        s.setQosClass(old.getQosClass());
        s.setNominatedNodeName(old.getNominatedNodeName());
        s.setReason(old.getReason());
        s.setMessage(old.getMessage());
        s.setHostIP(hostIp);
        // empty lists, not null: as the status decodes from JSON, so the kubelet's comparison with its informer's
        // copy sees no change when there is none (a null here made every sync re-write an identical status)
        s.setHostIPs(hostIp == null ? new ArrayList<>() : List.of(new HostIP(hostIp)));
        if (rt.podIp != null) {
            s.setPodIP(rt.podIp);
            s.setPodIPs(List.of(new PodIP(rt.podIp)));
        }
        s.setStartTime(old.getStartTime() != null ? old.getStartTime() : time(rt.admittedAt));
        List<ContainerStatus> inits = new ArrayList<>();
        for (ContainerRuntime c : rt.inits) {
            inits.add(containerStatus(c, rt));
        }
        List<ContainerStatus> regulars = new ArrayList<>();
        for (ContainerRuntime c : rt.regulars) {
            regulars.add(containerStatus(c, rt));
        }
        regulars.sort(Comparator.comparing(ContainerStatus::getName));
        s.setInitContainerStatuses(inits);
        s.setContainerStatuses(regulars);
        String phase = PodPhases.phase(rt, old.getPhase());
        s.setPhase(phase);
        s.setConditions(conditions(pod, rt, old, phase, now));
        return s;
    }

    private static ContainerStatus containerStatus(ContainerRuntime c, PodRuntime rt) {
        ContainerStatus cs = new ContainerStatus();
        cs.setName(c.name());
        cs.setImage(Images.normalize(c.spec.getImage()));
        cs.setImageID(c.everStarted ? Images.imageId(c.spec.getImage()) : "");
        cs.setRestartCount(c.restartCount);
        cs.setReady(c.ready());
        cs.setStarted(c.state == ContainerState.RUNNING ? c.started() : false);
        if (c.state == ContainerState.RUNNING) {
            cs.setContainerID(c.containerId);
        } else if (c.state == ContainerState.TERMINATED && c.current != null && c.current.containerId() != null) {
            cs.setContainerID(c.current.containerId());
        } else if (c.last != null && c.last.containerId() != null) {
            cs.setContainerID(c.last.containerId());
        }
        cs.setState(state(c));
        cs.setLastState(c.last == null ? new io.fabric8.kubernetes.api.model.ContainerState()
                : new ContainerStateBuilder().withTerminated(terminated(c.last)).build());
        return cs;
    }

    private static io.fabric8.kubernetes.api.model.ContainerState state(ContainerRuntime c) {
        io.fabric8.kubernetes.api.model.ContainerState st = new io.fabric8.kubernetes.api.model.ContainerState();
        switch (c.state) {
            case RUNNING -> st.setRunning(new ContainerStateRunning(time(c.startedAt)));
            case TERMINATED -> st.setTerminated(terminated(c.current));
            default -> {
                if (c.current != null) {
                    st.setTerminated(terminated(c.current));
                    return st;
                }
                ContainerStateWaiting w = new ContainerStateWaiting();
                w.setReason(c.waitingReason == null ? "ContainerCreating" : c.waitingReason);
                w.setMessage(c.waitingMessage);
                st.setWaiting(w);
            }
        }
        return st;
    }

    private static ContainerStateTerminated terminated(ContainerState.Termination t) {
        ContainerStateTerminated x = new ContainerStateTerminated();
        x.setExitCode(t.exitCode());
        x.setReason(t.reason());
        x.setMessage(t.message());
        x.setStartedAt(time(t.startedAt()));
        x.setFinishedAt(time(t.finishedAt()));
        x.setContainerID(t.containerId());
        return x;
    }

    private static List<PodCondition> conditions(Pod pod, PodRuntime rt, PodStatus old, String phase, Instant now) {
        List<PodCondition> out = new ArrayList<>();
        List<PodCondition> previous = old.getConditions() == null ? List.of() : old.getConditions();
        for (PodCondition c : previous) {
            if (!KUBELET_CONDITIONS.contains(c.getType())) {
                out.add(c);
            }
        }
        boolean terminal = "Succeeded".equals(phase) || "Failed".equals(phase);
        out.add(condition(previous, "PodReadyToStartContainers", rt.sandboxReady && !(terminal && rt.deleting)
                ? "True" : "False", null, null, now));
        out.add(initialized(rt, previous, phase, now));
        PodCondition containersReady = containersReady(rt, previous, phase, now);
        out.add(ready(pod, containersReady, previous, now));
        out.add(containersReady);
        PodCondition scheduled = find(previous, "PodScheduled");
        out.add(condition(previous, "PodScheduled", "True", null, null,
                scheduled != null && "True".equals(scheduled.getStatus()) ? Instant.parse(scheduled.getLastTransitionTime()) : now));
        return out;
    }

    private static PodCondition initialized(PodRuntime rt, List<PodCondition> previous, String phase, Instant now) {
        List<String> pending = new ArrayList<>();
        boolean anyRegularStarted = rt.regulars.stream().anyMatch(c -> c.everStarted);
        for (ContainerRuntime c : rt.inits) {
            boolean done = c.sidecar ? c.started() || c.everStarted : c.succeeded() || c.everStarted && anyRegularStarted;
            if (!done) {
                pending.add(c.name());
            }
        }
        if (pending.isEmpty() || anyRegularStarted) {
            return condition(previous, "Initialized", "True", "Succeeded".equals(phase) && !rt.inits.isEmpty()
                    ? "PodCompleted" : null, null, now);
        }
        return condition(previous, "Initialized", "False", "ContainersNotInitialized",
                "containers with incomplete status: " + goList(pending), now);
    }

    private static PodCondition containersReady(PodRuntime rt, List<PodCondition> previous, String phase, Instant now) {
        if ("Succeeded".equals(phase)) {
            return condition(previous, "ContainersReady", "False", "PodCompleted", null, now);
        }
        if ("Failed".equals(phase)) {
            return condition(previous, "ContainersReady", "False", "PodFailed", null, now);
        }
        List<String> unready = new ArrayList<>();
        for (ContainerRuntime c : rt.inits) {
            if (c.sidecar && !c.ready()) {
                unready.add(c.name());
            }
        }
        for (ContainerRuntime c : rt.regulars) {
            if (!c.ready()) {
                unready.add(c.name());
            }
        }
        if (unready.isEmpty()) {
            return condition(previous, "ContainersReady", "True", null, null, now);
        }
        return condition(previous, "ContainersReady", "False", "ContainersNotReady",
                "containers with unready status: " + goList(unready), now);
    }

    private static PodCondition ready(Pod pod, PodCondition containersReady, List<PodCondition> previous, Instant now) {
        if (!"True".equals(containersReady.getStatus())) {
            return condition(previous, "Ready", containersReady.getStatus(), containersReady.getReason(),
                    containersReady.getMessage(), now);
        }
        List<PodReadinessGate> gates = pod.getSpec().getReadinessGates() == null ? List.of() : pod.getSpec().getReadinessGates();
        for (PodReadinessGate gate : gates) {
            PodCondition c = find(previous, gate.getConditionType());
            if (c == null) {
                return condition(previous, "Ready", "False", "ReadinessGatesNotReady",
                        "corresponding condition of pod readiness gate \"" + gate.getConditionType() + "\" does not exist.", now);
            }
            if (!"True".equals(c.getStatus())) {
                return condition(previous, "Ready", "False", "ReadinessGatesNotReady",
                        "the status of pod readiness gate \"" + gate.getConditionType() + "\" is not \"True\", but "
                                + c.getStatus(), now);
            }
        }
        return condition(previous, "Ready", "True", null, null, now);
    }

    private static PodCondition find(List<PodCondition> conditions, String type) {
        for (PodCondition c : conditions) {
            if (type.equals(c.getType())) {
                return c;
            }
        }
        return null;
    }

    /** A condition whose lastTransitionTime moves only when its status changes. */
    static PodCondition condition(List<PodCondition> previous, String type, String status, String reason, String message,
                                  Instant now) {
        PodCondition c = new PodCondition();
        c.setType(type);
        c.setStatus(status);
        c.setReason(reason);
        c.setMessage(message);
        PodCondition before = find(previous, type);
        c.setLastTransitionTime(before != null && Objects.equals(before.getStatus(), status)
                && before.getLastTransitionTime() != null ? before.getLastTransitionTime() : time(now));
        c.setLastProbeTime(null);
        return c;
    }

    /** Go's {@code fmt.Sprint([]string)}: {@code [a b]}. */
    static String goList(List<String> items) {
        return "[" + String.join(" ", items) + "]";
    }
}
