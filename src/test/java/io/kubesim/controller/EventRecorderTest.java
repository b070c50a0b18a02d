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
        ConfigMap cm = configMap("flood");
        EventRecorder.Source source = new EventRecorder.Source("test-component", null);
        try (EventRecorder recorder = new EventRecorder(new ResourceClient(registry, "test"),
                new ClusterTime(Clock.systemUTC(), 1))) {
            CountDownLatch release = new CountDownLatch(1);
            recorder.holdLanes(release);
            int recorded = EventRecorder.QUEUED_PER_LANE + 50;
            for (int i = 0; i < recorded; i++) {
                recorder.normal(cm, null, source, "Flood", "message " + i);
            }
            assertThat(recorder.dropped()).isEqualTo(50);
            release.countDown();
            await().atMost(Duration.ofSeconds(60)).until(recorder::idle);
            List<Event> events = client.v1().events().inNamespace(namespace).list().getItems();
            assertThat(events).hasSize(EventRecorder.QUEUED_PER_LANE)
                    .extracting(Event::getMessage).contains("message 0", "message " + (EventRecorder.QUEUED_PER_LANE - 1))
                    .doesNotContain("message " + EventRecorder.QUEUED_PER_LANE);
        }
    }
}
