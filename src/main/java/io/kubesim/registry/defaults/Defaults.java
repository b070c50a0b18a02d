package io.kubesim.registry.defaults;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.Optional;

/**
 * Entry point for the defaulting of freshly decoded objects, as the kube-apiserver applies it on every create
 * and update (the registered {@code SetObjectDefaults_*} functions). All methods mutate in place, accept null
 * anywhere, never throw for incomplete objects (validation reports those) and are idempotent.
 *
 * <p>Separately callable, because the real server runs them at other stages: admission ({@link #podAdmission}),
 * the service-account token volume ({@link ServiceAccountToken}) and the create-time work of registry strategies
 * ({@link #podOnCreate}, {@link #namespaceOnCreate}, {@link #serviceOnCreate}). On create the real order is:
 * defaults, admission, strategy.
 */
public final class Defaults {

    private Defaults() {
    }

    /** Pod: pod-spec and container defaults plus the pod-only ones (requests from limits, service links...). */
    public static void pod(Pod pod) {
        PodDefaults.pod(pod);
    }

    /** A pod template (of a PodTemplate, RS, RC, Deployment...): pod-spec and container defaults only. */
    public static void podTemplateSpec(PodTemplateSpec template) {
        PodDefaults.template(template);
    }

    /**
     * Pod create admission with only the built-in priority classes: service account {@code default}, priority
     * 0 / {@code PreemptLowerPriority}, the two default {@code NoExecute} tolerations. See {@link PodAdmission}.
     *
     * @return empty when admitted, else the message of the 403 Forbidden the real server would return
     */
    public static Optional<String> podAdmission(Pod pod) {
        return PodAdmission.onCreate(pod);
    }

    /**
     * The pod strategy's work on create (call after defaults and admission): {@code metadata.generation = 1},
     * {@code status = {phase: Pending, qosClass}} (plus {@code PodScheduled=False/SchedulingGated} when the pod
     * has scheduling gates), and {@code matchLabelKeys}/{@code mismatchLabelKeys} merged into the label
     * selectors of pod (anti-)affinity terms and topology spread constraints.
     */
    public static void podOnCreate(Pod pod) {
        PodCreate.prepare(pod);
    }

    /** ReplicaSet: replicas 1, template defaults. */
    public static void replicaSet(ReplicaSet rs) {
        WorkloadDefaults.replicaSet(rs);
    }

    /** ReplicationController: selector and labels from the template labels when empty, replicas 1. */
    public static void replicationController(ReplicationController rc) {
        WorkloadDefaults.replicationController(rc);
    }

    /** Deployment: replicas 1, RollingUpdate 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600. */
    public static void deployment(Deployment deployment) {
        WorkloadDefaults.deployment(deployment);
    }

    /** DaemonSet: RollingUpdate maxUnavailable 1 / maxSurge 0, revisionHistoryLimit 10. */
    public static void daemonSet(DaemonSet daemonSet) {
        WorkloadDefaults.daemonSet(daemonSet);
    }

    /** StatefulSet: OrderedReady, RollingUpdate partition 0, PVC retention Retain/Retain, replicas 1, history 10. */
    public static void statefulSet(StatefulSet statefulSet) {
        WorkloadDefaults.statefulSet(statefulSet);
    }

    /** Service: type, session affinity, port protocol and targetPort, traffic policies, LB node ports. */
    public static void service(Service service) {
        ServiceDefaults.service(service);
    }

    /**
     * Service registry on create (single-stack IPv4 cluster): status reset to {@code {loadBalancer: {}}},
     * {@code clusterIP}/{@code clusterIPs} mirrored, {@code ipFamilyPolicy} and {@code ipFamilies} defaulted.
     * Cluster IP and node port allocation stay with the caller.
     */
    public static void serviceOnCreate(Service service) {
        ServiceIpFamilies.prepareForCreate(service);
    }

    /** Service registry on update: {@code ipFamilyPolicy}/{@code ipFamilies} defaulted, policy kept from old. */
    public static void serviceOnUpdate(Service service, Service old) {
        ServiceIpFamilies.init(service, old);
    }

    /** Endpoints: port protocol TCP. */
    public static void endpoints(Endpoints endpoints) {
        ServiceDefaults.endpoints(endpoints);
    }

    /** EndpointSlice: port name {@code ""} and protocol TCP. */
    public static void endpointSlice(EndpointSlice slice) {
        ServiceDefaults.endpointSlice(slice);
    }

    /** Namespace: label {@code kubernetes.io/metadata.name}, status phase Active. */
    public static void namespace(Namespace namespace) {
        ClusterDefaults.namespace(namespace);
    }

    /** Namespace strategy on create: status Active, finalizer {@code kubernetes} (not re-added on update). */
    public static void namespaceOnCreate(Namespace namespace) {
        ClusterDefaults.namespaceOnCreate(namespace);
    }

    /** Node: allocatable copied from capacity when absent, resource lists rounded. */
    public static void node(Node node) {
        ClusterDefaults.node(node);
    }

    /** Secret: type Opaque. */
    public static void secret(Secret secret) {
        ClusterDefaults.secret(secret);
    }

    /** ConfigMap: null data becomes an empty map. */
    public static void configMap(ConfigMap configMap) {
        ClusterDefaults.configMap(configMap);
    }

    /** PersistentVolumeClaim: status phase Pending, volumeMode Filesystem, resource lists rounded. */
    public static void persistentVolumeClaim(PersistentVolumeClaim claim) {
        ClusterDefaults.persistentVolumeClaim(claim);
    }

    /** Lease: nothing (the {@code strategy} default exists only behind a feature gate that is off by default). */
    public static void lease(Lease lease) {
        ClusterDefaults.lease(lease);
    }

    /** core/v1 Event: no defaulting function; Go's always-present empty fields are filled in. */
    public static void event(Event event) {
        ClusterDefaults.event(event);
    }
}
