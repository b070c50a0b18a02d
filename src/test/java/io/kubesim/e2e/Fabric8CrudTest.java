package io.kubesim.e2e;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubesim.support.ApiTestBase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The core API through fabric8's KubernetesClient: verbs, metadata rules, subresources, errors. */
class Fabric8CrudTest extends ApiTestBase {

    static Pod pod(String name, Map<String, String> labels) {
        return new PodBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("nginx:1.27").endContainer().endSpec().build();
    }

    static Deployment deployment(String name, int replicas) {
        return new DeploymentBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withReplicas(replicas)
                .withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("nginx:1.27").endContainer().endSpec()
                .endTemplate().endSpec().build();
    }

    @Test
    void createGetUpdateDeleteAPod() {
        Pod created = client.pods().resource(pod("web", Map.of("app", "web"))).create();
        assertThat(created.getMetadata().getUid()).matches("[0-9a-f-]{36}");
        assertThat(created.getMetadata().getCreationTimestamp()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(created.getMetadata().getNamespace()).isEqualTo(namespace);
        assertThat(created.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(created.getSpec().getRestartPolicy()).isEqualTo("Always");

        Pod fetched = client.pods().withName("web").get();
        assertThat(fetched).isEqualTo(created);

        created.getMetadata().getLabels().put("tier", "front");
        Pod updated = client.pods().resource(created).update();
        long before = Long.parseLong(created.getMetadata().getResourceVersion());
        assertThat(Long.parseLong(updated.getMetadata().getResourceVersion())).isGreaterThan(before);
        assertThat(updated.getMetadata().getLabels()).containsEntry("tier", "front");
        assertThat(updated.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());

        assertThat(client.pods().withName("web").delete()).hasSize(1);
        assertThat(client.pods().withName("web").get()).isNull();
    }

    @Test
    void resourceVersionsComeFromOneGlobalCounterAndNoOpWritesKeepThem() {
        ConfigMap a = client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("a").endMetadata()
                .addToData("k", "v").build()).create();
        ConfigMap b = client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("b").endMetadata()
                .build()).create();
        long ra = Long.parseLong(a.getMetadata().getResourceVersion());
        long rb = Long.parseLong(b.getMetadata().getResourceVersion());
        assertThat(rb).isGreaterThan(ra);
        ConfigMap same = client.configMaps().resource(a).update();
        assertThat(same.getMetadata().getResourceVersion()).isEqualTo(a.getMetadata().getResourceVersion());
        ConfigMap patched = client.configMaps().withName("a").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"data\":{\"k\":\"v\"}}");
        assertThat(patched.getMetadata().getResourceVersion()).isEqualTo(a.getMetadata().getResourceVersion());
    }

    @Test
    void generationMovesOnlyOnSpecChanges() {
        Deployment d = client.apps().deployments().resource(deployment("web", 2)).create();
        assertThat(d.getMetadata().getGeneration()).isEqualTo(1L);
        d.getMetadata().setLabels(Map.of("x", "y"));
        d = client.apps().deployments().resource(d).update();
        assertThat(d.getMetadata().getGeneration()).isEqualTo(1L);
        d.getSpec().setReplicas(3);
        d = client.apps().deployments().resource(d).update();
        assertThat(d.getMetadata().getGeneration()).isEqualTo(2L);
        d.setStatus(new DeploymentStatusBuilder().withReplicas(3).withObservedGeneration(2L).build());
        d = client.apps().deployments().resource(d).updateStatus();
        assertThat(d.getMetadata().getGeneration()).isEqualTo(2L);
        assertThat(d.getStatus().getReplicas()).isEqualTo(3);
    }

    @Test
    void putOnTheMainResourceKeepsStatusAndPutOnStatusKeepsSpec() {
        Deployment d = client.apps().deployments().resource(deployment("web", 2)).create();
        d.setStatus(new DeploymentStatusBuilder().withReplicas(2).withReadyReplicas(1).build());
        d = client.apps().deployments().resource(d).updateStatus();
        assertThat(d.getStatus().getReadyReplicas()).isEqualTo(1);

        d.setStatus(new DeploymentStatusBuilder().withReplicas(99).build());
        d.getSpec().setReplicas(4);
        Deployment afterMain = client.apps().deployments().resource(d).update();
        assertThat(afterMain.getSpec().getReplicas()).isEqualTo(4);
        assertThat(afterMain.getStatus().getReplicas()).isEqualTo(2);

        afterMain.getSpec().setReplicas(7);
        afterMain.setStatus(new DeploymentStatusBuilder().withReplicas(5).build());
        Deployment afterStatus = client.apps().deployments().resource(afterMain).updateStatus();
        assertThat(afterStatus.getSpec().getReplicas()).isEqualTo(4);
        assertThat(afterStatus.getStatus().getReplicas()).isEqualTo(5);
    }

    @Test
    void createResetsStatusToGosZeroStatus() {
        Deployment d = deployment("zero", 2);
        d.setStatus(new DeploymentStatusBuilder().withReplicas(9).build());
        assertThat(client.apps().deployments().resource(d).create().getStatus()).isNotNull();
        assertThat(http.get("/apis/apps/v1/namespaces/" + namespace + "/deployments/zero").json().path("status")
                .toString()).isEqualTo("{}");
        http.post("/apis/apps/v1/namespaces/" + namespace + "/replicasets", "{\"apiVersion\":\"apps/v1\","
                + "\"kind\":\"ReplicaSet\",\"metadata\":{\"name\":\"zero\"},\"spec\":{\"selector\":{\"matchLabels\":"
                + "{\"a\":\"b\"}},\"template\":{\"metadata\":{\"labels\":{\"a\":\"b\"}},\"spec\":{\"containers\":"
                + "[{\"name\":\"c\",\"image\":\"i\"}]}}},\"status\":{\"replicas\":5,\"readyReplicas\":5}}");
        assertThat(http.get("/apis/apps/v1/namespaces/" + namespace + "/replicasets/zero").json().path("status")
                .toString()).isEqualTo("{\"replicas\":0}");
        assertThat(client.apps().replicaSets().withName("zero").scale().getStatus().getReplicas()).isZero();
    }

    @Test
    void theScaleSubresourceReadsAndWritesReplicas() {
        client.apps().deployments().resource(deployment("web", 2)).create();
        var scale = client.apps().deployments().withName("web").scale();
        assertThat(scale.getSpec().getReplicas()).isEqualTo(2);
        assertThat(scale.getStatus().getSelector()).isEqualTo("app=web");
        client.apps().deployments().withName("web").scale(5);
        assertThat(client.apps().deployments().withName("web").get().getSpec().getReplicas()).isEqualTo(5);
        client.apps().replicaSets().resource(new io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder()
                .withNewMetadata().withName("rs").endMetadata().withNewSpec().withReplicas(1)
                .withNewSelector().addToMatchLabels("a", "b").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("a", "b").endMetadata().withNewSpec()
                .addNewContainer().withName("c").withImage("i").endContainer().endSpec().endTemplate().endSpec().build())
                .create();
        client.apps().replicaSets().withName("rs").scale(3);
        assertThat(client.apps().replicaSets().withName("rs").get().getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void aScalePatchRacingAStatusWriterIsRetriedNotAConflict() throws Exception {
        client.apps().deployments().resource(deployment("racy", 1)).create();
        String scalePath = "/apis/apps/v1/namespaces/" + namespace + "/deployments/racy/scale";
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        Thread statusWriter = new Thread(() -> {
            while (!stop.get()) {
                int n = writes.incrementAndGet();
                try {
                    client.apps().deployments().withName("racy").editStatus(d -> {
                        d.setStatus(new DeploymentStatusBuilder().withReplicas(n % 7).withObservedGeneration((long) n)
                                .build());
                        return d;
                    });
                } catch (KubernetesClientException lostRace) {
                    // the two writers race each other too; keep writing
                }
            }
        });
        Thread secondWriter = new Thread(statusWriter::run);
        statusWriter.start();
        secondWriter.start();
        try {
            for (int replicas = 2; replicas < 102; replicas++) {
                var r = http.patch(scalePath, "application/merge-patch+json", "{\"spec\":{\"replicas\":" + replicas + "}}");
                assertThat(r.code()).as(r.body()).isEqualTo(200);
                assertThat(r.json().get("spec").get("replicas").asInt()).isEqualTo(replicas);
            }
        } finally {
            stop.set(true);
            statusWriter.join();
            secondWriter.join();
        }
        String stale = client.apps().deployments().withName("racy").get().getMetadata().getResourceVersion();
        client.apps().deployments().withName("racy").editStatus(d -> {
            d.setStatus(new DeploymentStatusBuilder().withReplicas(99).build());
            return d;
        });
        var conflict = http.patch(scalePath, "application/merge-patch+json",
                "{\"metadata\":{\"resourceVersion\":\"" + stale + "\"},\"spec\":{\"replicas\":1}}");
        assertThat(conflict.code()).isEqualTo(409);
        assertThat(conflict.json().get("reason").asString()).isEqualTo("Conflict");
        assertThat(client.apps().deployments().withName("racy").get().getSpec().getReplicas()).isEqualTo(101);
    }

    @Test
    void aStaleResourceVersionIsAConflict() {
        ConfigMap cm = client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata()
                .addToData("a", "1").build()).create();
        ConfigMap stale = new ConfigMapBuilder(cm).build();
        cm.getData().put("a", "2");
        client.configMaps().resource(cm).update();
        stale.getData().put("a", "3");
        KubernetesClientException e = catchThrowableOfType(KubernetesClientException.class,
                () -> client.configMaps().resource(stale).update());
        assertThat(e.getCode()).isEqualTo(409);
        assertThat(e.getStatus().getReason()).isEqualTo("Conflict");
        assertThat(e.getStatus().getMessage()).isEqualTo("Operation cannot be fulfilled on configmaps \"c\": the object "
                + "has been modified; please apply your changes to the latest version and try again");
        assertThat(client.configMaps().withName("c").get().getData()).containsEntry("a", "2");
    }

    @Test
    void duplicateCreatesAndMissingObjectsHaveTheirReasons() {
        client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build()).create();
        KubernetesClientException dup = catchThrowableOfType(KubernetesClientException.class, () ->
                client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build()).create());
        assertThat(dup.getCode()).isEqualTo(409);
        assertThat(dup.getStatus().getReason()).isEqualTo("AlreadyExists");
        assertThat(dup.getStatus().getMessage()).isEqualTo("configmaps \"c\" already exists");
        KubernetesClientException missing = catchThrowableOfType(KubernetesClientException.class, () ->
                client.apps().deployments().withName("nope").edit(d -> d));
        assertThat(missing.getCode()).isEqualTo(404);
    }

    @Test
    void invalidObjectsAre422WithCauses() {
        Pod bad = new PodBuilder().withNewMetadata().withName("bad").endMetadata().withNewSpec()
                .addNewContainer().withName("c").endContainer().addNewContainer().withName("c").withImage("i").endContainer()
                .endSpec().build();
        KubernetesClientException e = catchThrowableOfType(KubernetesClientException.class,
                () -> client.pods().resource(bad).create());
        assertThat(e.getCode()).isEqualTo(422);
        assertThat(e.getStatus().getReason()).isEqualTo("Invalid");
        assertThat(e.getStatus().getDetails().getKind()).isEqualTo("Pod");
        assertThat(e.getStatus().getDetails().getCauses()).extracting(StatusCause::getField)
                .contains("spec.containers[0].image", "spec.containers[1].name");
        assertThat(client.pods().withName("bad").get()).isNull();
    }

    @Test
    void generateNameAppendsFiveCharacters() {
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < 5; i++) {
            ConfigMap cm = client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withGenerateName("web-")
                    .endMetadata().build()).create();
            assertThat(cm.getMetadata().getName()).matches("web-[bcdfghjklmnpqrstvwxz2456789]{5}");
            names.add(cm.getMetadata().getName());
        }
        assertThat(names).hasSize(5);
    }

    @Test
    void labelSelectorsWithTheFullGrammar() {
        client.pods().resource(pod("a", Map.of("app", "web", "tier", "front"))).create();
        client.pods().resource(pod("b", Map.of("app", "web", "tier", "back"))).create();
        client.pods().resource(pod("c", Map.of("app", "db"))).create();
        assertThat(names(client.pods().withLabel("app", "web").list())).containsExactly("a", "b");
        assertThat(names(client.pods().withLabelIn("tier", "front", "back").list())).containsExactly("a", "b");
        assertThat(names(client.pods().withLabelNotIn("tier", "front").list())).containsExactly("b", "c");
        assertThat(names(client.pods().withoutLabel("tier").list())).containsExactly("c");
        assertThat(names(client.pods().withLabelSelector("app!=web").list())).containsExactly("c");
        assertThat(names(client.pods().withField("metadata.name", "b").list())).containsExactly("b");
        KubernetesClientException e = catchThrowableOfType(KubernetesClientException.class,
                () -> client.pods().withField("spec.bogus", "x").list());
        assertThat(e.getCode()).isEqualTo(400);
        assertThat(e.getStatus().getMessage()).isEqualTo("field label not supported: spec.bogus");
    }

    @Test
    void listsAcrossNamespacesArePagedFromOneRevision() {
        for (String n : List.of("p1", "p2", "p3", "p4", "p5")) {
            client.pods().resource(pod(n, Map.of("page", "yes"))).create();
        }
        PodList first = client.pods().list(new ListOptionsBuilder().withLimit(2L).build());
        assertThat(names(first)).containsExactly("p1", "p2");
        assertThat(first.getMetadata().getContinue()).isNotEmpty();
        assertThat(first.getMetadata().getRemainingItemCount()).isEqualTo(3L);
        client.pods().resource(pod("p0", Map.of("page", "yes"))).create();
        PodList second = client.pods().list(new ListOptionsBuilder().withLimit(2L)
                .withContinue(first.getMetadata().getContinue()).build());
        PodList third = client.pods().list(new ListOptionsBuilder().withLimit(2L)
                .withContinue(second.getMetadata().getContinue()).build());
        assertThat(names(second)).containsExactly("p3", "p4");
        assertThat(names(third)).containsExactly("p5");
        assertThat(third.getMetadata().getContinue()).isNullOrEmpty();
        assertThat(second.getMetadata().getResourceVersion()).isEqualTo(first.getMetadata().getResourceVersion());
        assertThat(client.pods().inAnyNamespace().withLabel("page", "yes").list().getItems()).hasSize(6);
    }

    @Test
    void finalizersHoldAnObjectUntilTheLastOneIsRemoved() {
        client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("f")
                .withFinalizers("example.com/hold").endMetadata().build()).create();
        client.configMaps().withName("f").delete();
        ConfigMap terminating = client.configMaps().withName("f").get();
        assertThat(terminating.getMetadata().getDeletionTimestamp()).isNotNull();
        client.configMaps().withName("f").edit(c -> {
            c.getMetadata().setFinalizers(List.of());
            return c;
        });
        assertThat(client.configMaps().withName("f").get()).isNull();
    }

    @Test
    void jsonAndMergePatches() {
        client.pods().resource(pod("p", Map.of("app", "web"))).create();
        Pod afterJson = client.pods().withName("p").patch(PatchContext.of(PatchType.JSON),
                "[{\"op\":\"add\",\"path\":\"/metadata/labels/x\",\"value\":\"1\"},"
                        + "{\"op\":\"replace\",\"path\":\"/spec/containers/0/image\",\"value\":\"nginx:2\"}]");
        assertThat(afterJson.getMetadata().getLabels()).containsEntry("x", "1");
        assertThat(afterJson.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:2");
        Pod afterMerge = client.pods().withName("p").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"metadata\":{\"labels\":{\"x\":null,\"y\":\"2\"}}}");
        assertThat(afterMerge.getMetadata().getLabels()).containsOnlyKeys("app", "y");
        KubernetesClientException e = catchThrowableOfType(KubernetesClientException.class, () ->
                client.pods().withName("p").patch(PatchContext.of(PatchType.JSON),
                        "[{\"op\":\"test\",\"path\":\"/metadata/name\",\"value\":\"other\"}]"));
        assertThat(e.getCode()).isEqualTo(422);
    }

    @Test
    void namespacesMustExistAndNotBeTerminating() {
        String missing = "missing-" + UUID.randomUUID().toString().substring(0, 6);
        KubernetesClientException e = catchThrowableOfType(KubernetesClientException.class, () ->
                client.configMaps().inNamespace(missing).resource(new ConfigMapBuilder().withNewMetadata().withName("c")
                        .endMetadata().build()).create());
        assertThat(e.getCode()).isEqualTo(404);
        assertThat(e.getStatus().getMessage()).isEqualTo("namespaces \"" + missing + "\" not found");

        String doomed = "doomed-" + UUID.randomUUID().toString().substring(0, 6);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(doomed).endMetadata().build()).create();
        // a create while it is active first: the admission's remembered verdict must not outlive the namespace's change
        client.configMaps().inNamespace(doomed).resource(new ConfigMapBuilder().withNewMetadata().withName("before")
                .endMetadata().build()).create();
        client.namespaces().withName(doomed).delete();
        assertThat(client.namespaces().withName(doomed).get().getStatus().getPhase()).isEqualTo("Terminating");
        KubernetesClientException forbidden = catchThrowableOfType(KubernetesClientException.class, () ->
                client.configMaps().inNamespace(doomed).resource(new ConfigMapBuilder().withNewMetadata().withName("c")
                        .endMetadata().build()).create());
        assertThat(forbidden.getCode()).isEqualTo(403);
        assertThat(forbidden.getStatus().getMessage()).isEqualTo("configmaps \"c\" is forbidden: unable to create new "
                + "content in namespace " + doomed + " because it is being terminated");
        assertThat(client.namespaces().list().getItems()).extracting(n -> n.getMetadata().getName())
                .contains("default", "kube-system", "kube-public", "kube-node-lease");
        assertThatThrownBy(() -> client.namespaces().withName("kube-system").delete())
                .isInstanceOf(KubernetesClientException.class).hasMessageContaining("this namespace may not be deleted");
    }

    @Test
    void deleteCollectionWithASelector() {
        for (String n : List.of("a", "b", "c")) {
            client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName(n)
                    .addToLabels("gone", n.equals("c") ? "no" : "yes").endMetadata().build()).create();
        }
        client.configMaps().withLabel("gone", "yes").delete();
        assertThat(client.configMaps().list().getItems()).extracting(c -> c.getMetadata().getName()).containsExactly("c");
    }

    @Test
    void deleteCollectionOfManyObjectsAnswersEveryDeletedObjectInListOrder() {
        List<String> created = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String n = "many-" + i;
            client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName(n).addToLabels("batch", "x")
                    .endMetadata().build()).create();
            created.add(n);
        }
        client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("kept").endMetadata().build()).create();
        List<String> listed = client.configMaps().withLabel("batch", "x").list().getItems().stream()
                .map(c -> c.getMetadata().getName()).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(created);

        List<io.fabric8.kubernetes.api.model.StatusDetails> deleted = client.configMaps().withLabel("batch", "x").delete();

        assertThat(deleted).extracting(io.fabric8.kubernetes.api.model.StatusDetails::getName).containsExactlyElementsOf(listed);
        assertThat(client.configMaps().list().getItems()).extracting(c -> c.getMetadata().getName()).containsExactly("kept");
    }

    @Test
    void deleteCollectionStopsAtTheFirstFailureAndAnswersIt() {
        for (int i = 0; i < 100; i++) {
            client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("held-" + i).endMetadata().build())
                    .create();
        }
        var r = http.delete("/api/v1/namespaces/" + namespace + "/configmaps",
                "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"preconditions\":{\"uid\":\"" + UUID.randomUUID() + "\"}}");
        assertThat(r.code()).isEqualTo(409);
        assertThat(r.json().path("kind").asText()).isEqualTo("Status");
        assertThat(r.json().path("reason").asText()).isEqualTo("Conflict");
        assertThat(client.configMaps().list().getItems()).hasSize(100);
    }

    private static List<String> names(PodList list) {
        return list.getItems().stream().map(p -> p.getMetadata().getName()).collect(Collectors.toList());
    }
}
