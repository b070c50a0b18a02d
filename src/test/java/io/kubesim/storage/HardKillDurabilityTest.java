package io.kubesim.storage;

import io.kubesim.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every acknowledged write survives {@code kill -9}: a real kubesim process with the default
 * configuration (H2 file in ./data of its working directory) is killed while clients are writing,
 * restarted, and must still hold every object whose create returned 201.
 */
class HardKillDurabilityTest {

    @TempDir
    Path workdir;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Process start(int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "io.kubesim.KubesimApplication", "--server.port=" + port, "--logging.level.root=warn");
        pb.directory(workdir.toFile());
        pb.redirectErrorStream(true);
        pb.redirectOutput(workdir.resolve("server-" + port + ".log").toFile());
        Process p = pb.start();
        Http http = new Http("http://127.0.0.1:" + port);
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> http.get("/readyz").code() == 200);
        return p;
    }

    @Test
    void acknowledgedCreatesSurviveAKillDashNine() throws Exception {
        int port = freePort();
        Process server = start(port);
        Http http = new Http("http://127.0.0.1:" + port);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> jobs = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int id = w;
            jobs.add(writers.submit(() -> {
                for (int i = 0; ; i++) {
                    String name = "w" + id + "-" + i;
                    try {
                        var r = http.post("/api/v1/namespaces/default/configmaps",
                                "{\"metadata\":{\"name\":\"" + name + "\"},\"data\":{\"i\":\"" + i + "\"}}");
                        if (r.code() == 201) {
                            acknowledged.add(name);
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            }));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 200);
        server.destroyForcibly();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        for (var j : jobs) {
            j.get(30, TimeUnit.SECONDS);
        }
        writers.shutdown();
        assertThat(workdir.resolve("data").toFile().listFiles()).isNotEmpty();

        int port2 = freePort();
        Process restarted = start(port2);
        try {
            Http after = new Http("http://127.0.0.1:" + port2);
            var list = after.get("/api/v1/namespaces/default/configmaps").json();
            Set<String> present = ConcurrentHashMap.newKeySet();
            list.path("items").forEach(i -> present.add(i.path("metadata").path("name").asString()));
            assertThat(present).containsAll(acknowledged);
            var created = after.post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"after-restart\"}}");
            assertThat(Long.parseLong(created.json().path("metadata").path("resourceVersion").asString()))
                    .isGreaterThan(Long.parseLong(list.path("metadata").path("resourceVersion").asString()));
        } finally {
            restarted.destroy();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
    }

}
