package io.kubesim.bench;

import io.kubesim.bench.api.ApiWorkload;
import io.kubesim.bench.measure.ClientNice;
import io.kubesim.bench.measure.Metric;
import io.kubesim.bench.measure.RunResults;
import io.kubesim.bench.report.Report;
import io.kubesim.bench.servers.KubesimServer;
import io.kubesim.bench.servers.MockServer;
import io.kubesim.bench.servers.ServerProcess;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's entry point (see docs/benchmarks.md). Commands:
 * <ul>
 *   <li>{@code api}: the same API workload against kubesim (simulation off unless {@code --kubesim-props} says
 *       otherwise) and the fabric8 mock server</li>
 *   <li>{@code cluster}: simulated-cluster scenarios on kubesim alone</li>
 *   <li>{@code cost}: what each request costs kubesim itself (allocation and CPU per operation, per phase)</li>
 *   <li>{@code report}: medians over several run folders, docs/benchmarks-latency.png and result tables</li>
 * </ul>
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        switch (args.command()) {
            case "api" -> api(args);
            case "cluster" -> io.kubesim.bench.cluster.ClusterBench.run(args.path("jar", jar()), args.path("out", "target/run"),
                    args.list("scenarios", "startup,replicaset,deployment,steady"), settings(args));
            case "cost" -> io.kubesim.bench.cost.ServerCost.run(args.path("jar", jar()), args.integer("pods", 3_000),
                    args.integer("clients", 8), args.integer("rounds", 3), args.jvmOptions("kubesim-jvm-opts", ""));
            case "report" -> io.kubesim.bench.report.Report.write(args.list("runs", ""), args.path("docs", "../docs"));
            default -> {
                System.err.println("usage: BenchMain api|cluster|cost|report --key value ...  (see docs/benchmarks.md)");
                System.exit(2);
            }
        }
        System.exit(0);
    }

    private static Map<String, String> settings(Args args) {
        Map<String, String> s = new java.util.HashMap<>();
        for (String key : List.of("nodes", "pods", "startup-pods", "startup-rate", "rs-replicas", "deploy-replicas",
                "idle-seconds", "kubesim-jvm-opts", "steady-heap", "clients", "node-pods")) {
            String v = args.string(key, null);
            if (v != null) {
                s.put(key, v);
            }
        }
        return s;
    }

    /**
     * Waits until the server's process uses less than 5 % of a core over a second (its JIT has compiled what the
     * warm-up queued), at most a minute; returns how long that took, in milliseconds.
     */
    private static long awaitQuiet(ServerProcess process) {
        long start = System.nanoTime();
        long deadline = start + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            long cpu = process.cpuMillis();
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (process.cpuMillis() - cpu < 50) {
                break;
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Runs a clean-up step; a failure is printed, and the next steps still run. */
    private static void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            System.err.println("clean-up: " + e);
        }
    }

    private static String jar() {
        return "../target/kubesim-0.1.0-SNAPSHOT.jar";
    }

    private static void api(Args args) {
        ApiWorkload.Settings settings = new ApiWorkload.Settings(
                args.integer("pods", 10_000), args.integer("clients", 8), args.integer("lists", 20),
                args.integer("page-size", 500), args.integer("page-passes", 5), args.integer("watch-writes", 2_000),
                args.integer("watch-rate", 200), args.integer("watchers", 100), args.integer("warmup", 1_000),
                args.string("http-client", "jdk"));
        Path out = args.path("out", "target/run");
        List<String> servers = args.list("servers", "kubesim,mock");
        List<String> kubesimJvm = args.jvmOptions("kubesim-jvm-opts", "");
        List<String> mockJvm = args.jvmOptions("mock-jvm-opts", "");
        Map<String, String> kubesimProps = args.properties("kubesim-props", "kubesim.simulation.enabled=false");
        int clientNice = args.integer("client-nice", 0);
        if (clientNice != 0) {
            ClientNice.requireValid(clientNice);
        }
        System.out.println("api workload " + settings + " -> " + out);
        // Every server is started and warmed up before any is measured, so that the benchmark's clients reach the
        // measured passes with their hot paths compiled whichever server goes first. A server waits stopped
        // (SIGSTOP) while another starts, warms up or is measured, so that it takes none of the cores.
        if (new HashSet<>(servers).size() != servers.size()) {
            throw new IllegalArgumentException("a server is named twice in --servers " + servers);
        }
        Map<String, ServerProcess> processes = new LinkedHashMap<>();
        Map<String, ApiWorkload> workloads = new LinkedHashMap<>();
        Map<String, RunResults> results = new LinkedHashMap<>();
        ClientNice nice = null;
        try {
            for (String server : servers) {
                ServerProcess process = switch (server) {
                    case "kubesim" -> KubesimServer.start(args.path("jar", jar()), kubesimJvm, kubesimProps);
                    case "mock" -> MockServer.start(mockJvm);
                    default -> throw new IllegalArgumentException("unknown server " + server);
                };
                processes.put(server, process);
                System.out.println(server + " (pid " + process.pid() + ") at " + process.url());
                RunResults r = new RunResults();
                r.add(new Metric(Report.FOOTPRINT + server, "ready after process start", process.readyMillis(), "ms"));
                r.add(new Metric(Report.FOOTPRINT + server, "RSS when ready", process.rssMiB(), "MiB"));
                results.put(server, r);
                ApiWorkload workload = new ApiWorkload(settings, r, server, process);
                workloads.put(server, workload);
                workload.warmUp();
                process.pause();
            }
            if (clientNice != 0) { // after the servers started: a process started later would inherit it
                nice = ClientNice.lower(clientNice);
                results.forEach((server, r) -> r.add(new Metric(Report.FOOTPRINT + server,
                        "benchmark's nice value", clientNice, "")));
            }
            for (String server : servers) {
                ServerProcess process = processes.get(server);
                ApiWorkload workload = workloads.get(server);
                process.resume();
                long quietMillis = awaitQuiet(process);
                System.out.println(server + " quiet " + quietMillis + " ms after resuming");
                results.get(server).add(new Metric(Report.FOOTPRINT + server, "quiet after warm-up", quietMillis, "ms"));
                try {
                    workload.measure();
                    results.get(server).add(new Metric(Report.FOOTPRINT + server, "RSS after the workload",
                            process.rssMiB(), "MiB"));
                } finally {
                    workload.close();
                    process.close();
                }
                if (server.equals("kubesim")) { // the mock logs no latencies
                    try {
                        workload.addServerSide(process.log());
                    } catch (RuntimeException e) {
                        System.err.println("no server-side latencies for " + server + ": " + e);
                    }
                }
                results.get(server).save(out);
            }
        } finally {
            if (nice != null) {
                nice.close();
            }
            for (ApiWorkload workload : workloads.values()) {
                quietly(workload::close);
            }
            for (ServerProcess process : processes.values()) {
                quietly(process::resume);
                quietly(process::close);
                quietly(() -> process.keepLog(out));
                quietly(process::deleteWorkDir);
            }
        }
    }
}
