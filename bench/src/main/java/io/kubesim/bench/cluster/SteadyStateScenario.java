package io.kubesim.bench.cluster;

import io.kubesim.bench.measure.Check;
import io.kubesim.bench.measure.Latencies;
import io.kubesim.bench.measure.Metric;
import io.kubesim.bench.measure.RunResults;
import io.kubesim.bench.measure.Workers;

import java.time.Duration;
import java.util.Map;

/**
 * Many simulated nodes and pods in a bounded heap: create the pods, wait until every one is
 * Running, let it settle (half the idle window), then measure heap after a full GC, resident memory, CPU and writes per second while
 * idle (kubelet lease renewals go on), and list latencies as raw bytes.
 */
final class SteadyStateScenario {

    private static final String NS = "steady";
    private static final String SCENARIO = "steady-state";

    private SteadyStateScenario() {
    }

    static void run(Cluster cluster, int nodes, int pods, int clients, int idleSeconds, java.nio.file.Path out2,
                    RunResults out) {
        out.add(new Metric(SCENARIO, "nodes", nodes, "nodes"));
        Cluster.pause(idleSeconds * 500L);
        idle(cluster, "with " + nodes + " nodes, no pods", idleSeconds / 2, out);
        cluster.namespace(NS);
        Workers workers = new Workers(clients);
        Latencies creates = workers.run(pods, (w, i) -> cluster.client().pods().inNamespace(NS)
                .resource(Cluster.pod(NS, "steady-" + i, Map.of("app", "steady", "shard", "s" + (i % 100)))).create());
        out.add(creates.result(SCENARIO, "pod-create"));
        long t0 = System.nanoTime();
        boolean running = Cluster.poll(Duration.ofMinutes(10), Duration.ofSeconds(2),
                () -> cluster.noPod(NS, "status.phase!=Running"));
        out.add(new Metric(SCENARIO, "all " + pods + " pods Running, after the last create", (System.nanoTime() - t0) / 1e9, "s"));
        out.add(new Check("cluster", SCENARIO, pods + " pods Running within 10 min of the last create", running,
                creates.errors() + " create errors"));
        Cluster.pause(idleSeconds * 500L);
        idle(cluster, "with " + nodes + " nodes and " + pods + " pods", idleSeconds, out);
        cluster.heapHistogram(out2.resolve("steady").resolve("class-histogram.txt"));
        lists(cluster, nodes, pods, out);
        out.add(new Check("cluster", SCENARIO, "kubesim still alive at the end (no OutOfMemoryError)",
                cluster.server().isAlive(), "see " + cluster.server().log()));
    }

    private static void idle(Cluster cluster, String what, int seconds, RunResults out) {
        out.add(new Metric(SCENARIO, "heap after GC " + what, cluster.heapAfterGcMiB(), "MiB"));
        long cpu0 = cluster.server().cpuMillis();
        long rev0 = cluster.revision();
        long t0 = System.nanoTime();
        Cluster.pause(seconds * 1000L);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long cpu1 = cluster.server().cpuMillis();
        long rev1 = cluster.revision();
        out.add(new Metric(SCENARIO, "idle CPU " + what, (cpu1 - cpu0) / 10.0 / elapsed, "% of one core"));
        out.add(new Metric(SCENARIO, "idle writes " + what, (rev1 - rev0) / elapsed, "writes/s"));
        out.add(new Metric(SCENARIO, "resident memory " + what, cluster.server().rssMiB(), "MiB"));
    }

    private static void lists(Cluster cluster, int nodes, int pods, RunResults out) {
        String base = "/api/v1/namespaces/" + NS + "/pods";
        out.add(cluster.rawList(base, 5).result(SCENARIO, "list " + pods + " pods"));
        out.add(cluster.rawList(base + "?labelSelector=shard%3Ds7", 20).result(SCENARIO, "list 1% by label"));
        out.add(cluster.rawList(base + "?fieldSelector=spec.nodeName%3Dkubesim-worker", 20)
                .result(SCENARIO, "list one node's pods"));
        out.add(cluster.rawList("/api/v1/nodes", 5).result(SCENARIO, "list " + nodes + " nodes"));
        out.add(cluster.rawList(base + "?limit=500", 20).result(SCENARIO, "list first page of 500"));
    }
}
