package io.kubesim.api.protobuf;

import com.google.protobuf.Descriptors.FieldDescriptor;

import java.util.Map;
import java.util.Set;

/**
 * What the protobuf descriptors do not say about the Go structs behind them, as short named lists keyed by
 * {@code <message simple name>.<proto field name>} (the same Go type carries the same name in every group version).
 *
 * <p>The lists were derived from the Go types of k8s.io/api and apiextensions-apiserver and checked against the
 * JSON property names of the fabric8 model (generated from the same Go types): every proto field name that fabric8
 * does not know is either renamed or inlined here.
 */
final class GoJsonRules {

    /** Proto field names that differ from the Go JSON names. */
    private static final Map<String, String> RENAMED = Map.ofEntries(
            Map.entry("MutatingWebhookConfiguration.Webhooks", "webhooks"),
            Map.entry("ValidatingWebhookConfiguration.Webhooks", "webhooks"),
            Map.entry("Validation.Expression", "expression"),
            Map.entry("Variable.Name", "name"),
            Map.entry("Variable.Expression", "expression"),
            Map.entry("BoundObjectReference.uID", "uid"),
            Map.entry("IngressClassParametersReference.aPIGroup", "apiGroup"),
            Map.entry("JSONSchemaProps.ref", "$ref"),
            Map.entry("JSONSchemaProps.schema", "$schema"),
            Map.entry("JSONSchemaProps.xKubernetesPreserveUnknownFields", "x-kubernetes-preserve-unknown-fields"),
            Map.entry("JSONSchemaProps.xKubernetesEmbeddedResource", "x-kubernetes-embedded-resource"),
            Map.entry("JSONSchemaProps.xKubernetesIntOrString", "x-kubernetes-int-or-string"),
            Map.entry("JSONSchemaProps.xKubernetesListMapKeys", "x-kubernetes-list-map-keys"),
            Map.entry("JSONSchemaProps.xKubernetesListType", "x-kubernetes-list-type"),
            Map.entry("JSONSchemaProps.xKubernetesMapType", "x-kubernetes-map-type"),
            Map.entry("JSONSchemaProps.xKubernetesValidations", "x-kubernetes-validations"));

    /** Go structs embedded with {@code json:",inline"}: a proto field of their own, their fields in the parent's JSON. */
    private static final Set<String> INLINED = Set.of(
            "ConfigMapEnvSource.localObjectReference", "ConfigMapKeySelector.localObjectReference",
            "ConfigMapProjection.localObjectReference", "ConfigMapVolumeSource.localObjectReference",
            "SecretEnvSource.localObjectReference", "SecretKeySelector.localObjectReference",
            "SecretProjection.localObjectReference", "EphemeralContainer.ephemeralContainerCommon",
            "PersistentVolumeSpec.persistentVolumeSource", "Probe.handler", "Volume.volumeSource",
            "IngressRule.ingressRuleValue", "NamedRuleWithOperations.ruleWithOperations", "RuleWithOperations.rule",
            "DeviceAllocationConfiguration.deviceConfiguration", "DeviceClaimConfiguration.deviceConfiguration",
            "DeviceClassConfiguration.deviceConfiguration");

