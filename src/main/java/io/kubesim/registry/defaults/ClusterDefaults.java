package io.kubesim.registry.defaults;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.DaemonEndpoint;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventSource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceSpec;
import io.fabric8.kubernetes.api.model.NamespaceStatus;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeDaemonEndpoints;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Namespace, Node, Secret, ConfigMap, PersistentVolumeClaim, Lease and Event defaults. */
final class ClusterDefaults {

    static final String NAME_LABEL = "kubernetes.io/metadata.name";
    static final String KUBERNETES_FINALIZER = "kubernetes";

    private ClusterDefaults() {
    }

    /** {@code SetDefaults_Namespace} (name label) and {@code SetDefaults_NamespaceStatus} (phase Active). */
    static void namespace(Namespace ns) {
        if (ns == null) {
            return;
        }
        if (ns.getMetadata() != null && !ContainerDefaults.isEmpty(ns.getMetadata().getName())) {
            if (ns.getMetadata().getLabels() == null) {
                ns.getMetadata().setLabels(new LinkedHashMap<>());
            }
            ns.getMetadata().getLabels().put(NAME_LABEL, ns.getMetadata().getName());
        }
        if (ns.getStatus() == null) {
            ns.setStatus(new NamespaceStatus());
        }
        if (ContainerDefaults.isEmpty(ns.getStatus().getPhase())) {
            ns.getStatus().setPhase("Active");
        }
    }

    /** The namespace strategy's {@code PrepareForCreate}: status Active, {@code kubernetes} finalizer appended. */
    static void namespaceOnCreate(Namespace ns) {
        if (ns == null) {
            return;
        }
        NamespaceStatus status = new NamespaceStatus();
        status.setPhase("Active");
        ns.setStatus(status);
        if (ns.getSpec() == null) {
            ns.setSpec(new NamespaceSpec());
        }
        List<String> finalizers = ns.getSpec().getFinalizers() == null
                ? new ArrayList<>() : ns.getSpec().getFinalizers();
        if (!finalizers.contains(KUBERNETES_FINALIZER)) {
            finalizers.add(KUBERNETES_FINALIZER);
        }
        ns.getSpec().setFinalizers(finalizers);
    }

    /**
     * {@code SetDefaults_NodeStatus}: allocatable copies capacity when absent; both lists rounded. And the wire
     * shape of Go's zero values: {@code spec: {}}, {@code status.daemonEndpoints.kubeletEndpoint.Port: 0} and the
     * ten {@code status.nodeInfo} strings (none omitempty), so a node created with only a name reads as on
     * kube-apiserver.
     */
    static void node(Node node) {
        if (node == null) {
            return;
        }
        if (node.getSpec() == null) {
            node.setSpec(new NodeSpec());
        }
        if (node.getStatus() == null) {
            node.setStatus(new NodeStatus());
        }
        NodeStatus status = node.getStatus();
        zeroValues(status);
        Map<String, Quantity> capacity = status.getCapacity();
        if ((status.getAllocatable() == null || status.getAllocatable().isEmpty())
                && capacity != null && !capacity.isEmpty()) {
            Map<String, Quantity> copy = new LinkedHashMap<>();
            capacity.forEach((k, v) -> copy.put(k, v == null ? null : new Quantity(v.toString())));
            status.setAllocatable(copy);
        }
        ResourceLists.roundUpToMilli(status.getCapacity());
        ResourceLists.roundUpToMilli(status.getAllocatable());
    }

    private static void zeroValues(NodeStatus status) {
        if (status.getDaemonEndpoints() == null) {
            status.setDaemonEndpoints(new NodeDaemonEndpoints());
        }
        if (status.getDaemonEndpoints().getKubeletEndpoint() == null) {
            status.getDaemonEndpoints().setKubeletEndpoint(new DaemonEndpoint());
        }
        if (status.getDaemonEndpoints().getKubeletEndpoint().getPort() == null) {
            status.getDaemonEndpoints().getKubeletEndpoint().setPort(0);
        }
        NodeSystemInfo info = status.getNodeInfo() == null ? new NodeSystemInfo() : status.getNodeInfo();
        info.setMachineID(Objects.requireNonNullElse(info.getMachineID(), ""));
        info.setSystemUUID(Objects.requireNonNullElse(info.getSystemUUID(), ""));
        info.setBootID(Objects.requireNonNullElse(info.getBootID(), ""));
        info.setKernelVersion(Objects.requireNonNullElse(info.getKernelVersion(), ""));
        info.setOsImage(Objects.requireNonNullElse(info.getOsImage(), ""));
        info.setContainerRuntimeVersion(Objects.requireNonNullElse(info.getContainerRuntimeVersion(), ""));
        info.setKubeletVersion(Objects.requireNonNullElse(info.getKubeletVersion(), ""));
        info.setKubeProxyVersion(Objects.requireNonNullElse(info.getKubeProxyVersion(), ""));
        info.setOperatingSystem(Objects.requireNonNullElse(info.getOperatingSystem(), ""));
        info.setArchitecture(Objects.requireNonNullElse(info.getArchitecture(), ""));
        status.setNodeInfo(info);
    }

    /** {@code SetDefaults_Secret}: type {@code Opaque}. */
    static void secret(Secret secret) {
        if (secret != null && ContainerDefaults.isEmpty(secret.getType())) {
            secret.setType("Opaque");
        }
    }

    /** {@code SetDefaults_ConfigMap}: a null data map becomes empty (not visible on the wire). */
    static void configMap(ConfigMap cm) {
        if (cm != null && cm.getData() == null) {
            cm.setData(new LinkedHashMap<>());
        }
    }

    /** {@code SetDefaults_PersistentVolumeClaim}, {@code ...ClaimSpec} and resource-list rounding. */
    static void persistentVolumeClaim(PersistentVolumeClaim pvc) {
        if (pvc == null) {
            return;
        }
        if (pvc.getStatus() == null) {
            pvc.setStatus(new PersistentVolumeClaimStatus());
        }
        if (ContainerDefaults.isEmpty(pvc.getStatus().getPhase())) {
            pvc.getStatus().setPhase("Pending");
        }
        ResourceLists.roundUpToMilli(pvc.getStatus().getCapacity());
        VolumeDefaults.claimSpec(pvc.getSpec());
    }

    /**
     * Lease: no defaulted value ({@code spec.strategy} defaults to {@code NoCoordination} only when the
     * CoordinatedLeaderElection gate is on, off by default); a lease without spec shows Go's zero {@code spec: {}}.
     */
    static void lease(Lease lease) {
        if (lease != null && lease.getSpec() == null) {
            lease.setSpec(new LeaseSpec());
        }
    }

    /**
     * core/v1 Event has no defaulting function; the wire shape of Go's non-omitempty fields is reproduced:
     * {@code reportingComponent: ""}, {@code reportingInstance: ""} and {@code source: {}}.
     */
    static void event(Event event) {
        if (event == null) {
            return;
        }
        if (event.getReportingComponent() == null) {
            event.setReportingComponent("");
        }
        if (event.getReportingInstance() == null) {
            event.setReportingInstance("");
        }
        if (event.getSource() == null) {
            event.setSource(new EventSource());
        }
        if (event.getMetadata() == null) {
            event.setMetadata(new ObjectMeta());
        }
    }
}
