package io.kubesim.simulation.nodes;

import io.fabric8.kubernetes.api.model.DaemonEndpoint;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeDaemonEndpoints;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Taint;
import io.kubesim.controller.ClientException;
import io.kubesim.controller.ClusterTime;
import io.kubesim.controller.ResourceClient;
import io.kubesim.simulation.SimulationProperties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured node pool, registered at startup the way kubelets register themselves: one
 * control-plane node (role label, NoSchedule taint) and N workers, named like kind's nodes.
 */
public final class NodePool {

    private final ResourceClient client;
    private final ClusterTime time;
    private final SimulationProperties props;

    public NodePool(ResourceClient client, ClusterTime time, SimulationProperties props) {
        this.client = client.as("kubelet");
        this.time = time;
        this.props = props;
    }

    /** The names of the configured nodes, in index order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        if (props.controlPlane()) {
            names.add(props.clusterName() + "-control-plane");
        }
        for (int i = 1; i <= props.workers(); i++) {
            names.add(props.clusterName() + "-worker" + (i == 1 ? "" : Integer.toString(i)));
        }
        return names;
    }

    /** Creates the configured nodes that do not exist yet. */
    public void ensure() {
        List<String> names = names();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (client.get(Node.class, null, name).isPresent()) {
                continue;
            }
            try {
                client.create(node(name, i, props.controlPlane() && i == 0));
            } catch (ClientException e) {
                if (!e.isAlreadyExists()) {
                    throw e;
                }
            }
        }
    }

    private Node node(String name, int index, boolean controlPlane) {
        Node n = new Node();
        ObjectMeta m = new ObjectMeta();
        m.setName(name);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("beta.kubernetes.io/arch", "amd64");
        labels.put("beta.kubernetes.io/os", "linux");
        labels.put("kubernetes.io/arch", "amd64");
        labels.put("kubernetes.io/hostname", name);
        labels.put("kubernetes.io/os", "linux");
        if (controlPlane) {
            labels.put("node-role.kubernetes.io/control-plane", "");
            labels.put("node.kubernetes.io/exclude-from-external-load-balancers", "");
        }
        m.setLabels(labels);
        m.setAnnotations(Map.of("node.alpha.kubernetes.io/ttl", "0",
                "volumes.kubernetes.io/controller-managed-attach-detach", "true"));
        n.setMetadata(m);
        NodeSpec spec = new NodeSpec();
        spec.setPodCIDR(NodeShapes.podCidr(index));
        spec.setPodCIDRs(List.of(NodeShapes.podCidr(index)));
        spec.setProviderID("kubesim://" + name);
        if (controlPlane) {
            Taint t = new Taint();
            t.setKey("node-role.kubernetes.io/control-plane");
            t.setEffect("NoSchedule");
            spec.setTaints(List.of(t));
        }
        n.setSpec(spec);
        NodeStatus s = new NodeStatus();
        s.setAddresses(NodeShapes.addresses(name, NodeShapes.internalIp(index)));
        s.setCapacity(NodeShapes.resources(props.nodeCpu(), props.nodeMemory(), props.nodePods()));
        s.setAllocatable(NodeShapes.resources(props.nodeCpu(), props.nodeMemory(), props.nodePods()));
        s.setNodeInfo(NodeShapes.nodeInfo(name));
        s.setDaemonEndpoints(new NodeDaemonEndpoints(new DaemonEndpoint(10250)));
        s.setConditions(NodeShapes.healthyConditions(time.now(), List.of()));
        n.setStatus(s);
        return n;
    }
}
