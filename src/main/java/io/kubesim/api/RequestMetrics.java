package io.kubesim.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * kube-apiserver's request metrics: {@code apiserver_request_total} (by verb, group, version, resource,
 * subresource, scope, component, dry_run and code) and the {@code apiserver_request_duration_seconds} histogram
 * (the same labels without the code, the apiserver's buckets from 5 ms to 60 s). Meters are cached per label set, so
 * recording a request is two map lookups.
 */
final class RequestMetrics {

    /** kube-apiserver's bucket bounds for {@code apiserver_request_duration_seconds}, in seconds. */
    static final double[] BUCKETS = {0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1.0, 1.25, 1.5, 2, 3, 4, 5, 6, 8,
        10, 15, 20, 30, 45, 60};

    private record CountKey(RequestLabels labels, int code) {
    }

    private final MeterRegistry registry;
    private final Duration[] slos;
    private final Map<CountKey, Counter> counters = new ConcurrentHashMap<>();
    private final Map<RequestLabels, Timer> timers = new ConcurrentHashMap<>();

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.slos = slos(BUCKETS);
    }

    /** Histogram bucket bounds in seconds as the durations Micrometer takes for a timer's buckets. */
    static Duration[] slos(double[] seconds) {
        Duration[] out = new Duration[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            out[i] = Duration.ofNanos((long) (seconds[i] * 1e9));
        }
        return out;
    }

    /** Counts one finished request (a watch: one that started streaming) and observes its latency. */
    void record(RequestLabels labels, int code, long nanos) {
        counters.computeIfAbsent(new CountKey(labels, code), k -> Counter.builder("apiserver.request")
                .description("Counter of apiserver requests broken out for each verb, dry run value, group, version, "
                        + "resource, scope, component, and HTTP response code.")
                .tags(tags(k.labels())).tag("code", Integer.toString(k.code())).register(registry)).increment();
        timers.computeIfAbsent(labels, l -> Timer.builder("apiserver.request.duration")
                .description("Response latency distribution in seconds for each verb, dry run value, group, version, "
                        + "resource, subresource, scope and component.")
                .tags(tags(l)).serviceLevelObjectives(slos).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    private static Tags tags(RequestLabels l) {
        return Tags.of("verb", l.verb(), "group", l.group(), "version", l.version(), "resource", l.resource(),
                "subresource", l.subresource(), "scope", l.scope(), "component", "apiserver", "dry_run", l.dryRun());
    }
}
