package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.kubesim.controllers.replicaset.OwnerRefs;
import io.kubesim.controllers.replicaset.Pods;
import io.kubesim.support.ClusterTestBase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Deployment controller against the simulated cluster, through fabric8. */
class DeploymentEndToEndTest extends ClusterTestBase {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String UNREADY = "app: {readiness: [{result: failure}]}";

    static PodTemplateSpec template(String image) {
        return new PodTemplateSpecBuilder().withNewMetadata().withLabels(Map.of("app", "web")).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage(image).endContainer().endSpec().build();
    }

    /** A template whose pods become ready {@code delaySeconds} (simulated) after they start. */
    static PodTemplateSpec slowToBeReady(String image, int delaySeconds) {
        PodTemplateSpec t = template(image);
        t.getSpec().getContainers().get(0).setReadinessProbe(new ProbeBuilder().withNewExec().withCommand("true").endExec()
                .withInitialDelaySeconds(delaySeconds).withPeriodSeconds(1).build());
        return t;
    }

    /** A template whose pods never become ready. */
    static PodTemplateSpec neverReady(String image) {
        PodTemplateSpec t = slowToBeReady(image, 0);
        t.getMetadata().setAnnotations(Map.of("kubesim.io/behavior", UNREADY));
        return t;
    }

    private Deployment create(DeploymentBuilder b) {
        return client.apps().deployments().resource(b.build()).create();
    }

    static DeploymentBuilder deployment(int replicas, PodTemplateSpec template) {
        return new DeploymentBuilder().withNewMetadata().withName("web").endMetadata().withNewSpec().withReplicas(replicas)
                .withNewSelector().withMatchLabels(Map.of("app", "web")).endSelector().withTemplate(template).endSpec();
    }

    private Deployment get() {
        return client.apps().deployments().withName("web").get();
    }

    private void setTemplate(PodTemplateSpec t) {
        client.apps().deployments().withName("web").edit(d -> {
            d.getSpec().setTemplate(t);
            return d;
        });
    }

    private List<ReplicaSet> replicaSets() {
        return client.apps().replicaSets().list().getItems();
    }

    private ReplicaSet replicaSetWithImage(String image) {
        return replicaSets().stream().filter(rs -> image.equals(rs.getSpec().getTemplate().getSpec().getContainers().get(0)
                .getImage())).findFirst().orElse(null);
    }

