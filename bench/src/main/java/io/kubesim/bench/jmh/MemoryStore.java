package io.kubesim.bench.jmh;

import io.kubesim.storage.ChangeListener;
import io.kubesim.storage.ChangeType;
import io.kubesim.storage.CommittedChange;
import io.kubesim.storage.ObjectStore;
import io.kubesim.storage.StorageException;
import io.kubesim.storage.StoredObject;
import io.kubesim.storage.WriteRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An {@link ObjectStore} in memory, with the same optimistic-concurrency rules, for measuring the
 * registry's write path without SQL. Not durable; one lock for everything.
 */
final class MemoryStore implements ObjectStore {

    private final Map<String, Long> revisions = new HashMap<>();
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
    private long revision = 1;

    @Override
    public synchronized CommittedChange write(WriteRequest r) {
        String id = r.resource() + "|" + r.key();
        long current = revisions.getOrDefault(id, 0L);
        switch (r.operation()) {
            case CREATE -> {
                if (current != 0) {
                    throw new StorageException(StorageException.Reason.ALREADY_EXISTS, r.key() + " already exists", current, null);
                }
            }
            case UPDATE, DELETE -> {
                if (current == 0) {
                    throw new StorageException(StorageException.Reason.NOT_FOUND, r.key() + " not found", 0, null);
                }
                if (current != r.expectedRevision()) {
                    throw new StorageException(StorageException.Reason.CONFLICT, r.key() + " is at " + current, current, null);
                }
            }
        }
        long rev = ++revision;
        StoredObject object = new StoredObject(r.resource(), r.namespace(), r.name(), r.uid(), rev, r.body().render(rev));
        ChangeType type = switch (r.operation()) {
            case CREATE -> ChangeType.ADDED;
            case UPDATE -> ChangeType.MODIFIED;
            case DELETE -> ChangeType.DELETED;
        };
        if (type == ChangeType.DELETED) {
            revisions.remove(id);
        } else {
            revisions.put(id, rev);
        }
        CommittedChange change = new CommittedChange(rev, type, object, r.attachment());
        for (ChangeListener l : listeners) {
            l.onCommitted(List.of(change));
        }
        return change;
    }

    @Override
    public List<Object> writeAll(List<WriteRequest> requests) {
        List<Object> out = new ArrayList<>();
        for (WriteRequest r : requests) {
            try {
                out.add(write(r));
            } catch (StorageException e) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public synchronized long loadAll(Consumer<StoredObject> sink) {
        return revision;
    }

    @Override
    public synchronized long currentRevision() {
        return revision;
    }

    @Override
    public void addListener(ChangeListener listener) {
        listeners.add(listener);
    }

    @Override
    public int compact(long revision) {
        return 0;
    }

    @Override
    public long compactedRevision() {
        return 0;
    }
}
