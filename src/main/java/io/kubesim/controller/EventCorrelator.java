package io.kubesim.controller;

import io.fabric8.kubernetes.api.model.ObjectReference;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * client-go's event correlator ({@code tools/record/events_cache.go}) for one writer lane: what to write for a recorded
 * event. In order:
 * <ol>
 *   <li>aggregation: once ten events that differ only in their message were recorded about an object (same source,
 *       type and reason) within ten minutes, further ones become one event whose message is
 *       {@code "(combined from similar events): "} plus the latest message, counted up;</li>
 *   <li>counting: a repeat of an event already written bumps its {@code count} instead of creating another;</li>
 *   <li>spam filter: a source may write 25 events about one object, then one per five minutes (a token bucket per
 *       source and object); the rest are skipped, though still counted for the next write.</li>
 * </ol>
 * Times are cluster times. Not thread-safe: each lane has its own.
 */
final class EventCorrelator {

    static final int AGGREGATE_MAX_EVENTS = 10;
    static final Duration AGGREGATE_INTERVAL = Duration.ofMinutes(10);
    static final int SPAM_BURST = 25;
    static final Duration SPAM_REFILL = Duration.ofMinutes(5);
    static final String COMBINED = "(combined from similar events): ";

    /**
     * What to write.
     *
     * @param skip     filtered as spam: write nothing
     * @param key      identifies the event for later repeats ({@link #written})
     * @param message  the message to write
     * @param combined whether this is the aggregate event (upstream leaves its reporting fields empty)
     * @param count    the count to write
     * @param name     the name of the event to bump, or null to create one
     */
    record Decision(boolean skip, String key, String message, boolean combined, int count, String name) {
    }

    private static final class Aggregate {
        final Set<String> messages = new LinkedHashSet<>();
        Instant last;
    }

    private static final class Observation {
        int count;
        String name;
    }

    private static final class TokenBucket {
        double tokens = SPAM_BURST;
        Instant last;

        TokenBucket(Instant now) {
            last = now;
        }

        boolean tryAccept(Instant now, Duration refill) {
            if (now.isAfter(last)) {
                tokens = Math.min(SPAM_BURST, tokens + (double) Duration.between(last, now).toNanos() / refill.toNanos());
                last = now;
            }
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }

    private final Map<String, Aggregate> aggregates;
    private final Map<String, Observation> observations;
    private final Map<String, TokenBucket> buckets;
    private final Duration aggregateInterval;
    private final Duration spamRefill;

    /** The upstream intervals at real speed. */
    EventCorrelator(int remembered) {
        this(remembered, AGGREGATE_INTERVAL, SPAM_REFILL);
    }

    /**
     * @param remembered        how many keys each of the three caches keeps (least recently used go first)
     * @param aggregateInterval {@link #AGGREGATE_INTERVAL} as it passes in this cluster (scaled by the simulation speed)
     * @param spamRefill        {@link #SPAM_REFILL} likewise
     */
    EventCorrelator(int remembered, Duration aggregateInterval, Duration spamRefill) {
        this.aggregateInterval = aggregateInterval;
        this.spamRefill = spamRefill;
        aggregates = lru(remembered);
        observations = lru(remembered);
        buckets = lru(remembered);
    }

    private static <V> Map<String, V> lru(int size) {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > size;
            }
        };
    }

    Decision correlate(ObjectReference ref, String namespace, EventRecorder.Source source, String type, String reason,
                       String message, Instant at) {
        String object = String.join("\u0000", String.valueOf(source.component()), String.valueOf(source.host()),
                ref.getKind(), namespace, ref.getName(), String.valueOf(ref.getUid()), String.valueOf(ref.getApiVersion()));
        String aggregateKey = String.join("\u0000", object, type, reason);
        Aggregate aggregate = aggregates.get(aggregateKey);
        if (aggregate == null || Duration.between(aggregate.last, at).compareTo(aggregateInterval) > 0) {
            aggregate = new Aggregate();
        }
        aggregate.messages.add(message);
        aggregate.last = at;
        aggregates.put(aggregateKey, aggregate);

        boolean combined = aggregate.messages.size() >= AGGREGATE_MAX_EVENTS;
        String key;
        String text;
        if (combined) {
            Iterator<String> oldest = aggregate.messages.iterator();
            oldest.next();
            oldest.remove();
            key = aggregateKey;
            text = COMBINED + message;
        } else {
            key = String.join("\u0000", aggregateKey, String.valueOf(ref.getFieldPath()), message);
            text = message;
        }

        Observation seen = observations.get(key);
        if (seen == null) {
            seen = new Observation();
            observations.put(key, seen);
        }
        seen.count++;
        TokenBucket bucket = buckets.get(object);
        if (bucket == null) {
            bucket = new TokenBucket(at);
            buckets.put(object, bucket);
        }
        boolean skip = !bucket.tryAccept(at, spamRefill);
        return new Decision(skip, key, text, combined, seen.count, seen.name);
    }

    /** Remembers the name under which the event with this key was written. */
    void written(String key, String name) {
        Observation seen = observations.get(key);
        if (seen != null) {
            seen.name = name;
        }
    }
}
