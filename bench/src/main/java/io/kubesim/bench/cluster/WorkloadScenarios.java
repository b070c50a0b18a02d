package io.kubesim.bench.cluster;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.kubesim.bench.measure.Check;
import io.kubesim.bench.measure.Metric;
import io.kubesim.bench.measure.RunResults;

import java.time.Duration;
import java.util.Objects;

/**
 * The controller scenarios: a ReplicaSet scaled from 0 to R replicas (time until R pods are
 * Running and Ready), and a rolling update of an R-replica Deployment (time from the template
 * change until every replica is updated and available and no old pod is left).
 */
final class WorkloadScenarios {

    private WorkloadScenarios() {
    }

    private static PodTemplateSpec template(String app, String image) {
        return new PodTemplateSpecBuilder().withNewMetadata().addToLabels("app", app).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage(image).endContainer()
                .withTerminationGracePeriodSeconds(0L).endSpec().build();
    }

    static void replicaSet(Cluster cluster, int replicas, Duration timeout, RunResults out) {
        String ns = "rs";
        cluster.namespace(ns);
        ReplicaSet rs = new ReplicaSetBuilder().withNewMetadata().withName("scale").withNamespace(ns).endMetadata()
                .withNewSpec().withReplicas(0).withNewSelector().addToMatchLabels("app", "scale").endSelector()
                .withTemplate(template("scale", "registry.k8s.io/pause:3.10")).endSpec().build();
        cluster.client().apps().replicaSets().inNamespace(ns).resource(rs).create();
        long t0 = System.nanoTime();
        cluster.client().apps().replicaSets().inNamespace(ns).withName("scale").scale(replicas);
        if (!Cluster.poll(Duration.ofSeconds(30), Duration.ofMillis(100), () -> {
            ReplicaSetStatus s = cluster.client().apps().replicaSets().inNamespace(ns).withName("scale").get().getStatus();
            return s != null && s.getReplicas() != null && s.getReplicas() > 0;
        })) {
            out.add(new Check("cluster", "replicaset", "not measured: a ReplicaSet controller creates pods", false,
                    "no pod was created for the ReplicaSet within 30 s (is there a ReplicaSet controller?)"));
            return;
        }
        long[] created = {0};
        long[] half = {0};
        boolean done = Cluster.poll(timeout, Duration.ofMillis(100), () -> {
            if (created[0] == 0 && cluster.podCount(ns) >= replicas) {
                created[0] = System.nanoTime();
            }
            ReplicaSetStatus s = cluster.client().apps().replicaSets().inNamespace(ns).withName("scale").get().getStatus();
            if (s == null) {
                return false;
            }
            if (half[0] == 0 && s.getReadyReplicas() != null && s.getReadyReplicas() >= replicas / 2) {
                half[0] = System.nanoTime();
            }
            return Objects.equals(s.getReadyReplicas(), replicas) && Objects.equals(s.getAvailableReplicas(), replicas);
        });
        long t1 = System.nanoTime();
        String scenario = "replicaset";
        if (created[0] != 0) {
            out.add(new Metric(scenario, "0->" + replicas + ": every pod created", (created[0] - t0) / 1e9, "s"));
        }
        if (half[0] != 0) {
            out.add(new Metric(scenario, "0->" + replicas + ": half Ready", (half[0] - t0) / 1e9, "s"));
        }
        out.add(new Metric(scenario, "0->" + replicas + ": all Running and Ready", (t1 - t0) / 1e9, "s"));
        boolean runningOk = done && cluster.noPod(ns, "status.phase!=Running");
        out.add(new Check("cluster", scenario, replicas + " pods Running and Ready within " + timeout.toSeconds() + " s",
                runningOk, done ? "done in " + String.format(java.util.Locale.ROOT, "%.1f s", (t1 - t0) / 1e9)
                : "not done: " + cluster.client().apps().replicaSets().inNamespace(ns).withName("scale").get().getStatus()));
        out.add(new Metric(scenario, "heap after GC with " + replicas + " pods", cluster.heapAfterGcMiB(), "MiB"));
    }

    static void rollingUpdate(Cluster cluster, int replicas, Duration timeout, RunResults out) {
        String ns = "deploy";
        cluster.namespace(ns);
        Deployment d = new DeploymentBuilder().withNewMetadata().withName("web").withNamespace(ns).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withTemplate(template("web", "registry.k8s.io/pause:3.9")).endSpec().build();
        var resource = cluster.client().apps().deployments().inNamespace(ns).withName("web");
        cluster.client().apps().deployments().inNamespace(ns).resource(d).create();
        long c0 = System.nanoTime();
        if (!Cluster.poll(Duration.ofSeconds(30), Duration.ofMillis(100), () -> resource.get().getStatus() != null
                && resource.get().getStatus().getObservedGeneration() != null)) {
            out.add(new Check("cluster", "deployment", "not measured: a Deployment controller observes the deployment",
                    false, "no status within 30 s (is there a Deployment controller?)"));
            return;
        }
        boolean available = Cluster.poll(timeout, Duration.ofMillis(100), () -> complete(resource.get(), replicas));
        long c1 = System.nanoTime();
        String scenario = "deployment";
        out.add(new Metric(scenario, "create " + replicas + " replicas: all available", (c1 - c0) / 1e9, "s"));
        if (!available) {
            out.add(new Check("cluster", scenario, "the deployment becomes available", false,
                    String.valueOf(resource.get().getStatus())));
            return;
        }
        long t0 = System.nanoTime();
        resource.edit(x -> {
            x.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("registry.k8s.io/pause:3.10");
            return x;
        });
        boolean done = Cluster.poll(timeout, Duration.ofMillis(100), () -> complete(resource.get(), replicas));
        long t1 = System.nanoTime();
        out.add(new Metric(scenario, "rolling update of " + replicas + " replicas", (t1 - t0) / 1e9, "s"));
        out.add(new Check("cluster", scenario, "the rollout completes within " + timeout.toSeconds() + " s", done,
                String.valueOf(resource.get().getStatus())));
    }

    /** Rollout complete: observed, every replica updated and available, no old replica left. */
    private static boolean complete(Deployment d, int replicas) {
        DeploymentStatus s = d.getStatus();
        return s != null && s.getObservedGeneration() != null
                && s.getObservedGeneration() >= d.getMetadata().getGeneration()
                && Objects.equals(s.getUpdatedReplicas(), replicas) && Objects.equals(s.getReplicas(), replicas)
                && Objects.equals(s.getAvailableReplicas(), replicas);
    }
}
