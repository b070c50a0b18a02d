package io.kubesim.patch.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * apimachinery {@code capmanagers.go}: at most ten {@code Update} entries are kept; past that the oldest are merged,
 * per API version, into an {@code ancient-changes} entry carrying the newest merged time.
 */
final class UpdateManagerCap {

    static final int MAX_UPDATE_MANAGERS = 10;
    static final String BUCKET = "ancient-changes";

    private UpdateManagerCap() {
    }

    static void apply(Managed managed) {
        List<ManagerId> updaters = new ArrayList<>();
        managed.fields().forEach((id, vs) -> {
            if (!vs.applied()) {
                updaters.add(id);
            }
        });
        if (updaters.size() <= MAX_UPDATE_MANAGERS) {
            return;
        }
        updaters.sort(Comparator.comparingLong((ManagerId id) -> seconds(managed.times().get(id)))
                .thenComparing(ManagerId::identifier));
        Map<String, ManagerId> firstPerVersion = new HashMap<>();
        int length = updaters.size();
        for (int i = 0; i < updaters.size() && length > MAX_UPDATE_MANAGERS; i++) {
            ManagerId id = updaters.get(i);
            VersionedSet vs = managed.get(id);
            ManagerId bucket = ManagerId.update(BUCKET, vs.apiVersion(), "");
            ManagerId first = firstPerVersion.putIfAbsent(vs.apiVersion(), id);
            if (first == null || id.equals(bucket)) {
                continue;
            }
            if (managed.get(bucket) == null) {
                managed.fields().put(bucket, managed.get(first));
                managed.remove(first);
            }
            managed.fields().put(bucket, vs.withSet(vs.set().union(managed.get(bucket).set())));
            managed.remove(id);
            length--;
            Instant time = managed.times().get(id);
            if (time == null) {
                managed.times().remove(bucket);
            } else {
                managed.times().put(bucket, time);
            }
        }
    }

    private static long seconds(Instant time) {
        return time == null ? 0 : time.getEpochSecond();
    }
}
