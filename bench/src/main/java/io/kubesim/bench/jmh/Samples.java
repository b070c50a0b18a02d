package io.kubesim.bench.jmh;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;

/** A realistic pod (a Deployment's pod with probes, env, volumes) for the codec and patch benchmarks. */
final class Samples {

    private Samples() {
    }

    static Pod pod(String name) {
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace("default")
                .addToLabels("app", "web").addToLabels("pod-template-hash", "5d8f7c6b9")
                .addToLabels("app.kubernetes.io/part-of", "shop")
                .addToAnnotations("kubectl.kubernetes.io/restartedAt", "2026-11-27T06:00:00Z")
                .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName("web-5d8f7c6b9")
                .withUid("0b7c8f0e-1111-4a2b-9c3d-222233334444").withController(true).withBlockOwnerDeletion(true)
                .endOwnerReference().endMetadata()
                .withNewSpec()
                .addNewContainer().withName("web").withImage("nginx:1.27.2").withImagePullPolicy("IfNotPresent")
                .addNewPort().withName("http").withContainerPort(8080).withProtocol("TCP").endPort()
                .addNewEnv().withName("MODE").withValue("production").endEnv()
                .addNewEnv().withName("POD_NAME").withNewValueFrom().withNewFieldRef().withFieldPath("metadata.name")
                .endFieldRef().endValueFrom().endEnv()
                .withNewResources().addToRequests("cpu", new Quantity("100m")).addToRequests("memory", new Quantity("128Mi"))
                .addToLimits("memory", new Quantity("256Mi")).endResources()
                .withNewReadinessProbe().withNewHttpGet().withPath("/ready").withNewPort(8080).endHttpGet()
                .withPeriodSeconds(5).endReadinessProbe()
                .addNewVolumeMount().withName("config").withMountPath("/etc/web").endVolumeMount()
                .endContainer()
                .addNewContainer().withName("sidecar").withImage("busybox:1.36").withCommand("sh", "-c", "sleep infinity")
                .endContainer()
                .addNewVolume().withName("config").withNewConfigMap().withName("web-config").endConfigMap().endVolume()
                .withRestartPolicy("Always").withTerminationGracePeriodSeconds(30L).withDnsPolicy("ClusterFirst")
                .withServiceAccountName("default").withSchedulerName("default-scheduler")
                .endSpec().build();
    }
}
