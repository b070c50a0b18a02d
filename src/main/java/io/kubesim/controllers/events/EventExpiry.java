package io.kubesim.controllers.events;

import io.fabric8.kubernetes.api.model.Event;
import io.kubesim.controller.ClientException;
import io.kubesim.controller.Deletion;
import io.kubesim.controller.ResourceClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Deletes Events whose last write is older than the TTL (kube-apiserver's {@code --event-ttl}, one hour by default;
 * etcd expires them by lease there). The last write is the newest of {@code lastTimestamp}, {@code eventTime},
 * {@code series.lastObservedTime} and {@code creationTimestamp}.
 */
public final class EventExpiry {

    private static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(EventExpiry.class);

    private final ResourceClient client;
    private final Clock clock;
    private final Duration ttl;
    private final ScheduledExecutorService timer;
    private ScheduledFuture<?> task;

    public EventExpiry(ResourceClient client, Clock clock, Duration ttl, ScheduledExecutorService timer) {
        this.client = client.as("event-expiry");
        this.clock = clock;
        this.ttl = ttl;
        this.timer = timer;
    }

    /** Sweeps every sixtieth of the TTL, between one second and one minute. */
    public synchronized void start() {
        long period = Math.max(1000, Math.min(60_000, ttl.toMillis() / 60));
        task = timer.scheduleWithFixedDelay(this::sweepQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("event expiry sweep failed", e);
        }
    }

    /**
     * Deletes the expired events; returns how many. Reads them a page at a time and deletes each page's expired ones
     * before reading on: a cluster of 100,000 pods keeps about 400,000 events, too many to decode at once.
     * (Upstream needs no sweep: etcd expires each event's lease.)
     */
    public int sweep() {
        Instant cutoff = clock.instant().minus(ttl);
        int[] deleted = {0};
        client.forEachPage(Event.class, PAGE, page -> {
            for (Event e : page) {
                Instant last = lastWrite(e);
                if (last != null && last.isBefore(cutoff)) {
                    deleted[0] += delete(e);
                }
            }
        });
        return deleted[0];
    }

    private int delete(Event e) {
        try {
            return client.delete(Event.class, e.getMetadata().getNamespace(), e.getMetadata().getName(),
                    Deletion.defaults().withUid(e.getMetadata().getUid())) ? 1 : 0;
        } catch (ClientException ex) {
            if (ex.code() != 409) {
                throw ex;
            }
            return 0;
        }
    }

    static Instant lastWrite(Event e) {
        return Stream.of(e.getLastTimestamp(), e.getEventTime() == null ? null : e.getEventTime().getTime(),
                        e.getSeries() == null || e.getSeries().getLastObservedTime() == null ? null
                                : e.getSeries().getLastObservedTime().getTime(),
                        e.getMetadata().getCreationTimestamp())
                .map(EventExpiry::parse).filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
    }

    private static Instant parse(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
