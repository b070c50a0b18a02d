package io.kubesim.e2e;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubesim.support.ApiTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fabric8 SharedIndexInformer stays in sync through creates, updates and deletes while the server
 * ends every watch after 1 s (kubesim.api.max-watch-timeout): between rounds the test waits for the server
 * to have accepted a new watch, so every round is delivered over a re-established watch (fabric8's watches are
 * WebSockets, so each timeout is a close with 1000 and each re-watch a new upgrade).
 */
@TestPropertySource(properties = "kubesim.api.max-watch-timeout=1s")
class InformerTest extends ApiTestBase {

    @Autowired
    MeterRegistry meters;

    private double watchesStarted() {
        return meters.counter("kubesim.watch.connections.started").count();
    }

    @Test
    void anInformerStaysInSyncAcrossServerSideWatchTimeouts() {
        Map<String, String> seen = new ConcurrentHashMap<>();
        AtomicInteger deletes = new AtomicInteger();
        SharedIndexInformer<ConfigMap> informer = client.configMaps().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(ConfigMap obj) {
                seen.put(obj.getMetadata().getName(), obj.getData().getOrDefault("v", ""));
            }

            @Override
            public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {
                seen.put(newObj.getMetadata().getName(), newObj.getData().getOrDefault("v", ""));
            }

            @Override
            public void onDelete(ConfigMap obj, boolean deletedFinalStateUnknown) {
                seen.remove(obj.getMetadata().getName());
                deletes.incrementAndGet();
            }
        });
        try {
            for (int round = 0; round < 4; round++) {
                for (int i = 0; i < 5; i++) {
                    String name = "c" + i;
                    String value = "r" + round;
                    if (round == 0) {
                        client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata()
                                .addToData("v", value).build()).create();
                    } else {
                        client.configMaps().withName(name).edit(c -> {
                            c.getData().put("v", value);
                            return c;
                        });
                    }
                }
                int expectedRound = round;
                await().atMost(Duration.ofSeconds(20)).until(() -> seen.values().stream()
                        .allMatch(v -> v.equals("r" + expectedRound)) && seen.size() == 5);
                double watchesSoFar = watchesStarted();
                await().atMost(Duration.ofSeconds(10)).until(() -> watchesStarted() > watchesSoFar);
            }
            client.configMaps().withName("c0").delete();
            client.configMaps().withName("c1").delete();
            await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() == 3);
            Set<String> inStore = informer.getStore().list().stream().map(c -> c.getMetadata().getName())
                    .collect(Collectors.toSet());
            Set<String> onServer = client.configMaps().list().getItems().stream().map(c -> c.getMetadata().getName())
                    .collect(Collectors.toSet());
            assertThat(inStore).isEqualTo(onServer).containsExactlyInAnyOrder("c2", "c3", "c4");
            assertThat(deletes.get()).isEqualTo(2);
            double upgraded = meters.find("apiserver.request").tags("verb", "WATCH", "resource", "configmaps", "code", "101")
                    .counters().stream().mapToDouble(c -> c.count()).sum();
            assertThat(upgraded).as("the informer re-watched over WebSocket after each timeout").isGreaterThanOrEqualTo(4);
        } finally {
            informer.close();
        }
    }
}
