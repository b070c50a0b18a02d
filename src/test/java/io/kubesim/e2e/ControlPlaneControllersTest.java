package io.kubesim.e2e;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.kubesim.support.ApiTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The control-plane controllers against the API with fabric8: garbage collection by propagation policy, namespace
 * deletion, Endpoints and EndpointSlices following pod readiness, and event expiry (TTL shortened to 2 s).
 */
@TestPropertySource(properties = {"kubesim.events.ttl=2s", "kubesim.controllers.enabled=true"})
class ControlPlaneControllersTest extends ApiTestBase {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Autowired
    MeterRegistry meters;

    private ConfigMap configMap(String name, OwnerReference... owners) {
        return client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName(name)
                .withOwnerReferences(owners).endMetadata().build()).create();
    }

    private static OwnerReference ownedBy(ConfigMap owner, boolean block) {
        return new OwnerReferenceBuilder().withApiVersion("v1").withKind("ConfigMap")
                .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
                .withBlockOwnerDeletion(block).build();
    }

    @Test
    void backgroundDeletionCollectsDependents() {
        ConfigMap owner = configMap("owner");
        configMap("child-1", ownedBy(owner, false));
        configMap("child-2", ownedBy(owner, false));
        client.configMaps().withName("owner").withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        await().atMost(DEADLINE).until(() -> client.configMaps().list().getItems().isEmpty());
    }

    @Test
    void foregroundDeletionWaitsForBlockingDependents() {
        ConfigMap owner = configMap("owner");
        client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("held")
                .withOwnerReferences(ownedBy(owner, true)).withFinalizers("example.com/hold").endMetadata().build())
                .create();
        client.configMaps().withName("owner").withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();

        await().atMost(DEADLINE).until(() -> client.configMaps().withName("held").get().getMetadata()
                .getDeletionTimestamp() != null);
        ConfigMap waiting = client.configMaps().withName("owner").get();
        assertThat(waiting.getMetadata().getFinalizers()).contains("foregroundDeletion");
        assertThat(waiting.getMetadata().getDeletionTimestamp()).isNotNull();

        client.configMaps().withName("held").edit(c -> {
            c.getMetadata().setFinalizers(List.of());
            return c;
        });
        await().atMost(DEADLINE).until(() -> client.configMaps().withName("owner").get() == null);
    }

    @Test
    void orphanDeletionKeepsDependentsWithoutTheOwnerReference() {
        ConfigMap owner = configMap("owner");
        ConfigMap other = configMap("other");
        configMap("child", ownedBy(owner, true), ownedBy(other, false));
        client.configMaps().withName("owner").withPropagationPolicy(DeletionPropagation.ORPHAN).delete();
        await().atMost(DEADLINE).until(() -> client.configMaps().withName("owner").get() == null);
        ConfigMap child = client.configMaps().withName("child").get();
        assertThat(child.getMetadata().getOwnerReferences()).extracting(OwnerReference::getName).containsExactly("other");
    }

    @Test
    void dependentsOfAMissingOwnerAreCollected() {
        configMap("stray", new OwnerReferenceBuilder().withApiVersion("v1").withKind("ConfigMap").withName("never")
                .withUid("8a1f7a3e-0000-4000-8000-000000000000").build());
        await().atMost(DEADLINE).until(() -> client.configMaps().withName("stray").get() == null);
    }

    @Test
    void updatesThatKeepTheOwnersLeaveTheCollectorAloneAndANewDanglingOwnerIsCollected() {
        ConfigMap owner = configMap("owner");
        configMap("child", ownedBy(owner, false));
        Timer reconciles = meters.find("kubesim.controller.reconcile").tag("controller", "garbage-collector").timer();
        await().atMost(DEADLINE).until(() -> reconciles.count() > 0);
        long before = reconciles.count();
        for (int i = 0; i < 30; i++) {
            int n = i;
            client.configMaps().withName("child").edit(c -> {
                c.setData(java.util.Map.of("n", Integer.toString(n)));
                return c;
            });
        }
        // each of the 30 updates woke the collector before; now only unrelated objects' changes may
        assertThat(reconciles.count() - before).isLessThan(30);

        client.configMaps().withName("child").edit(c -> {
            c.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder().withApiVersion("v1")
                    .withKind("ConfigMap").withName("gone").withUid("8a1f7a3e-0000-4000-8000-000000000001").build()));
            return c;
        });
        await().atMost(DEADLINE).until(() -> client.configMaps().withName("child").get() == null);
    }

    @Test
    void namespaceDeletionRemovesItsContentThenTheNamespace() {
        String ns = namespace + "-x";
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
        client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("a").endMetadata()
                .build()).create();
        client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("held")
                .withFinalizers("example.com/hold").endMetadata().build()).create();

        client.namespaces().withName(ns).delete();
        await().atMost(DEADLINE).until(() -> {
            Namespace n = client.namespaces().withName(ns).get();
            return n.getStatus().getConditions() != null && n.getStatus().getConditions().stream().anyMatch(c ->
                    c.getType().equals("NamespaceFinalizersRemaining") && c.getStatus().equals("True")
                            && c.getMessage().contains("example.com/hold in 1 resource instances"));
        });
        Namespace terminating = client.namespaces().withName(ns).get();
        assertThat(terminating.getStatus().getPhase()).isEqualTo("Terminating");
        assertThat(client.configMaps().inNamespace(ns).withName("a").get()).isNull();

        client.configMaps().inNamespace(ns).withName("held").edit(c -> {
            c.getMetadata().setFinalizers(List.of());
            return c;
        });
        await().atMost(DEADLINE).until(() -> client.namespaces().withName(ns).get() == null);
    }

    private Pod pod(String name, String ip, boolean ready) {
        Pod pod = client.pods().resource(new PodBuilder().withNewMetadata().withName(name).addToLabels("app", "web")
                .endMetadata().withNewSpec().withNodeName("worker").addNewContainer().withName("c").withImage("nginx")
                .addNewPort().withName("http").withContainerPort(8080).endPort().endContainer().endSpec().build()).create();
        return setReady(pod, ip, ready);
    }

    private Pod setReady(Pod pod, String ip, boolean ready) {
        pod.getStatus().setPhase("Running");
        pod.getStatus().setPodIP(ip);
        pod.getStatus().setConditions(List.of(new PodCondition(null, null, null, null, null, ready ? "True" : "False", "Ready")));
        return client.pods().resource(pod).updateStatus();
    }

    @Test
    void endpointsAndSlicesFollowPodReadiness() {
        client.services().resource(new ServiceBuilder().withNewMetadata().withName("web").endMetadata().withNewSpec()
                .addToSelector("app", "web").addNewPort().withName("http").withPort(80)
                .withNewTargetPort("http").endPort().endSpec().build()).create();
        Pod a = pod("web-a", "10.244.1.10", false);
        pod("web-b", "10.244.1.11", true);

        await().atMost(DEADLINE).untilAsserted(() -> {
            Endpoints ep = client.endpoints().withName("web").get();
            assertThat(ep).isNotNull();
            assertThat(ep.getSubsets()).hasSize(1);
            assertThat(ep.getSubsets().get(0).getAddresses()).extracting(EndpointAddress::getIp).containsExactly("10.244.1.11");
            assertThat(ep.getSubsets().get(0).getNotReadyAddresses()).extracting(EndpointAddress::getIp)
                    .containsExactly("10.244.1.10");
            assertThat(ep.getSubsets().get(0).getPorts().get(0).getPort()).isEqualTo(8080);
        });
        setReady(client.pods().withName("web-a").get(), a.getStatus().getPodIP(), true);
        await().atMost(DEADLINE).untilAsserted(() -> {
            List<EndpointSlice> slices = client.discovery().v1().endpointSlices()
                    .withLabel("kubernetes.io/service-name", "web").list().getItems();
            assertThat(slices).hasSize(1);
            EndpointSlice slice = slices.get(0);
            assertThat(slice.getMetadata().getName()).startsWith("web-");
            assertThat(slice.getMetadata().getOwnerReferences()).singleElement()
                    .satisfies(o -> assertThat(o.getKind()).isEqualTo("Service"));
            assertThat(slice.getEndpoints()).extracting(e -> e.getConditions().getReady()).containsExactly(true, true);
            assertThat(slice.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort()).isEqualTo(8080));
        });

        client.pods().withName("web-b").withGracePeriod(30).delete();
        await().atMost(DEADLINE).untilAsserted(() -> {
            EndpointSlice slice = client.discovery().v1().endpointSlices().withLabel("kubernetes.io/service-name", "web")
                    .list().getItems().get(0);
            Endpoint b = slice.getEndpoints().stream().filter(e -> e.getTargetRef().getName().equals("web-b"))
                    .findFirst().orElseThrow();
            assertThat(b.getConditions().getTerminating()).isTrue();
            assertThat(b.getConditions().getReady()).isFalse();
            assertThat(b.getConditions().getServing()).isTrue();
            assertThat(client.endpoints().withName("web").get().getSubsets().get(0).getAddresses())
                    .extracting(EndpointAddress::getIp).containsExactly("10.244.1.10");
        });

        client.services().withName("web").delete();
        await().atMost(DEADLINE).until(() -> client.endpoints().withName("web").get() == null
                && client.discovery().v1().endpointSlices().withLabel("kubernetes.io/service-name", "web").list()
                .getItems().isEmpty());
    }

    @Test
    void serviceWithoutPodsGetsAPlaceholderSlice() {
        client.services().resource(new ServiceBuilder().withNewMetadata().withName("empty").endMetadata().withNewSpec()
                .addToSelector("app", "nothing").addNewPort().withPort(80).endPort().endSpec().build()).create();
        await().atMost(DEADLINE).untilAsserted(() -> {
            List<EndpointSlice> slices = client.discovery().v1().endpointSlices()
                    .withLabel("kubernetes.io/service-name", "empty").list().getItems();
            assertThat(slices).singleElement().satisfies(s -> assertThat(s.getEndpoints()).isNullOrEmpty());
            assertThat(client.endpoints().withName("empty").get()).isNotNull();
        });
    }

    @Test
    void eventsExpireAfterTheTtl() {
        String old = Instant.now().minusSeconds(3600).toString();
        client.v1().events().resource(new EventBuilder().withNewMetadata().withName("old").endMetadata()
                .withNewInvolvedObject().withKind("Pod").withName("x").withNamespace(namespace).endInvolvedObject()
                .withReason("Test").withMessage("m").withFirstTimestamp(old).withLastTimestamp(old).build()).create();
        await().atMost(DEADLINE).until(() -> client.v1().events().withName("old").get() == null);
    }
}
