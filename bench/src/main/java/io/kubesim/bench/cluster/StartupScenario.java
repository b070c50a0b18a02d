package io.kubesim.bench.cluster;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.kubesim.bench.measure.Check;
import io.kubesim.bench.measure.Latencies;
import io.kubesim.bench.measure.RunResults;
import io.kubesim.bench.measure.Workers;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Pod startup latency: pods created at a steady rate (open loop); for each, the time from just
 * before its create request to the watch event that shows it Running and Ready.
 */
final class StartupScenario {

    private StartupScenario() {
    }

    /**
     * A warm-up pass (not reported: the server's JIT), a light pass (5 pods/s: the pipeline's own
     * latency), then the loaded pass ({@code rate} pods/s).
     */
    static void run(Cluster cluster, int pods, int rate, RunResults out) {
        pass(cluster, "startup-warmup", pods / 2, rate, new RunResults(false));
        pass(cluster, "startup-light", Math.max(1, pods / 5), 5, out);
        pass(cluster, "startup", pods, rate, out);
    }

    private static void pass(Cluster cluster, String namespace, int pods, int rate, RunResults out) {
        cluster.namespace(namespace);
        AtomicLongArray sent = new AtomicLongArray(pods);
        AtomicLongArray ready = new AtomicLongArray(pods);
        CountDownLatch all = new CountDownLatch(pods);
        String from = cluster.client().pods().inNamespace(namespace).list(new ListOptionsBuilder().withLimit(1L).build())
                .getMetadata().getResourceVersion();
        Watch watch = cluster.client().pods().inNamespace(namespace).watch(new ListOptionsBuilder().withResourceVersion(from)
                .build(), new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                long now = System.nanoTime();
                if (action != Action.DELETED && Cluster.runningAndReady(pod)) {
                    String name = pod.getMetadata().getName();
                    int i = Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
                    if (ready.compareAndSet(i, 0, now)) {
                        all.countDown();
                    }
                }
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        });
        Workers workers = new Workers(4);
        long start = System.nanoTime() + 100_000_000L;
        long interval = 1_000_000_000L / Math.max(1, rate);
        Latencies creates = workers.run(pods, (w, i) -> {
            sent.set(i, System.nanoTime());
            cluster.client().pods().inNamespace(namespace).resource(Cluster.pod(namespace, "pod-" + i, Map.of("app", "startup")))
                    .create();
        }, i -> start + i * interval);
        boolean complete;
        try {
            complete = all.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            complete = false;
        }
        long end = System.nanoTime();
        watch.close();
        out.add(creates.result("cluster", "pod-create (" + rate + "/s)"));
        Latencies startup = new Latencies(pods);
        startup.window(start, end);
        int missing = 0;
        for (int i = 0; i < pods; i++) {
            if (ready.get(i) == 0) {
                missing++;
            } else {
                startup.record(ready.get(i) - sent.get(i));
            }
        }
        out.add(startup.result("cluster", "pod-startup (" + rate + "/s)"));
        out.add(new Check("cluster", "pod-startup (" + rate + "/s)", "every pod is seen Running and Ready within 60 s", complete,
                (pods - missing) + " of " + pods + " pods"));
    }
}
