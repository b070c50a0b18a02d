package io.kubesim.e2e;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.kubesim.support.ApiTestBase;
import io.kubesim.support.Kubectl;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code kubectl get -w} prints changes as they happen. */
class KubectlWatchTest extends ApiTestBase {

    @Test
    void kubectlGetWatchPrintsChangesAsTheyHappen() throws Exception {
        Kubectl kubectl = Kubectl.against(baseUrl());
        client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("before").endMetadata().build()).create();
        Process p = kubectl.builder("get", "configmaps", "-n", namespace, "-w").redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    lines.add(l);
                }
            } catch (Exception ignored) {
                // the process was stopped
            }
        });
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream().anyMatch(l -> l.startsWith("before")));
            client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("after").endMetadata().build()).create();
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream().anyMatch(l -> l.startsWith("after")));
            client.configMaps().withName("after").delete();
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream().filter(l -> l.startsWith("after")).count() >= 2);
            assertThat(lines.get(0)).startsWith("NAME");
        } finally {
            p.destroy();
            reader.join(5000);
        }
    }
}
