package io.kubesim.controller;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The shared loop behind every controller: a work queue fed by informer events and periodic
 * resyncs, drained by a few workers that call the reconciler.
 */
public final class ControllerLoop {

    private static final Logger log = LoggerFactory.getLogger(ControllerLoop.class);

    private final String name;
    private final Reconciler reconciler;
    private final WorkQueue queue;
    private final int workers;
    private final List<Thread> threads = new ArrayList<>();
    private final Timer latency;
    private final ScheduledExecutorService timer;
    private ScheduledFuture<?> resyncTask;

    public ControllerLoop(String name, Reconciler reconciler, int workers, ScheduledExecutorService timer,
                          MeterRegistry meters) {
        this.name = name;
        this.reconciler = reconciler;
        this.queue = new WorkQueue(timer);
        this.timer = timer;
        this.workers = workers;
        this.latency = Timer.builder("kubesim.controller.reconcile").tag("controller", name)
                .description("Reconcile latency").register(meters);
        meters.gauge("kubesim.controller.queue.depth", List.of(io.micrometer.core.instrument.Tag.of("controller", name)),
                queue, WorkQueue::depth);
    }

    public String name() {
        return name;
    }

    public WorkQueue queue() {
        return queue;
    }

    public void enqueue(String key) {
        queue.add(key);
    }

    public synchronized void start() {
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(this::work, "kubesim-" + name + "-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    /**
     * Starts the workers and, every {@code period}, enqueues every key {@code keys} gives (the informers' resync of
     * kube-controller-manager), until {@link #stop()}.
     */
    public synchronized void start(Duration period, Supplier<? extends Collection<String>> keys) {
        start();
        long millis = period.toMillis();
        resyncTask = timer.scheduleAtFixedRate(() -> keys.get().forEach(this::enqueue), millis, millis,
                TimeUnit.MILLISECONDS);
    }

    private void work() {
        while (true) {
            String key;
            try {
                key = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (key == null) {
                return;
            }
            try {
                Reconciler.Result r = latency.recordCallable(() -> reconciler.reconcile(key));
                queue.forget(key);
                if (r != null && r.requeueAfter() != null) {
                    queue.addAfter(key, r.requeueAfter());
                }
            } catch (ClientException e) {
                log.debug("{}: {} failed: {}", name, key, e.getMessage());
                queue.addRateLimited(key);
            } catch (Exception e) {
                log.warn("{}: reconcile of {} failed", name, key, e);
                queue.addRateLimited(key);
            } finally {
                queue.done(key);
            }
        }
    }

    public synchronized void stop() {
        if (resyncTask != null) {
            resyncTask.cancel(false);
        }
        queue.shutdown();
        threads.forEach(Thread::interrupt);
    }
}
