package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Valid, already-defaulted objects to mutate in tests (as kube-apiserver validates after defaulting). */
final class Fixtures {

    static final String DNS1123_SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case "
            + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character "
            + "(e.g. 'example.com', regex used for validation is "
            + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    static final String DNS1123_LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric "
            + "characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or "
            + "'123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    static final String LABEL_VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric "
            + "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', "
            + " or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
    static final String NAME_PART_MSG = "name part must consist of alphanumeric characters, '-', '_' or '.', and "
            + "must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex "
            + "used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

    private Fixtures() {
    }

    static List<String> strings(List<FieldError> errors) {
        return errors.stream().map(FieldError::toString).toList();
    }

    static ObjectMeta meta(String name) {
        return new ObjectMetaBuilder().withName(name).withNamespace("default").build();
    }

    static Container container(String name) {
        return new ContainerBuilder().withName(name).withImage("nginx:1.25").withImagePullPolicy("IfNotPresent")
                .withTerminationMessagePolicy("File").withTerminationMessagePath("/dev/termination-log")
                .addNewPort().withContainerPort(80).withProtocol("TCP").endPort().build();
    }

    static Probe httpProbe() {
        return new ProbeBuilder().withNewHttpGet().withPath("/healthz").withPort(new IntOrString(80))
                .withScheme("HTTP").endHttpGet().withPeriodSeconds(10).withTimeoutSeconds(1).withSuccessThreshold(1)
                .withFailureThreshold(3).build();
    }

    static PodSpec podSpec() {
        return new PodSpecBuilder().withContainers(container("app")).withRestartPolicy("Always")
                .withDnsPolicy("ClusterFirst").withTerminationGracePeriodSeconds(30L)
                .withSchedulerName("default-scheduler").build();
    }

    static Pod pod() {
        return new PodBuilder().withMetadata(meta("web")).withSpec(podSpec()).build();
    }

    static Pod pod(Consumer<Pod> change) {
        Pod p = pod();
        change.accept(p);
        return p;
    }

    static PodTemplateSpec template() {
        return new PodTemplateSpecBuilder().withNewMetadata().withLabels(Map.of("app", "web")).endMetadata()
                .withSpec(podSpec()).build();
    }

    static ReplicaSet replicaSet() {
        return new ReplicaSetBuilder().withMetadata(meta("web")).withNewSpec().withReplicas(1).withMinReadySeconds(0)
                .withNewSelector().withMatchLabels(Map.of("app", "web")).endSelector().withTemplate(template())
                .endSpec().build();
    }

    static Deployment deployment() {
        return new DeploymentBuilder().withMetadata(meta("web")).withNewSpec().withReplicas(1)
                .withNewSelector().withMatchLabels(Map.of("app", "web")).endSelector().withTemplate(template())
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxSurge(new IntOrString("25%")).withMaxUnavailable(new IntOrString("25%")).endRollingUpdate()
                .endStrategy().withRevisionHistoryLimit(10).withProgressDeadlineSeconds(600).withMinReadySeconds(0)
                .endSpec().build();
    }

    static ReplicationController replicationController() {
        return new ReplicationControllerBuilder().withMetadata(meta("web")).withNewSpec().withReplicas(1)
                .withSelector(Map.of("app", "web")).withTemplate(template()).endSpec().build();
    }

    static Service service() {
        return new ServiceBuilder().withMetadata(meta("web")).withNewSpec().withType("ClusterIP")
                .withClusterIP("10.96.0.10").withSessionAffinity("None").withInternalTrafficPolicy("Cluster")
                .withSelector(Map.of("app", "web")).addNewPort().withName("http").withPort(80).withProtocol("TCP")
                .withTargetPort(new IntOrString(8080)).endPort().endSpec().build();
    }
}
