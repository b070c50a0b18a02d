package io.kubesim.bench.cluster;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubesim.bench.servers.Clients;
import io.kubesim.bench.servers.KubesimServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A kubesim process with the simulated cluster on and zero simulated delays, a fabric8 client of
 * it, and the probes the scenarios need (ready nodes, heap after GC, CPU time).
 */
final class Cluster implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KubesimServer server;
    private final KubernetesClient client;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Cluster(KubesimServer server, int clients) {
        this.server = server;
        this.client = Clients.of(server.url(), clients);
    }

    /**
     * Starts kubesim with {@code workers} simulated worker nodes of {@code nodePods} pods each, zero
     * sandbox, image-pull and container-start delays, and waits until every node is Ready.
     */
    static Cluster start(Path jar, List<String> jvmOptions, int workers, int nodePods, int clients) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("kubesim.simulation.enabled", "true");
        props.put("kubesim.simulation.workers", Integer.toString(workers));
        props.put("kubesim.simulation.node-pods", Integer.toString(nodePods));
        props.put("kubesim.simulation.sandbox-delay", "0ms");
        props.put("kubesim.simulation.image-pull-delay", "0ms");
        props.put("kubesim.simulation.container-start-delay", "0ms");
        long t0 = System.nanoTime();
        Cluster c = new Cluster(KubesimServer.start(jar, jvmOptions, props), clients);
        c.awaitNodesReady(workers + 1, Duration.ofMinutes(10));
        System.out.printf("kubesim (pid %d) with %d ready nodes after %.1f s%n", c.server.pid(), workers + 1,
                (System.nanoTime() - t0) / 1e9);
        return c;
    }

    KubesimServer server() {
        return server;
    }

    KubernetesClient client() {
        return client;
    }

    void namespace(String name) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                .create();
    }

    /** A pod with one container and no resource requests (BestEffort). */
    static Pod pod(String namespace, String name, Map<String, String> labels) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels)
                .endMetadata().withNewSpec().addNewContainer().withName("app").withImage("registry.k8s.io/pause:3.10")
                .endContainer().withTerminationGracePeriodSeconds(0L).endSpec().build();
    }

    static boolean runningAndReady(Pod p) {
        return p.getStatus() != null && "Running".equals(p.getStatus().getPhase())
                && p.getStatus().getConditions() != null && p.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private void awaitNodesReady(int count, Duration timeout) {
        boolean ok = poll(timeout, Duration.ofMillis(500), () -> {
            List<Node> nodes = client.nodes().list().getItems();
            long ready = nodes.stream().filter(n -> n.getStatus() != null && n.getStatus().getConditions() != null
                    && n.getStatus().getConditions().stream()
                    .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()))).count();
            return ready >= count;
        });
        if (!ok) {
            throw new IllegalStateException("nodes not ready after " + timeout + "; see " + server.log());
        }
    }

    /** Whether no pod in {@code namespace} matches the field selector (one item is fetched). */
    boolean noPod(String namespace, String fieldSelector) {
        return client.pods().inNamespace(namespace).list(new ListOptionsBuilder().withFieldSelector(fieldSelector)
                .withLimit(1L).build()).getItems().isEmpty();
    }

    /** Pods in {@code namespace}, from a one-item page's {@code remainingItemCount} (-1 when not given). */
    long podCount(String namespace) {
        var page = client.pods().inNamespace(namespace).list(new ListOptionsBuilder().withLimit(1L).build());
        Long remaining = page.getMetadata().getRemainingItemCount();
        return page.getItems().isEmpty() ? 0 : remaining == null ? -1 : remaining + page.getItems().size();
    }

    /** Polls {@code condition} every {@code every} until it holds or {@code timeout} passes. */
    static boolean poll(Duration timeout, Duration every, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            pause(every.toMillis());
        }
        return condition.getAsBoolean();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a full GC in the server ({@code jcmd GC.run}) and returns the heap then in use, in MiB. */
    double heapAfterGcMiB() {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(server.pid()), "GC.run").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
            return metric("jvm.memory.used", "area:heap") / (1024 * 1024);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes the server's class histogram ({@code jcmd GC.class_histogram}, top 40 lines) to {@code file}. */
    void heapHistogram(Path file) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(server.pid()), "GC.class_histogram").redirectErrorStream(true).start();
            List<String> lines = new String(p.getInputStream().readAllBytes()).lines().limit(45).toList();
            p.waitFor();
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            java.nio.file.Files.write(file, lines);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An actuator metric's VALUE (or COUNT) measurement. */
    double metric(String name, String tag) {
        String url = server.url() + "/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag);
        JsonNode body = JSON.readTree(get(url));
        return body.get("measurements").get(0).get("value").asDouble();
    }

    /** The cluster's current resourceVersion (a write counter: one per write). */
    long revision() {
        return Long.parseLong(client.namespaces().list(new ListOptionsBuilder().withLimit(1L).build())
                .getMetadata().getResourceVersion());
    }

    /** {@code calls} sequential GETs of {@code path}, reading every byte; a non-200 answer is an error. */
    io.kubesim.bench.measure.Latencies rawList(String path, int calls) {
        io.kubesim.bench.measure.Latencies latencies = new io.kubesim.bench.measure.Latencies(calls);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Accept", "application/json").timeout(Duration.ofMinutes(2)).build();
        latencies.start();
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<java.io.InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (java.io.InputStream in = r.body()) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                if (r.statusCode() == 200) {
                    latencies.record(System.nanoTime() - t0);
                } else {
                    latencies.error();
                }
            } catch (IOException e) {
                latencies.error();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        latencies.stop();
        return latencies;
    }

    String get(String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
