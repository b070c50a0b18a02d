package io.kubesim.api;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static io.kubesim.api.Cells.items;
import static io.kubesim.api.Cells.orUnknown;
import static io.kubesim.api.Cells.text;

/**
 * Node rows ({@code printNode}): NAME STATUS ROLES AGE VERSION + wide INTERNAL-IP EXTERNAL-IP OS-IMAGE
 * KERNEL-VERSION CONTAINER-RUNTIME.
 */
final class NodePrinter implements TablePrinter {

    static final String ROLE_PREFIX = "node-role.kubernetes.io/";
    static final String ROLE_LABEL = "kubernetes.io/role";

    static final String ADDRESSES_DOC = "List of addresses reachable to the node. Queried from cloud provider, if "
            + "available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field "
            + "is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption "
            + "when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for "
            + "an example. Consumers should assume that addresses can change during the lifetime of a Node. However, "
            + "there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in "
            + "its own status or consumers of the downward API (status.hostIP).";

    private static final List<Column> COLUMNS = List.of(Columns.NAME,
            Columns.string("Status", "The status of the node"),
            Columns.string("Roles", "The roles of the node"),
            Columns.AGE,
            Columns.string("Version", "Kubelet Version reported by the node."),
            Columns.wide("Internal-IP", ADDRESSES_DOC),
            Columns.wide("External-IP", ADDRESSES_DOC),
            Columns.wide("OS-Image", "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 "
                    + "(wheezy))."),
            Columns.wide("Kernel-Version", "Kernel Version reported by the node from 'uname -r' (e.g. "
                    + "3.16.0-0.bpo.4-amd64)."),
            Columns.wide("Container-Runtime", "ContainerRuntime Version reported by the node through runtime "
                    + "remote API (e.g. containerd://1.4.2)."));

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode node, Instant now) {
        JsonNode info = node.path("status").path("nodeInfo");
        return List.of(Cells.name(node), status(node), roles(node.path("metadata").path("labels")),
                Cells.age(node, now), text(info.path("kubeletVersion")),
                address(node, "InternalIP"), address(node, "ExternalIP"),
                orUnknown(text(info.path("osImage"))), orUnknown(text(info.path("kernelVersion"))),
                orUnknown(text(info.path("containerRuntimeVersion"))));
    }

    /**
     * {@code Ready} when the (last) Ready condition is True, {@code NotReady} for any other status,
     * {@code Unknown} without a Ready condition; {@code ,SchedulingDisabled} when {@code spec.unschedulable}.
     */
    static String status(JsonNode node) {
        JsonNode ready = null;
        for (JsonNode c : items(node.path("status").path("conditions"))) {
            if ("Ready".equals(text(c.path("type")))) {
                ready = c;
            }
        }
        List<String> status = new ArrayList<>();
        if (ready == null) {
            status.add("Unknown");
        } else {
            status.add("True".equals(text(ready.path("status"))) ? "Ready" : "NotReady");
        }
        if (Cells.isTrue(node.path("spec").path("unschedulable"))) {
            status.add("SchedulingDisabled");
        }
        return String.join(",", status);
    }

    /**
     * {@code findNodeRoles}: the non-empty suffixes of {@code node-role.kubernetes.io/*} label keys and the
     * non-empty value of {@code kubernetes.io/role}, sorted and de-duplicated; {@code <none>} when there are none.
     */
    static String roles(JsonNode labels) {
        TreeSet<String> roles = new TreeSet<>(LabelCells.GO_ORDER);
        if (labels.isObject()) {
            labels.properties().forEach(e -> {
                String key = e.getKey();
                if (key.startsWith(ROLE_PREFIX) && key.length() > ROLE_PREFIX.length()) {
                    roles.add(key.substring(ROLE_PREFIX.length()));
                } else if (key.equals(ROLE_LABEL) && !text(e.getValue()).isEmpty()) {
                    roles.add(text(e.getValue()));
                }
            });
        }
        return Cells.orNone(String.join(",", roles));
    }

    /** The first address of {@code type}, or {@code <none>}. */
    private static String address(JsonNode node, String type) {
        for (JsonNode a : items(node.path("status").path("addresses"))) {
            if (type.equals(text(a.path("type")))) {
                return text(a.path("address"));
            }
        }
        return Cells.NONE;
    }
}
