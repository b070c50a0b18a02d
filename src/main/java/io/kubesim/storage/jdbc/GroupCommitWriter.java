package io.kubesim.storage.jdbc;

import io.kubesim.storage.ChangeListener;
import io.kubesim.storage.ChangeType;
import io.kubesim.storage.CommittedChange;
import io.kubesim.storage.StorageException;
import io.kubesim.storage.StorageProperties;
import io.kubesim.storage.StoredObject;
import io.kubesim.storage.WriteRequest;
import io.kubesim.storage.WriteRequest.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The single writer: takes every queued write, refuses the ones that conflict with what is known,
 * commits the rest in one transaction, then publishes the committed changes in revision order and
 * acknowledges the callers. A failed batch is retried write by write, so one bad write never fails
 * its neighbours.
 */
final class GroupCommitWriter implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    private record Pending(WriteRequest request, CompletableFuture<CommittedChange> future) {
    }

    /** A write accepted by the pre-check, with the revision it expects and the one it was given. */
    record Accepted(WriteRequest request, long previousRevision, CompletableFuture<CommittedChange> future) {
    }

    private final DataSource dataSource;
    private final KnownRevisions known;
    private final List<ChangeListener> listeners;
    private final Clock clock;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long head;

    GroupCommitWriter(DataSource dataSource, KnownRevisions known, List<ChangeListener> listeners,
                      StorageProperties properties, Clock clock, long head) {
        this.dataSource = dataSource;
        this.known = known;
        this.listeners = listeners;
        this.clock = clock;
        this.maxBatch = Math.max(1, properties.maxBatch());
        this.queue = new ArrayBlockingQueue<>(Math.max(16, properties.queueCapacity()));
        this.head = head;
        this.thread = new Thread(this, "kubesim-storage-writer");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    long headRevision() {
        return head;
    }

    CompletableFuture<CommittedChange> submit(WriteRequest request) {
        CompletableFuture<CommittedChange> future = new CompletableFuture<>();
        if (!running) {
            future.completeExceptionally(unavailable("the store is shutting down", null));
            return future;
        }
        try {
            queue.put(new Pending(request, future));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.completeExceptionally(unavailable("interrupted", e));
        }
        return future;
    }

    @Override
    public void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                process(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.error("storage writer failed on a batch", e);
                for (Pending p : batch) {
                    p.future().completeExceptionally(unavailable(e.toString(), e));
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void process(List<Pending> batch) {
        Map<String, Long> overlay = new HashMap<>();
        List<Accepted> accepted = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            WriteRequest r = p.request();
            String id = KnownRevisions.id(r.resource(), r.key());
            long current = overlay.containsKey(id) ? overlay.get(id) : known.get(id);
            StorageException refused = precheck(r, current);
            if (refused != null) {
                p.future().completeExceptionally(refused);
                continue;
            }
            overlay.put(id, r.operation() == Operation.DELETE ? 0L : -1L);
            accepted.add(new Accepted(r, current, p.future()));
        }
        if (!accepted.isEmpty()) {
            commit(accepted);
        }
    }

    /** Refuses a write that cannot succeed against the current revision ({@code -1} = written earlier in this batch). */
    private static StorageException precheck(WriteRequest r, long current) {
        if (current == -1) {
            return r.operation() == Operation.CREATE
                    ? new StorageException(StorageException.Reason.ALREADY_EXISTS, r.key() + " already exists", 0, null)
                    : new StorageException(StorageException.Reason.CONFLICT, r.key() + " was modified", 0, null);
        }
        return switch (r.operation()) {
            case CREATE -> current != 0
                    ? new StorageException(StorageException.Reason.ALREADY_EXISTS, r.key() + " already exists", current, null)
                    : null;
            case UPDATE, DELETE -> {
                if (current == 0) {
                    yield new StorageException(StorageException.Reason.NOT_FOUND, r.key() + " not found", 0, null);
                }
                yield current != r.expectedRevision()
                        ? new StorageException(StorageException.Reason.CONFLICT, r.key() + " is at " + current, current, null)
                        : null;
            }
        };
    }

    private void commit(List<Accepted> accepted) {
        List<CommittedChange> changes;
        try {
            changes = BatchTransaction.run(dataSource, accepted, clock.millis());
        } catch (BatchTransaction.RowConflict e) {
            if (accepted.size() > 1) {
                retrySingly(accepted);
                return;
            }
            refuseAfterDatabaseConflict(accepted.get(0), e);
            return;
        } catch (SQLException e) {
            if (accepted.size() > 1) {
                retrySingly(accepted);
                return;
            }
            WriteRequest r = accepted.get(0).request();
            StorageException failure = classify(r, e);
            if (failure.reason() == StorageException.Reason.UNAVAILABLE) {
                log.warn("the database refused a {} of {} {}/{}", r.operation(), r.resource(), r.namespace(), r.name(), e);
            }
            accepted.get(0).future().completeExceptionally(failure);
            return;
        }
        publish(accepted, changes);
    }

    private void retrySingly(List<Accepted> accepted) {
        for (Accepted a : accepted) {
            commit(List.of(a));
        }
    }

    private void refuseAfterDatabaseConflict(Accepted a, BatchTransaction.RowConflict e) {
        WriteRequest r = a.request();
        long actual = BatchTransaction.readRevision(dataSource, r);
        known.put(KnownRevisions.id(r.resource(), r.key()), actual);
        StorageException.Reason reason = r.operation() == Operation.CREATE ? StorageException.Reason.ALREADY_EXISTS
                : actual == 0 ? StorageException.Reason.NOT_FOUND : StorageException.Reason.CONFLICT;
        a.future().completeExceptionally(new StorageException(reason, e.getMessage(), actual, null));
    }

    private static StorageException classify(WriteRequest r, SQLException e) {
        if ("23505".equals(e.getSQLState()) && r.operation() == Operation.CREATE) {
            return new StorageException(StorageException.Reason.ALREADY_EXISTS, r.key() + " already exists", 0, e);
        }
        return unavailable(e.getMessage(), e);
    }

    private void publish(List<Accepted> accepted, List<CommittedChange> changes) {
        for (CommittedChange c : changes) {
            StoredObject o = c.object();
            known.put(KnownRevisions.id(o.resource(), o.key()), c.type() == ChangeType.DELETED ? 0 : c.revision());
        }
        head = changes.get(changes.size() - 1).revision();
        for (ChangeListener l : listeners) {
            try {
                l.onCommitted(changes);
            } catch (RuntimeException e) {
                log.error("a change listener failed", e);
            }
        }
        for (int i = 0; i < accepted.size(); i++) {
            accepted.get(i).future().complete(changes.get(i));
        }
    }

    private static StorageException unavailable(String message, Throwable cause) {
        return new StorageException(StorageException.Reason.UNAVAILABLE, message, 0, cause);
    }

    void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending p;
        while ((p = queue.poll()) != null) {
            p.future().completeExceptionally(unavailable("the store is shut down", null));
        }
    }
}
