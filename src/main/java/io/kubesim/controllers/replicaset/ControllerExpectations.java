package io.kubesim.controllers.replicaset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code UIDTrackingControllerExpectations}: per controller key, how many pod creations and which pod deletions
 * it has asked for and not yet seen in the informer. While any are outstanding (and for at most five minutes),
 * the controller does not create or delete again, so a lagging cache never causes a second create or delete for
 * the same diff. Thread-safe: informer handlers observe while workers expect.
 */
public final class ControllerExpectations {

    /** {@code ExpectationsTimeout}. */
    public static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Clock clock;
    private final Map<String, Expectation> byKey = new ConcurrentHashMap<>();

    public ControllerExpectations(Clock clock) {
        this.clock = clock;
    }

    private static final class Expectation {
        int adds;
        int deletes;
        final Set<String> deleting = new HashSet<>();
        final Instant since;

        Expectation(int adds, Set<String> deleting, Instant since) {
            this.adds = adds;
            this.deletes = deleting.size();
            this.deleting.addAll(deleting);
            this.since = since;
        }
    }

    /** Whether the controller may act: nothing outstanding, expired, or never expected anything. */
    public boolean satisfied(String key) {
        Expectation e = byKey.get(key);
        if (e == null) {
            return true;
        }
        synchronized (e) {
            return (e.adds <= 0 && e.deletes <= 0) || e.since.plus(TIMEOUT).isBefore(clock.instant());
        }
    }

    /** Replaces the key's expectations with {@code count} creations. */
    public void expectCreations(String key, int count) {
        byKey.put(key, new Expectation(count, Set.of(), clock.instant()));
    }

    /** Replaces the key's expectations with the deletion of these pods ({@code namespace/name}). */
    public void expectDeletions(String key, Set<String> podKeys) {
        byKey.put(key, new Expectation(0, podKeys, clock.instant()));
    }

    /** A creation was observed (or will never happen). */
    public void creationObserved(String key) {
        Expectation e = byKey.get(key);
        if (e != null) {
            synchronized (e) {
                e.adds--;
            }
        }
    }

    /** The deletion of a pod was observed (or will never happen); other pods do not count. */
    public void deletionObserved(String key, String podKey) {
        Expectation e = byKey.get(key);
        if (e != null) {
            synchronized (e) {
                if (e.deleting.remove(podKey)) {
                    e.deletes--;
                }
            }
        }
    }

    /** Forgets a key (its controller was deleted). */
    public void delete(String key) {
        byKey.remove(key);
    }
}
