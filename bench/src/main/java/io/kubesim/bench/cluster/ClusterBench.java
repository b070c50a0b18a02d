package io.kubesim.bench.cluster;

import io.kubesim.bench.measure.Check;
import io.kubesim.bench.measure.RunResults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The simulated-cluster benchmarks on kubesim alone, each on a fresh kubesim process with zero
 * simulated delays: {@code startup}, {@code replicaset}, {@code deployment}, {@code steady}.
 */
public final class ClusterBench {

    private ClusterBench() {
    }

    public static void run(Path jar, Path out, List<String> scenarios, Map<String, String> settings) {
        for (String scenario : scenarios) {
            RunResults results = new RunResults();
            System.out.println("cluster scenario " + scenario);
            try {
                run(jar, out, scenario, settings, results);
            } catch (RuntimeException e) {
                e.printStackTrace();
                results.add(new Check("cluster", scenario, "the scenario ran", false, e.toString()));
            }
            results.save(out);
        }
    }

    private static void run(Path jar, Path out, String scenario, Map<String, String> s, RunResults results) {
        int clients = number(s, "clients", 8);
        int nodePods = number(s, "node-pods", 110);
        List<String> jvm = new ArrayList<>(options(s.getOrDefault("kubesim-jvm-opts", "")));
        Cluster cluster = switch (scenario) {
            // room for the warm-up (pods/2), light (pods/5) and loaded passes, which all stay
            case "startup" -> Cluster.start(jar, jvm, number(s, "nodes",
                    Math.max(10, number(s, "startup-pods", 1_000) * 2 / nodePods + 1)), nodePods, clients);
            case "replicaset" -> Cluster.start(jar, jvm, Math.max(1, number(s, "rs-replicas", 10_000) * 11 / 10 / nodePods),
                    nodePods, clients);
            case "deployment" -> Cluster.start(jar, jvm, Math.max(1, number(s, "deploy-replicas", 1_000) * 3 / 2 / nodePods),
                    nodePods, clients);
            case "steady" -> {
                jvm.add("-Xmx" + s.getOrDefault("steady-heap", "2g"));
                jvm.add("-XX:+ExitOnOutOfMemoryError");
                yield Cluster.start(jar, jvm, number(s, "nodes", 5_000) - 1, nodePods, clients);
            }
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
        try {
            switch (scenario) {
                case "startup" -> StartupScenario.run(cluster, number(s, "startup-pods", 1_000), number(s, "startup-rate", 50),
                        results);
                case "replicaset" -> {
                    WorkloadScenarios.replicaSet(cluster, number(s, "rs-replicas", 10_000), Duration.ofMinutes(5), results);
                    cluster.heapHistogram(out.resolve("replicaset").resolve("class-histogram.txt"));
                }
                case "deployment" -> WorkloadScenarios.rollingUpdate(cluster, number(s, "deploy-replicas", 1_000),
                        Duration.ofMinutes(5), results);
                default -> SteadyStateScenario.run(cluster, number(s, "nodes", 5_000), number(s, "pods", 100_000), clients,
                        number(s, "idle-seconds", 60), out, results);
            }
        } finally {
            cluster.close();
            cluster.server().keepLog(out.resolve(scenario));
            cluster.server().deleteWorkDir();
        }
    }

    private static int number(Map<String, String> s, String key, int fallback) {
        return Integer.parseInt(s.getOrDefault(key, Integer.toString(fallback)));
    }

    private static List<String> options(String v) {
        return v.isBlank() ? List.of() : List.of(v.trim().split("\\s+"));
    }
}
