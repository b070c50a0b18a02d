package io.kubesim.controller;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.kubesim.registry.ResourceRegistry;
import io.kubesim.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events are written through ordered lanes; a full lane drops new events instead of queueing without bound. */
class EventRecorderTest extends ApiTestBase {

    @Autowired
    ResourceRegistry registry;

    private ConfigMap configMap(String name) {
        return client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().build())
                .create();
    }

    @Test
    void oneObjectsRepeatsAreCountedInOrderAndManyObjectsAreAllRecorded() {
        List<ConfigMap> objects = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            objects.add(configMap("cm-" + i));
        }
        EventRecorder.Source source = new EventRecorder.Source("test-component", "node-a");
        try (EventRecorder recorder = new EventRecorder(new ResourceClient(registry, "test"),
                new ClusterTime(Clock.systemUTC(), 1))) {
            for (int round = 0; round < 3; round++) {
                for (ConfigMap cm : objects) {
                    recorder.normal(cm, null, source, "Seen", "seen " + cm.getMetadata().getName());
                }
            }
            recorder.warning(objects.get(0), null, source, "Odd", "odd");
            await().atMost(Duration.ofSeconds(20)).until(recorder::idle);
            List<Event> events = client.v1().events().inNamespace(namespace).list().getItems();
            assertThat(events).hasSize(21);
            assertThat(events).filteredOn(e -> e.getReason().equals("Seen")).allSatisfy(e -> {
                assertThat(e.getCount()).isEqualTo(3);
                assertThat(e.getMessage()).isEqualTo("seen " + e.getInvolvedObject().getName());
                assertThat(e.getSource().getComponent()).isEqualTo("test-component");
                assertThat(e.getMetadata().getManagedFields().get(0).getManager()).isEqualTo("test-component");
            });
            assertThat(recorder.dropped()).isZero();
        }
    }

    @Test
    void aFullLaneDropsNewEventsAndWritesTheQueuedOnes() {
        // objects whose events all go to lane 0 (lanes are chosen by uid); they need not exist
        List<ConfigMap> objects = new ArrayList<>();
        for (int i = 0; objects.size() < EventRecorder.QUEUED_PER_LANE + 50; i++) {
            String uid = "uid-" + i;
            if (Math.floorMod(uid.hashCode(), EventRecorder.LANES) == 0) {
                objects.add(new ConfigMapBuilder().withNewMetadata().withName("o-" + i).withNamespace(namespace)
                        .withUid(uid).endMetadata().build());
            }
        }
        EventRecorder.Source source = new EventRecorder.Source("test-component", null);
        try (EventRecorder recorder = new EventRecorder(new ResourceClient(registry, "test"),
                new ClusterTime(Clock.systemUTC(), 1))) {
            CountDownLatch release = new CountDownLatch(1);
            recorder.holdLanes(release);
            for (ConfigMap cm : objects) {
                recorder.normal(cm, null, source, "Flood", "flood");
            }
            assertThat(recorder.dropped()).isEqualTo(50);
            release.countDown();
            await().atMost(Duration.ofSeconds(60)).until(recorder::idle);
            List<Event> events = client.v1().events().inNamespace(namespace).list().getItems();
            assertThat(events).hasSize(EventRecorder.QUEUED_PER_LANE)
                    .extracting(e -> e.getInvolvedObject().getName())
                    .contains(objects.get(0).getMetadata().getName(),
                            objects.get(EventRecorder.QUEUED_PER_LANE - 1).getMetadata().getName())
                    .doesNotContain(objects.get(EventRecorder.QUEUED_PER_LANE).getMetadata().getName());
        }
    }

    @Test
    void aControllersManySimilarEventsAboutOneObjectAreCombined() {
        ConfigMap cm = configMap("scaled");
        EventRecorder.Source source = new EventRecorder.Source("replicaset-controller", null);
        try (EventRecorder recorder = new EventRecorder(new ResourceClient(registry, "test"),
                new ClusterTime(Clock.systemUTC(), 1))) {
            for (int i = 0; i < 15; i++) {
                recorder.normal(cm, null, source, "SuccessfulCreate", "Created pod: p-" + i);
            }
            await().atMost(Duration.ofSeconds(20)).until(recorder::idle);
            List<Event> events = client.v1().events().inNamespace(namespace).list().getItems();
            assertThat(events).hasSize(10);
            assertThat(events).filteredOn(e -> e.getMessage().startsWith("(combined from similar events): "))
                    .singleElement().satisfies(e -> {
                        assertThat(e.getCount()).isEqualTo(6);
                        assertThat(e.getMessage()).isEqualTo("(combined from similar events): Created pod: p-14");
                        assertThat(e.getReportingComponent()).isNullOrEmpty();
                    });
        }
    }
}