    /**
     * Non-pointer Go numbers and booleans tagged {@code omitempty}: gogo-protobuf always writes them, Go's JSON
     * leaves them out when zero, so they are dropped when zero. Every other present number or boolean is kept,
     * zero included, because a pointer field ({@code DeploymentSpec.replicas}, {@code JobSpec.suspend}, ...) is
     * only written when set and its zero is meaningful. Keeping a zero that is not listed here is harmless: it is
     * the Go default.
     */
    private static final Set<String> OMIT_ZERO = Set.of(
            // metadata
            "ObjectMeta.generation",
            // pods and pod templates
            "PodSpec.hostNetwork", "PodSpec.hostPID", "PodSpec.hostIPC",
            "Container.stdin", "Container.stdinOnce", "Container.tty",
            "EphemeralContainerCommon.stdin", "EphemeralContainerCommon.stdinOnce", "EphemeralContainerCommon.tty",
            "ContainerPort.hostPort", "VolumeMount.readOnly", "PersistentVolumeClaimVolumeSource.readOnly",
            "Probe.initialDelaySeconds", "Probe.timeoutSeconds", "Probe.periodSeconds", "Probe.successThreshold",
            "Probe.failureThreshold",
            // services and nodes
            "ServicePort.nodePort", "ServiceSpec.healthCheckNodePort", "ServiceSpec.publishNotReadyAddresses",
            "NodeSpec.unschedulable",
            // workloads
            "DeploymentSpec.minReadySeconds", "DeploymentSpec.paused", "ReplicaSetSpec.minReadySeconds",
            "StatefulSetSpec.minReadySeconds", "DaemonSetSpec.minReadySeconds",
            "ReplicationControllerSpec.minReadySeconds",
            // scheduling
            "PriorityClass.globalDefault",
            // status counters (the server resets status on create; listed so that status writes read the same)
            "DeploymentStatus.observedGeneration", "DeploymentStatus.replicas", "DeploymentStatus.updatedReplicas",
            "DeploymentStatus.readyReplicas", "DeploymentStatus.availableReplicas",
            "DeploymentStatus.unavailableReplicas",
            "ReplicaSetStatus.fullyLabeledReplicas", "ReplicaSetStatus.readyReplicas",
            "ReplicaSetStatus.availableReplicas", "ReplicaSetStatus.observedGeneration",
            "ReplicationControllerStatus.fullyLabeledReplicas", "ReplicationControllerStatus.readyReplicas",
            "ReplicationControllerStatus.availableReplicas", "ReplicationControllerStatus.observedGeneration",
            "StatefulSetStatus.observedGeneration", "StatefulSetStatus.readyReplicas",
            "StatefulSetStatus.currentReplicas", "StatefulSetStatus.updatedReplicas",
            "DaemonSetStatus.observedGeneration", "DaemonSetStatus.updatedNumberScheduled",
            "DaemonSetStatus.numberAvailable", "DaemonSetStatus.numberUnavailable",
            "JobStatus.active", "JobStatus.succeeded", "JobStatus.failed",
            "PodDisruptionBudgetStatus.observedGeneration",
            // CRD schemas
            "JSONSchemaProps.exclusiveMaximum", "JSONSchemaProps.exclusiveMinimum", "JSONSchemaProps.uniqueItems",
            "JSONSchemaProps.nullable", "JSONSchemaProps.xKubernetesEmbeddedResource",
            "JSONSchemaProps.xKubernetesIntOrString");

    /**
     * Pointer strings whose empty value means something: {@code storageClassName: ""} is "no class, no dynamic
     * provisioning", not "the default class". Every other empty string is dropped: for non-pointer strings Go
     * treats "" as unset, and a pointer to "" is invalid elsewhere.
     */
    private static final Set<String> KEEP_EMPTY = Set.of(
            "PersistentVolumeClaimSpec.storageClassName", "PersistentVolumeClaimSpec.volumeAttributesClassName");

    private GoJsonRules() {
    }

    private static String key(FieldDescriptor f) {
        return f.getContainingType().getName() + "." + f.getName();
    }

    /** The JSON member name of a field. */
    static String jsonName(FieldDescriptor f) {
        return RENAMED.getOrDefault(key(f), f.getName());
    }

    /** Whether the field is an embedded Go struct whose members belong to the parent object. */
    static boolean inlined(FieldDescriptor f) {
        return INLINED.contains(key(f));
    }

    /** Whether an empty string in this field is kept (a pointer to "" with a meaning of its own). */
    static boolean keepsEmpty(FieldDescriptor f) {
        return KEEP_EMPTY.contains(key(f));
    }

    /** Whether the field is a non-pointer {@code omitempty} number or boolean (dropped when zero). */
    static boolean omitsZero(FieldDescriptor f) {
        return OMIT_ZERO.contains(key(f));
    }
}
