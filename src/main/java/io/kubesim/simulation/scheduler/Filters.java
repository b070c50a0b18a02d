package io.kubesim.simulation.scheduler;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The default profile's filter plugins, in the order the scheduler runs them. */
final class Filters {

    private Filters() {
    }

    static List<FilterPlugin> defaults() {
        return List.of(Filters::nodeName, Filters::unschedulable, Filters::taints, Filters::affinity, new ResourcesFit());
    }

    static String nodeName(Pod pod, Requests r, Node node, NodeUsage.Totals used) {
        String wanted = pod.getSpec().getNodeName();
        return wanted != null && !wanted.isEmpty() && !wanted.equals(node.getMetadata().getName())
                ? "node(s) didn't match the requested node name" : null;
    }

    static String unschedulable(Pod pod, Requests r, Node node, NodeUsage.Totals used) {
        if (node.getSpec() == null || !Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
            return null;
        }
        Taint t = new Taint();
        t.setKey("node.kubernetes.io/unschedulable");
        t.setEffect("NoSchedule");
        return tolerated(pod, t) ? null : "node(s) were unschedulable";
    }

    static String taints(Pod pod, Requests r, Node node, NodeUsage.Totals used) {
        if (node.getSpec() == null || node.getSpec().getTaints() == null) {
            return null;
        }
        for (Taint t : node.getSpec().getTaints()) {
            if (("NoSchedule".equals(t.getEffect()) || "NoExecute".equals(t.getEffect())) && !tolerated(pod, t)) {
                return "node(s) had untolerated taint {" + t.getKey() + ": " + (t.getValue() == null ? "" : t.getValue()) + "}";
            }
        }
        return null;
    }

    /** Whether one of the pod's tolerations tolerates {@code taint} (upstream {@code ToleratesTaint}). */
    static boolean tolerated(Pod pod, Taint taint) {
        List<Toleration> tolerations = pod.getSpec().getTolerations() == null ? List.of() : pod.getSpec().getTolerations();
        for (Toleration t : tolerations) {
            if (tolerates(t, taint)) {
                return true;
            }
        }
        return false;
    }

    static boolean tolerates(Toleration t, Taint taint) {
        if (t.getEffect() != null && !t.getEffect().isEmpty() && !t.getEffect().equals(taint.getEffect())) {
            return false;
        }
        if (t.getKey() != null && !t.getKey().isEmpty() && !t.getKey().equals(taint.getKey())) {
            return false;
        }
        String op = t.getOperator() == null || t.getOperator().isEmpty() ? "Equal" : t.getOperator();
        if (op.equals("Exists")) {
            return true;
        }
        String tv = t.getValue() == null ? "" : t.getValue();
        String v = taint.getValue() == null ? "" : taint.getValue();
        return (t.getKey() != null && !t.getKey().isEmpty()) && tv.equals(v);
    }

    static String affinity(Pod pod, Requests r, Node node, NodeUsage.Totals used) {
        Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
        Map<String, String> selector = pod.getSpec().getNodeSelector();
        if (selector != null) {
            for (var e : selector.entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return "node(s) didn't match Pod's node affinity/selector";
                }
            }
        }
        var affinity = pod.getSpec().getAffinity();
        if (affinity == null || affinity.getNodeAffinity() == null
                || affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() == null) {
            return null;
        }
        List<NodeSelectorTerm> terms = affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
                .getNodeSelectorTerms();
        if (terms == null || terms.isEmpty()) {
            return null;
        }
        for (NodeSelectorTerm term : terms) {
            if (termMatches(term, labels, node.getMetadata().getName())) {
                return null;
            }
        }
        return "node(s) didn't match Pod's node affinity/selector";
    }

    private static boolean termMatches(NodeSelectorTerm term, Map<String, String> labels, String nodeName) {
        List<NodeSelectorRequirement> exprs = term.getMatchExpressions() == null ? List.of() : term.getMatchExpressions();
        List<NodeSelectorRequirement> fields = term.getMatchFields() == null ? List.of() : term.getMatchFields();
        if (exprs.isEmpty() && fields.isEmpty()) {
            return false;
        }
        for (NodeSelectorRequirement req : exprs) {
            if (!requirement(req, labels.get(req.getKey()), labels.containsKey(req.getKey()))) {
                return false;
            }
        }
        for (NodeSelectorRequirement req : fields) {
            if (!"metadata.name".equals(req.getKey()) || !requirement(req, nodeName, true)) {
                return false;
            }
        }
        return true;
    }

    private static boolean requirement(NodeSelectorRequirement req, String value, boolean present) {
        List<String> values = req.getValues() == null ? List.of() : req.getValues();
        return switch (req.getOperator()) {
            case "In" -> present && values.contains(value);
            case "NotIn" -> !present || !values.contains(value);
            case "Exists" -> present;
            case "DoesNotExist" -> !present;
            case "Gt", "Lt" -> present && compare(req.getOperator(), value, values);
            default -> false;
        };
    }

    private static boolean compare(String op, String value, List<String> values) {
        try {
            long v = Long.parseLong(value);
            long bound = Long.parseLong(values.get(0));
            return op.equals("Gt") ? v > bound : v < bound;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** NodeResourcesFit: cpu, memory and pod count against allocatable. */
    static final class ResourcesFit implements FilterPlugin {
        @Override
        public String filter(Pod pod, Requests r, Node node, NodeUsage.Totals used) {
            Map<String, Quantity> alloc = node.getStatus() == null || node.getStatus().getAllocatable() == null
                    ? Map.of() : node.getStatus().getAllocatable();
            List<String> reasons = new ArrayList<>();
            long maxPods = Requests.value(alloc.get("pods"));
            if (used.pods + 1 > maxPods) {
                reasons.add("Too many pods");
            }
            if (r.cpuMilli() > 0 && used.cpuMilli + r.cpuMilli() > Requests.milli(alloc.get("cpu"))) {
                reasons.add("Insufficient cpu");
            }
            if (r.memory() > 0 && used.memory + r.memory() > Requests.value(alloc.get("memory"))) {
                reasons.add("Insufficient memory");
            }
            return reasons.isEmpty() ? null : String.join("\u0000", reasons);
        }

        @Override
        public boolean resolvableByPreemption() {
            return true;
        }
    }
}
