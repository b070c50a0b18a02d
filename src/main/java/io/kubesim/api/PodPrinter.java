package io.kubesim.api;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.kubesim.api.Cells.items;
import static io.kubesim.api.Cells.orNone;
import static io.kubesim.api.Cells.text;

/**
 * Pod rows ({@code printPod}): NAME READY STATUS RESTARTS AGE + wide IP NODE NOMINATED NODE READINESS GATES.
 * Succeeded and Failed pods carry a {@code Completed} row condition, which kubectl uses to hide them when asked.
 */
final class PodPrinter implements TablePrinter {

    static final String NODE_NAME_DOC = "NodeName indicates in which node this pod is scheduled. If empty, this pod is "
            + "a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the "
            + "kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used "
            + "to express a desire for the pod to be scheduled on a specific node. "
            + "https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename";
    static final String NOMINATED_DOC = "nominatedNodeName is set only when this pod preempts other pods on the node, "
            + "but it cannot be scheduled right away as preemption victims receive their graceful termination periods. "
            + "This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place "
            + "the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources "
            + "on this node to a higher priority pod that is created after preemption. As a result, this field may be "
            + "different than PodSpec.nodeName when the pod is scheduled.";
    static final String READINESS_GATES_DOC = "If specified, all readiness gates will be evaluated for pod readiness. "
            + "A pod is ready when all its containers are ready AND all conditions specified in the readiness gates "
            + "have status equal to \"True\" More info: "
            + "https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates";

    private static final List<Column> COLUMNS = List.of(Columns.NAME,
            Columns.string("Ready", "The aggregate readiness state of this pod for accepting traffic."),
            Columns.string("Status", "The aggregate status of the containers in this pod."),
            Columns.string("Restarts", "The number of times the containers in this pod have been restarted and when "
                    + "the last container in this pod has restarted."),
            Columns.AGE,
            Columns.wide("IP", "podIP address allocated to the pod. Routable at least within the cluster. Empty if "
                    + "not yet allocated."),
            Columns.wide("Node", NODE_NAME_DOC),
            Columns.wide("Nominated Node", NOMINATED_DOC),
            Columns.wide("Readiness Gates", READINESS_GATES_DOC));

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode pod, Instant now) {
        List<Object> cells = new ArrayList<>();
        cells.add(Cells.name(pod));
        cells.addAll(PodSummary.of(pod, now));
        cells.add(Cells.age(pod, now));
        cells.add(orNone(podIp(pod.path("status"))));
        cells.add(orNone(text(pod.path("spec").path("nodeName"))));
        cells.add(orNone(text(pod.path("status").path("nominatedNodeName"))));
        cells.add(readinessGates(pod));
        return cells;
    }

    /** {@code Completed}/True with reason {@code Succeeded} or {@code Failed} for pods in those phases. */
    @Override
    public List<Map<String, Object>> conditions(JsonNode pod) {
        String phase = text(pod.path("status").path("phase"));
        if ("Succeeded".equals(phase)) {
            return List.of(completed("Succeeded", "The pod has completed successfully."));
        } else if ("Failed".equals(phase)) {
            return List.of(completed("Failed", "The pod failed."));
        }
        return List.of();
    }

    private static Map<String, Object> completed(String reason, String message) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("type", "Completed");
        condition.put("status", "True");
        condition.put("reason", reason);
        condition.put("message", message);
        return condition;
    }

    /** The internal {@code PodIPs[0]}: v1 conversion makes {@code status.podIP} authoritative when set. */
    static String podIp(JsonNode status) {
        String podIp = text(status.path("podIP"));
        if (!podIp.isEmpty()) {
            return podIp;
        }
        List<JsonNode> ips = items(status.path("podIPs"));
        return ips.isEmpty() ? "" : text(ips.get(0).path("ip"));
    }

    /** {@code trueGates/gates}, counting a gate True when the first condition of its type is True. */
    static String readinessGates(JsonNode pod) {
        List<JsonNode> gates = items(pod.path("spec").path("readinessGates"));
        if (gates.isEmpty()) {
            return Cells.NONE;
        }
        int trueConditions = 0;
        for (JsonNode gate : gates) {
            String type = text(gate.path("conditionType"));
            for (JsonNode c : items(pod.path("status").path("conditions"))) {
                if (type.equals(text(c.path("type")))) {
                    trueConditions += "True".equals(text(c.path("status"))) ? 1 : 0;
                    break;
                }
            }
        }
        return trueConditions + "/" + gates.size();
    }
}