    private static DeploymentCondition condition(Deployment d, String type) {
        return d.getStatus() == null || d.getStatus().getConditions() == null ? null : d.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    /** What {@code kubectl rollout status} waits for. */
    private void awaitComplete(int replicas) {
        try {
            await().atMost(DEADLINE).until(() -> {
                Deployment d = get();
                return d.getStatus() != null
                        && Objects.equals(d.getStatus().getObservedGeneration(), d.getMetadata().getGeneration())
                        && Objects.equals(d.getStatus().getUpdatedReplicas(), replicas)
                        && Objects.equals(d.getStatus().getReplicas(), replicas)
                        && Objects.equals(d.getStatus().getAvailableReplicas(), replicas);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("rollout did not complete: " + get() + "\nreplica sets: " + replicaSets(), e);
        }
    }

    private List<String> scalingEvents() {
        return client.v1().events().list().getItems().stream()
                .filter(e -> "web".equals(e.getInvolvedObject().getName()) && "ScalingReplicaSet".equals(e.getReason()))
                .map(Event::getMessage).toList();
    }

    private <T extends io.fabric8.kubernetes.api.model.HasMetadata> Watcher<T> watcher(Map<String, T> state, Runnable check) {
        return new Watcher<>() {
            @Override
            public void eventReceived(Action action, T object) {
                if (action == Action.BOOKMARK || action == Action.ERROR) {
                    return;
                }
                if (action == Action.DELETED) {
                    state.remove(object.getMetadata().getName());
                } else {
                    state.put(object.getMetadata().getName(), object);
                }
                check.run();
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        };
    }

    /**
     * Watches the ReplicaSets and pods of a rolling update and checks the bounds at every observed state: the
     * desired pods (sum of ReplicaSet specs) stay within replicas + maxSurge, the available replicas the
     * ReplicaSets report and the ready, non-terminating pods stay at or above replicas - maxUnavailable.
     */
    private final class RolloutBounds implements AutoCloseable {
        final Map<String, ReplicaSet> sets = new ConcurrentHashMap<>();
        final Map<String, Pod> pods = new ConcurrentHashMap<>();
        final List<String> violations = new CopyOnWriteArrayList<>();
        final List<Integer> desiredTotals = new CopyOnWriteArrayList<>();
        private final int maxPods;
        private final int minAvailable;
        private final Watch setWatch;
        private final Watch podWatch;

        RolloutBounds(int maxPods, int minAvailable) {
            this.maxPods = maxPods;
            this.minAvailable = minAvailable;
            var setList = client.apps().replicaSets().list();
            setList.getItems().forEach(rs -> sets.put(rs.getMetadata().getName(), rs));
            var podList = client.pods().list();
            podList.getItems().forEach(p -> pods.put(p.getMetadata().getName(), p));
            setWatch = client.apps().replicaSets().watch(new ListOptionsBuilder()
                    .withResourceVersion(setList.getMetadata().getResourceVersion()).build(), watcher(sets, this::checkSets));
            podWatch = client.pods().watch(new ListOptionsBuilder()
                    .withResourceVersion(podList.getMetadata().getResourceVersion()).build(), watcher(pods, this::checkPods));
        }

        private void checkSets() {
            int desired = sets.values().stream().mapToInt(rs -> rs.getSpec().getReplicas()).sum();
            int available = sets.values().stream().mapToInt(rs -> rs.getStatus() == null
                    || rs.getStatus().getAvailableReplicas() == null ? 0 : rs.getStatus().getAvailableReplicas()).sum();
            desiredTotals.add(desired);
            if (desired > maxPods || available < minAvailable) {
                violations.add("replica sets: desired " + desired + ", available " + available);
            }
        }

        private void checkPods() {
            long available = pods.values().stream().filter(p -> Pods.isActive(p) && Pods.isReady(p)).count();
            if (available < minAvailable) {
                violations.add("pods: available " + available);
            }
        }

        /** Whether the watch has seen exactly {@code n} active pods, all running {@code image}. */
        boolean settledOn(int n, String image) {
            List<Pod> active = pods.values().stream().filter(Pods::isActive).toList();
            return active.size() == n && active.stream().allMatch(p -> image.equals(p.getSpec().getContainers().get(0).getImage()));
        }

        @Override
        public void close() {
            setWatch.close();
            podWatch.close();
        }
    }

    @Test
    void aRollingUpdateStaysWithinMaxSurgeAndMaxUnavailableAtEveryStep() {
        int replicas = 4;
        create(deployment(replicas, slowToBeReady("nginx:1", 30)).editSpec().withNewStrategy().withType("RollingUpdate")
                .withNewRollingUpdate().withMaxSurge(new IntOrString(1)).withMaxUnavailable(new IntOrString(1))
                .endRollingUpdate().endStrategy().endSpec());
        awaitComplete(replicas);
        ReplicaSet first = replicaSets().get(0);
        try (RolloutBounds bounds = new RolloutBounds(replicas + 1, replicas - 1)) {
            setTemplate(slowToBeReady("nginx:2", 30));
            awaitComplete(replicas);
            await().atMost(DEADLINE).until(() -> bounds.settledOn(replicas, "nginx:2"));
            assertThat(bounds.violations).isEmpty();
            assertThat(bounds.desiredTotals).as("the surge was used").contains(replicas + 1);
        }
        ReplicaSet second = replicaSetWithImage("nginx:2");
        assertThat(second.getMetadata().getName()).isEqualTo("web-" + second.getMetadata().getLabels().get("pod-template-hash"));
        assertThat(second.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "2")
                .containsEntry("deployment.kubernetes.io/desired-replicas", "4")
                .containsEntry("deployment.kubernetes.io/max-replicas", "5");
        assertThat(OwnerRefs.controllerOf(second).getKind()).isEqualTo("Deployment");
        assertThat(replicaSet(first).getSpec().getReplicas()).isZero();
        assertRolledOutTo(second);
        await().atMost(DEADLINE).until(() -> scalingEvents().contains("Scaled down replica set "
                + first.getMetadata().getName() + " from 1 to 0"));
        assertThat(scalingEvents()).contains("Scaled up replica set " + second.getMetadata().getName() + " from 0 to 1",
                "Scaled down replica set " + first.getMetadata().getName() + " from 4 to 3");
    }

    private void assertRolledOutTo(ReplicaSet current) {
        Deployment d = get();
        assertThat(d.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "2");
        assertThat(condition(d, "Progressing").getReason()).isEqualTo("NewReplicaSetAvailable");
        assertThat(condition(d, "Progressing").getMessage())
                .isEqualTo("ReplicaSet \"" + current.getMetadata().getName() + "\" has successfully progressed.");
        assertThat(condition(d, "Available").getReason()).isEqualTo("MinimumReplicasAvailable");
        assertThat(d.getStatus().getUnavailableReplicas()).isIn(0, null);
    }

    private ReplicaSet replicaSet(ReplicaSet rs) {
        return client.apps().replicaSets().withName(rs.getMetadata().getName()).get();
    }

    @Test
    void aRolloutWhosePodsNeverBecomeReadyExceedsItsProgressDeadline() {
        create(deployment(2, template("nginx:1")).editSpec().withProgressDeadlineSeconds(2).endSpec());
        awaitComplete(2);
        setTemplate(neverReady("nginx:2"));
        await().atMost(DEADLINE).until(() -> {
            DeploymentCondition c = condition(get(), "Progressing");
            return c != null && "ProgressDeadlineExceeded".equals(c.getReason());
        });
        Deployment d = get();
        ReplicaSet stuck = replicaSetWithImage("nginx:2");
        DeploymentCondition c = condition(d, "Progressing");
        assertThat(c.getStatus()).isEqualTo("False");
        assertThat(c.getMessage()).isEqualTo("ReplicaSet \"" + stuck.getMetadata().getName() + "\" has timed out progressing.");
        assertThat(d.getStatus().getAvailableReplicas()).as("maxUnavailable 25% of 2 is 0: the old pods stay").isEqualTo(2);
        assertThat(d.getStatus().getUpdatedReplicas()).as("maxSurge 25% of 2 is 1").isEqualTo(1);
        assertThat(condition(d, "Available").getStatus()).isEqualTo("True");
    }

    @Test
    void rollingBackReusesTheOldReplicaSetWithTheNextRevision() {
        create(deployment(2, template("nginx:1")));
        awaitComplete(2);
        setTemplate(template("nginx:2"));
        awaitComplete(2);
        await().atMost(DEADLINE).until(() -> "2".equals(get().getMetadata().getAnnotations().get("deployment.kubernetes.io/revision")));
        ReplicaSet v1 = replicaSetWithImage("nginx:1");
        assertThat(v1.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "1");

        // what kubectl rollout undo sends: the old ReplicaSet's template without the hash label
        PodTemplateSpec restored = new PodTemplateSpecBuilder(v1.getSpec().getTemplate()).build();
        restored.getMetadata().getLabels().remove("pod-template-hash");
        setTemplate(restored);
        awaitComplete(2);
        await().atMost(DEADLINE).until(() -> "3".equals(get().getMetadata().getAnnotations().get("deployment.kubernetes.io/revision")));
        assertThat(replicaSets()).hasSize(2);
        ReplicaSet reused = replicaSet(v1);
        assertThat(reused.getMetadata().getUid()).isEqualTo(v1.getMetadata().getUid());
        assertThat(reused.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "3")
                .containsEntry("deployment.kubernetes.io/revision-history", "1");
        assertThat(reused.getSpec().getReplicas()).isEqualTo(2);
        assertThat(replicaSetWithImage("nginx:2").getSpec().getReplicas()).isZero();
        String hash = reused.getMetadata().getLabels().get("pod-template-hash");
        await().atMost(DEADLINE).until(() -> client.pods().list().getItems().stream().filter(Pods::isActive)
                .allMatch(p -> hash.equals(p.getMetadata().getLabels().get("pod-template-hash"))));
    }

    @Test
    void recreateStopsEveryOldPodBeforeStartingNewOnes() {
        create(deployment(3, template("nginx:1")).editSpec().withNewStrategy().withType("Recreate").endStrategy().endSpec());
        awaitComplete(3);
        String oldHash = replicaSetWithImage("nginx:1").getMetadata().getLabels().get("pod-template-hash");
        Map<String, Pod> pods = new ConcurrentHashMap<>();
        List<String> overlaps = new CopyOnWriteArrayList<>();
        Consumer<Map<String, Pod>> check = state -> {
            boolean oldLeft = state.values().stream().anyMatch(p -> oldHash.equals(hash(p)) && !Pods.isTerminal(p));
            boolean newStarted = state.values().stream().anyMatch(p -> !oldHash.equals(hash(p)));
            if (oldLeft && newStarted) {
                overlaps.add(state.keySet().toString());
            }
        };
        var list = client.pods().list();
        list.getItems().forEach(p -> pods.put(p.getMetadata().getName(), p));
        try (Watch w = client.pods().watch(new ListOptionsBuilder().withResourceVersion(list.getMetadata().getResourceVersion())
                .build(), watcher(pods, () -> check.accept(pods)))) {
            setTemplate(template("nginx:2"));
            awaitComplete(3);
            await().atMost(DEADLINE).until(() -> pods.size() == 3 && pods.values().stream()
                    .allMatch(p -> Pods.isActive(p) && "nginx:2".equals(p.getSpec().getContainers().get(0).getImage())));
        }
        assertThat(overlaps).isEmpty();
        assertThat(scalingEvents()).contains("Scaled down replica set web-" + oldHash + " from 3 to 0");
    }

    private static String hash(Pod p) {
        return p.getMetadata().getLabels().get("pod-template-hash");
    }

    @Test
    void oldReplicaSetsBeyondTheHistoryLimitAreDeleted() {
        create(deployment(1, template("nginx:1")).editSpec().withRevisionHistoryLimit(1).endSpec());
        awaitComplete(1);
        for (String image : List.of("nginx:2", "nginx:3")) {
            setTemplate(template(image));
            awaitComplete(1);
        }
        await().atMost(DEADLINE).until(() -> replicaSets().size() == 2);
        assertThat(replicaSets()).extracting(rs -> rs.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .containsExactlyInAnyOrder("nginx:2", "nginx:3");
    }

    @Test
    void scalingMidRolloutIsProportional() {
        create(deployment(10, template("nginx:1")).editSpec().withNewStrategy().withType("RollingUpdate")
                .withNewRollingUpdate().withMaxSurge(new IntOrString(3)).withMaxUnavailable(new IntOrString(2))
                .endRollingUpdate().endStrategy().endSpec());
        awaitComplete(10);
        setTemplate(neverReady("nginx:2"));
        // stuck: the new ReplicaSet got 3 (surge) + 2 (unavailable) and the old one went down to 8
        await().atMost(DEADLINE).until(() -> {
            ReplicaSet stuck = replicaSetWithImage("nginx:2");
            ReplicaSet old = replicaSetWithImage("nginx:1");
            return stuck != null && stuck.getSpec().getReplicas() == 5 && old.getSpec().getReplicas() == 8;
        });
        client.apps().deployments().withName("web").scale(15);
        await().atMost(DEADLINE).until(() -> replicaSetWithImage("nginx:1").getSpec().getReplicas() == 11
                && replicaSetWithImage("nginx:2").getSpec().getReplicas() == 7);
        assertThat(replicaSetWithImage("nginx:1").getMetadata().getAnnotations())
                .containsEntry("deployment.kubernetes.io/desired-replicas", "15")
                .containsEntry("deployment.kubernetes.io/max-replicas", "18");
    }
}
