package io.kubesim.registry.defaults;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.List;
import java.util.Objects;

/**
 * Pod and pod-template defaults from {@code pkg/apis/core/v1/defaults.go} ({@code SetDefaults_Pod},
 * {@code SetDefaults_PodSpec}) as wired by {@code zz_generated.defaults.go}, and the {@code serviceAccount} alias
 * of {@code pkg/apis/core/v1/conversion.go}.
 */
final class PodDefaults {

    static final long TERMINATION_GRACE_PERIOD_SECONDS = 30;
    static final String DEFAULT_SCHEDULER = "default-scheduler";

    private PodDefaults() {
    }

    /** {@code SetObjectDefaults_Pod}: pod-only defaults first, then everything a pod template also gets. */
    static void pod(Pod pod) {
        if (pod == null) {
            return;
        }
        if (pod.getSpec() == null) {
            pod.setSpec(new PodSpec());
        }
        PodSpec spec = pod.getSpec();
        containers(spec.getContainers()).forEach(c -> ResourceLists.defaultRequestsFromLimits(c.getResources()));
        containers(spec.getInitContainers())
                .forEach(c -> ResourceLists.defaultRequestsFromLimits(c.getResources()));
        if (spec.getEnableServiceLinks() == null) {
            spec.setEnableServiceLinks(true);
        }
        if (Boolean.TRUE.equals(spec.getHostNetwork())) {
            hostNetworkPorts(spec.getContainers());
            hostNetworkPorts(spec.getInitContainers());
        }
        podSpec(spec);
    }

    /** {@code SetObjectDefaults_PodTemplate} and the template part of the workload defaulters. */
    static void template(PodTemplateSpec template) {
        if (template == null) {
            return;
        }
        if (template.getSpec() == null) {
            template.setSpec(new PodSpec());
        }
        podSpec(template.getSpec());
    }

    /** {@code SetDefaults_PodSpec} plus the nested volume, container and overhead defaulters. */
    static void podSpec(PodSpec spec) {
        if (spec == null) {
            return;
        }
        if (ContainerDefaults.isEmpty(spec.getDnsPolicy())) {
            spec.setDnsPolicy("ClusterFirst");
        }
        if (ContainerDefaults.isEmpty(spec.getRestartPolicy())) {
            spec.setRestartPolicy("Always");
        }
        if (spec.getSecurityContext() == null) {
            spec.setSecurityContext(new PodSecurityContext());
        }
        if (spec.getTerminationGracePeriodSeconds() == null) {
            spec.setTerminationGracePeriodSeconds(TERMINATION_GRACE_PERIOD_SECONDS);
        }
        if (ContainerDefaults.isEmpty(spec.getSchedulerName())) {
            spec.setSchedulerName(DEFAULT_SCHEDULER);
        }
        serviceAccountAlias(spec);
        if (spec.getVolumes() != null) {
            spec.getVolumes().forEach(VolumeDefaults::volume);
        }
        containers(spec.getInitContainers()).forEach(ContainerDefaults::container);
        containers(spec.getContainers()).forEach(ContainerDefaults::container);
        if (spec.getEphemeralContainers() != null) {
            spec.getEphemeralContainers().forEach(ContainerDefaults::ephemeralContainer);
        }
        ResourceLists.roundUpToMilli(spec.getOverhead());
    }

    /**
     * v1 conversion round trip: {@code serviceAccountName} falls back to the deprecated {@code serviceAccount},
     * and {@code serviceAccount} always mirrors {@code serviceAccountName}.
     */
    static void serviceAccountAlias(PodSpec spec) {
        if (ContainerDefaults.isEmpty(spec.getServiceAccountName())
                && !ContainerDefaults.isEmpty(spec.getServiceAccount())) {
            spec.setServiceAccountName(spec.getServiceAccount());
        }
        spec.setServiceAccount(ContainerDefaults.isEmpty(spec.getServiceAccountName())
                ? null : spec.getServiceAccountName());
    }

    private static void hostNetworkPorts(List<Container> containers) {
        containers(containers).stream().filter(c -> c.getPorts() != null).flatMap(c -> c.getPorts().stream())
                .filter(p -> p != null && ContainerDefaults.isZero(p.getHostPort()))
                .forEach(p -> p.setHostPort(p.getContainerPort()));
    }

    private static List<Container> containers(List<Container> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
