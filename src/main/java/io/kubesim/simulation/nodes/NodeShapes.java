package io.kubesim.simulation.nodes;

import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.Quantity;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The values a healthy kubelet reports for its node (conditions, addresses, nodeInfo). */
final class NodeShapes {

    static final String KUBELET_VERSION = "v1.32.4";

    private NodeShapes() {
    }

    static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The node's internal IP for pool index {@code i} (172.18.0.2, 172.18.0.3, ...). */
    static String internalIp(int i) {
        return SimulatedNode.ip(((172 << 24) | (18 << 16)) + i + 2);
    }

    /** The node's podCIDR for pool index {@code i} (10.244.0.0/24, 10.244.1.0/24, ...). */
    static String podCidr(int i) {
        return SimulatedNode.ip(((10 << 24) | (244 << 16)) + (i << 8)) + "/24";
    }

    static List<NodeCondition> healthyConditions(Instant now, List<NodeCondition> previous) {
        List<NodeCondition> out = new ArrayList<>();
        out.add(condition(previous, "MemoryPressure", "False", "KubeletHasSufficientMemory",
                "kubelet has sufficient memory available", now));
        out.add(condition(previous, "DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", now));
        out.add(condition(previous, "PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", now));
        out.add(condition(previous, "Ready", "True", "KubeletReady", "kubelet is posting ready status", now));
        return out;
    }

    static NodeCondition condition(List<NodeCondition> previous, String type, String status, String reason, String message,
                                   Instant now) {
        NodeCondition c = new NodeCondition();
        c.setType(type);
        c.setStatus(status);
        c.setReason(reason);
        c.setMessage(message);
        c.setLastHeartbeatTime(time(now));
        NodeCondition before = previous == null ? null : previous.stream().filter(p -> type.equals(p.getType()))
                .findFirst().orElse(null);
        c.setLastTransitionTime(before != null && status.equals(before.getStatus()) && before.getLastTransitionTime() != null
                ? before.getLastTransitionTime() : time(now));
        return c;
    }

    static List<NodeAddress> addresses(String name, String ip) {
        return List.of(new NodeAddress(ip, "InternalIP"), new NodeAddress(name, "Hostname"));
    }

    static Map<String, Quantity> resources(String cpu, String memory, int pods) {
        Map<String, Quantity> r = new LinkedHashMap<>();
        r.put("cpu", new Quantity(cpu));
        r.put("ephemeral-storage", new Quantity("100Gi"));
        r.put("hugepages-1Gi", new Quantity("0"));
        r.put("hugepages-2Mi", new Quantity("0"));
        r.put("memory", new Quantity(memory));
        r.put("pods", new Quantity(Integer.toString(pods)));
        return r;
    }

    static NodeSystemInfo nodeInfo(String name) {
        NodeSystemInfo i = new NodeSystemInfo();
        String id = UUID.nameUUIDFromBytes(name.getBytes()).toString().replace("-", "");
        i.setMachineID(id);
        i.setSystemUUID(UUID.nameUUIDFromBytes(("uuid" + name).getBytes()).toString());
        i.setBootID(UUID.nameUUIDFromBytes(("boot" + name).getBytes()).toString());
        i.setKernelVersion("6.1.0-kubesim");
        i.setOsImage("Debian GNU/Linux 12 (bookworm)");
        i.setContainerRuntimeVersion("containerd://1.7.24");
        i.setKubeletVersion(KUBELET_VERSION);
        i.setKubeProxyVersion(KUBELET_VERSION);
        i.setOperatingSystem("linux");
        i.setArchitecture("amd64");
        return i;
    }
}
