package io.kubesim.api;

import io.kubesim.registry.ResourceType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code kubesim_watch_event_delivery_seconds{group,resource}}: for each live event and each watcher, the time from
 * the change's commit to its event written to the watcher's connection. This is the watch latency SLI of Kubernetes'
 * scalability SIG ("from the moment when object is stored in database to when it's ready to be sent to all
 * watchers"), observed per watcher; kube-apiserver itself exports no such histogram. Initial and replayed events and
 * bookmarks are not observed. Buckets are fine around the 10 ms that benchmarks aim at.
 */
final class WatchDeliveryMetrics {

    static final double[] BUCKETS = {0.0005, 0.001, 0.002, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.05, 0.1, 0.25, 0.5, 1,
        2.5, 5};

    private final MeterRegistry registry;
    private final Duration[] slos;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    WatchDeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.slos = RequestMetrics.slos(BUCKETS);
    }

    /** The histogram of one resource. */
    Timer of(ResourceType type) {
        return timers.computeIfAbsent(type.group() + "/" + type.plural(), k -> Timer.builder("kubesim.watch.event.delivery")
                .description("Time from a change's commit to its watch event written to a watcher's connection, per"
                        + " watcher and live event, by group and resource.")
                .tags("group", type.group(), "resource", type.plural()).serviceLevelObjectives(slos).register(registry));
    }
}
