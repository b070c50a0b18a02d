package io.kubesim.bench.api;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.kubesim.bench.measure.Check;
import io.kubesim.bench.measure.Latencies;
import io.kubesim.bench.measure.RunResults;
import io.kubesim.bench.measure.Workers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Write→event latency: a watch opened at the current resourceVersion, then W replaces paced at a
 * fixed rate (open loop), each carrying a sequence number in an annotation. The latency of a write
 * is from just before its request is sent to the moment the watcher receives its MODIFIED event.
 * The same writes give the "write at moderate load" latencies ({@code write-paced}). With several
 * watchers (all opened before the first write, spread over the clients) every (watcher, write) pair is
 * one delivery sample.
 */
final class WatchProbe {

    static final String SEQ = "bench.kubesim.io/seq";

    private final String server;
    private final String url;
    private final List<KubernetesClient> clients;
    private final PodFixtures pods;
    private final Pod[] current;
    private final ApiWorkload.Settings settings;
    private final RunResults out;

    WatchProbe(String server, String url, List<KubernetesClient> clients, PodFixtures pods, Pod[] current,
               ApiWorkload.Settings settings, RunResults out) {
        this.server = server;
        this.url = url;
        this.clients = clients;
        this.pods = pods;
        this.current = current;
        this.settings = settings;
        this.out = out;
    }

    /** One pass: {@code watchers} watches, then the paced writes; phases {@code write-<suffix>}, {@code <suffix>}. */
    void run(int watchers, String phase, String writePhase) {
        int writes = Math.min(settings.watchWrites(), pods.count());
        AtomicLongArray sent = new AtomicLongArray(writes);
        AtomicLongArray[] received = new AtomicLongArray[watchers];
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger foreign = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(writes * watchers);
        CountDownLatch closed = new CountDownLatch(watchers);
        ServerSideDelivery before = ServerSideDelivery.scrape(url);
        List<Watch> watches = new ArrayList<>();
        for (int w = 0; w < watchers; w++) {
            received[w] = new AtomicLongArray(writes);
            watches.add(watch(clients.get(w % clients.size()), phase, received[w], duplicates, foreign, all, closed));
        }
        Workers workers = new Workers(clients.size());
        long start = System.nanoTime() + 50_000_000L;
        long interval = 1_000_000_000L / Math.max(1, settings.watchRate());
        Latencies writeLatencies = workers.run(writes, (w, i) -> {
            Pod p = current[i];
            p.getMetadata().getAnnotations().put(SEQ, phase + "/" + i);
            sent.set(i, System.nanoTime());
            current[i] = clients.get(w).pods().inNamespace(pods.namespace()).resource(p).update();
        }, i -> start + i * interval);
        boolean complete = await(all);
        long end = System.nanoTime();
        boolean closedEarly = closed.getCount() < watchers;
        watches.forEach(Watch::close);
        ServerSideDelivery serverSide = ServerSideDelivery.scrape(url).since(before);
        Latencies delivery = new Latencies(writes * watchers);
        delivery.window(start, end);
        int seen = report(phase, writePhase, writes, sent, received, writeLatencies, delivery, workers,
                complete && !closedEarly, duplicates.get(), foreign.get());
        serverSide.report(server, phase, seen, out);
    }

    private Watch watch(KubernetesClient watcherClient, String phase, AtomicLongArray received, AtomicInteger duplicates,
                        AtomicInteger foreign, CountDownLatch all, CountDownLatch closed) {
        String from = watcherClient.pods().inNamespace(pods.namespace())
                .list(new ListOptionsBuilder().withLimit(1L).build()).getMetadata().getResourceVersion();
        return watcherClient.pods().inNamespace(pods.namespace()).watch(new ListOptionsBuilder()
                .withResourceVersion(from).withLabelSelector("app=bench").build(), new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                long now = System.nanoTime();
                String seq = pod.getMetadata().getAnnotations() == null ? null
                        : pod.getMetadata().getAnnotations().get(SEQ);
                if (action == Action.BOOKMARK) {
                    return; // periodic bookmarks (fabric8 asks for them) carry no object change
                }
                if (action != Action.MODIFIED || seq == null || !seq.startsWith(phase + "/")) {
                    foreign.incrementAndGet();
                    return;
                }
                int i = Integer.parseInt(seq.substring(phase.length() + 1));
                if (received.compareAndSet(i, 0, now)) {
                    all.countDown();
                } else {
                    duplicates.incrementAndGet();
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                closed.countDown();
            }
        });
    }

    /** Reports the phases' latencies and the delivery check; answers how many deliveries the watchers saw. */
    private int report(String phase, String writePhase, int writes, AtomicLongArray sent, AtomicLongArray[] received,
                       Latencies writeLatencies, Latencies delivery, Workers workers, boolean complete, int duplicates,
                       int foreign) {
        out.add(writeLatencies.result(server, writePhase));
        if (writeLatencies.errors() > 0) {
            out.add(new Check(server, writePhase, "requests succeed", false,
                    writeLatencies.errors() + " failed, e.g. " + workers.lastErrors()));
        }
        int missing = 0;
        for (AtomicLongArray watcher : received) {
            for (int i = 0; i < writes; i++) {
                if (watcher.get(i) == 0) {
                    missing++;
                } else {
                    delivery.record(watcher.get(i) - sent.get(i));
                }
            }
        }
        out.add(delivery.result(server, phase));
        int acknowledged = writes - writeLatencies.errors();
        int expected = acknowledged * received.length;
        int seen = writes * received.length - missing;
        out.add(new Check(server, phase, (received.length == 1 ? "the watch delivers" : "each of " + received.length
                + " watches delivers") + " every write once, nothing else",
                seen == expected && duplicates == 0 && foreign == 0,
                acknowledged + " writes acknowledged, " + seen + " of " + expected + " events seen"
                        + (complete ? "" : " (a watch closed or the wait ended first)") + ", " + duplicates
                        + " duplicates, " + foreign + " other events"));
        return seen;
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
