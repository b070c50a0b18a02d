package io.kubesim.bench.cost;

import io.kubesim.bench.servers.KubesimServer;
import io.kubesim.bench.servers.ServerProcess;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one HTTP request costs kubesim itself, per phase (create, get, replace, status, delete of N pods, C clients,
 * JDK HTTP client, simulation off): bytes the server allocated per operation (every live thread's
 * {@code ThreadMXBean} counter, read over JMX; exact, unlike time on a shared machine) and its CPU per operation by
 * thread group (from {@code /proc/PID/task}, Linux only). Rounds repeat the phases, so the JIT's share shows as it
 * falls.
 */
public final class ServerCost {

    private static final String[] TIERS = {"front", "back", "db"};

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String url;
    private final long pid;
    private final com.sun.management.ThreadMXBean threads;

    private ServerCost(String url, long pid, com.sun.management.ThreadMXBean threads) {
        this.url = url;
        this.pid = pid;
        this.threads = threads;
    }

    public static void run(Path jar, int pods, int clients, int rounds, List<String> jvmOptions) throws Exception {
        int jmxPort = ServerProcess.freePort();
        List<String> opts = new ArrayList<>(jvmOptions);
        opts.addAll(List.of("-Dcom.sun.management.jmxremote.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1", "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false"));
        KubesimServer server = KubesimServer.start(jar, opts, Map.of("kubesim.simulation.enabled", "false"));
        try (server; JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(
                     "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"))) {
            var threads = ManagementFactory.newPlatformMXBeanProxy(jmx.getMBeanServerConnection(),
                    ManagementFactory.THREAD_MXBEAN_NAME, com.sun.management.ThreadMXBean.class);
            System.out.printf("server cost: %d pods, %d clients, %d rounds, jvm %s%n", pods, clients, rounds, jvmOptions);
            new ServerCost(server.url(), server.pid(), threads).rounds(pods, clients, rounds);
        } finally {
            server.deleteWorkDir();
        }
    }

    private interface Op {
        void run(int i) throws Exception;
    }

    private void rounds(int n, int clients, int rounds) throws Exception {
        send("POST", "/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"cost\"}}");
        String pods = "/api/v1/namespaces/cost/pods/";
        String[] bodies = new String[n];
        for (int r = 1; r <= rounds; r++) {
            String suffix = "-" + r;
            System.out.println("round " + r);
            phase("create", n, clients, i -> bodies[i] = send("POST", "/api/v1/namespaces/cost/pods", pod(i, suffix)));
            phase("get", n, clients, i -> send("GET", pods + "p" + i + suffix, null));
            phase("replace", n, clients, i -> bodies[i] = send("PUT", pods + "p" + i + suffix,
                    bodies[i].replace("\"app\":\"bench\"", "\"app\":\"bench\",\"round\":\"r" + i + "\"")));
            phase("status", n, clients, i -> send("PUT", pods + "p" + i + suffix + "/status",
                    bodies[i].replace("\"phase\":\"Pending\"", "\"phase\":\"Running\"")));
            phase("delete", n, clients, i -> send("DELETE", pods + "p" + i + suffix, null));
        }
    }

    private static String pod(int i, String suffix) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p" + i + suffix + "\",\"labels\":"
                + "{\"app\":\"bench\",\"group\":\"g" + (i % 10) + "\",\"tier\":\"" + TIERS[i % 3] + "\"}},\"spec\":"
                + "{\"containers\":[{\"name\":\"c\",\"image\":\"nginx:1.27\",\"ports\":[{\"containerPort\":80}],"
                + "\"env\":[{\"name\":\"I\",\"value\":\"" + i + "\"}],\"resources\":{\"requests\":{\"cpu\":\"100m\","
                + "\"memory\":\"64Mi\"}}}]}}";
    }

    private void phase(String name, int n, int clients, Op op) throws Exception {
        long allocatedBefore = allocated();
        Map<String, Long> cpuBefore = cpuTicks();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int k = 0; k < clients; k++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    op.run(i);
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Long> cpuAfter = cpuTicks();
        long allocated = allocated() - allocatedBefore;
        Map<String, Long> cpu = new HashMap<>();
        long total = 0;
        for (var e : cpuAfter.entrySet()) {
            long d = e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L);
            if (d > 0) {
                cpu.put(e.getKey(), d);
                total += d;
            }
        }
        StringBuilder groups = new StringBuilder();
        cpu.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(5)
                .forEach(e -> groups.append(String.format(" %s=%d", e.getKey(), e.getValue() * 10_000L / n)));
        System.out.printf("  %-8s %6d ops %7.0f/s  allocated %4d KB/op  CPU %5d us/op  [%s ]%n", name, n, n / seconds,
                allocated / 1024 / n, total * 10_000L / n, groups.toString().trim());
    }

    /** Bytes allocated so far by the server's live threads. */
    private long allocated() {
        long sum = 0;
        for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(b, 0);
        }
        return sum;
    }

    /** CPU ticks (1/100 s) per thread group (the thread name without its number); empty where /proc is missing. */
    private Map<String, Long> cpuTicks() throws IOException {
        Map<String, Long> ticks = new TreeMap<>();
        Path tasks = Path.of("/proc/" + pid + "/task");
        if (!Files.isDirectory(tasks)) {
            return ticks;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tasks)) {
            for (Path t : ds) {
                String stat;
                try {
                    stat = Files.readString(t.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                int open = stat.indexOf('('), close = stat.lastIndexOf(')');
                String group = stat.substring(open + 1, close).replaceAll("[-#]?\\d+$", "").trim();
                String[] f = stat.substring(close + 2).split(" ");
                ticks.merge(group, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
            }
        }
        return ticks;
    }

    private String send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                .header("User-Agent", "kubesim-bench-cost");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
