package io.kubesim.controller;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records core/v1 Events like client-go's recorder: asynchronously, through its correlator (similar events
 * aggregated, repeats counted, a per-object spam filter: see {@link EventCorrelator}).
 * <p>
 * Events go through {@value #LANES} writer lanes chosen by the involved object, so one object's events keep their
 * order while different objects' events are written concurrently (and share the store's group commits, as the many
 * kubelets and controllers of a real cluster write theirs in parallel). Like client-go's broadcaster, which queues at
 * most 1,000 events and drops the rest ({@code maxQueuedEvents}, {@code DropIfChannelFull}), a lane holding
 * {@value #QUEUED_PER_LANE} unwritten events drops new ones instead of growing without bound.
 */
public final class EventRecorder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);
    static final int LANES = 4;
    static final int QUEUED_PER_LANE = 1000;
    private static final int REMEMBERED_PER_LANE = 4096;

    private final ResourceClient client;
    private final ClusterTime time;
    private final Lane[] lanes = new Lane[LANES];
    private final AtomicLong dropped = new AtomicLong();

    public EventRecorder(ResourceClient client, ClusterTime time) {
        this.client = client;
        this.time = time;
        for (int i = 0; i < LANES; i++) {
            lanes[i] = new Lane(i, time);
        }
    }

    /** Where an event comes from: component (e.g. {@code kubelet}) and host (a node name, or null). */
    public record Source(String component, String host) {
    }

    public void normal(HasMetadata involved, String fieldPath, Source source, String reason, String message) {
        record(involved, fieldPath, source, "Normal", reason, message);
    }

    public void warning(HasMetadata involved, String fieldPath, Source source, String reason, String message) {
        record(involved, fieldPath, source, "Warning", reason, message);
    }

    public void record(HasMetadata involved, String fieldPath, Source source, String type, String reason, String message) {
        ObjectReference ref = reference(involved, fieldPath);
        Instant at = time.now();
        Lane lane = lanes[Math.floorMod(String.valueOf(ref.getUid()).hashCode(), LANES)];
        try {
            lane.executor.execute(() -> write(lane, ref, source, type, reason, message, at));
        } catch (RejectedExecutionException e) {
            if (!lane.executor.isShutdown() && dropped.incrementAndGet() % QUEUED_PER_LANE == 1) {
                log.warn("too many queued events, dropped {} so far (latest: {} {} on {}/{})", dropped.get(), reason,
                        type, ref.getNamespace(), ref.getName());
            }
        }
    }

    /** How many events were dropped because their lane's queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Tests: holds every lane's writer until {@code release} counts down, so queues fill deterministically. */
    void holdLanes(CountDownLatch release) {
        for (Lane lane : lanes) {
            lane.executor.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    /** Whether every recorded event has been written (or dropped). */
    boolean idle() {
        for (Lane lane : lanes) {
            if (lane.executor.getActiveCount() > 0 || !lane.executor.getQueue().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    static ObjectReference reference(HasMetadata o, String fieldPath) {
        ObjectReference ref = new ObjectReference();
        ref.setApiVersion(o.getApiVersion());
        ref.setKind(o.getKind());
        ref.setName(o.getMetadata().getName());
        ref.setNamespace(o.getMetadata().getNamespace());
        ref.setUid(o.getMetadata().getUid());
        ref.setResourceVersion(o.getMetadata().getResourceVersion());
        ref.setFieldPath(fieldPath);
        return ref;
    }

    private void write(Lane lane, ObjectReference ref, Source source, String type, String reason, String message, Instant at) {
        String namespace = ref.getNamespace() == null || ref.getNamespace().isEmpty() ? "default" : ref.getNamespace();
        EventCorrelator.Decision d = lane.correlator.correlate(ref, namespace, source, type, reason, message, at);
        if (d.skip()) {
            return;
        }
        String stamp = DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
        try {
            // written under the recording component's name, as upstream's components write their own events
            ResourceClient writer = client.as(source.component());
            if (d.name() != null && bump(writer, namespace, d.name(), d.count(), d.message(), stamp)) {
                return;
            }
            Event e = new Event();
            ObjectMeta m = new ObjectMeta();
            // upstream names an event <object>.<hex UnixNano>; the lane keeps the suffix rising so two events of one
            // object recorded within the clock's resolution do not collide
            long nanos = Math.max(at.getEpochSecond() * 1_000_000_000L + at.getNano(), lane.lastNanos + 1);
            lane.lastNanos = nanos;
            m.setName(ref.getName() + "." + Long.toHexString(nanos));
            m.setNamespace(namespace);
            e.setMetadata(m);
            e.setInvolvedObject(ref);
            e.setReason(reason);
            e.setMessage(d.message());
            e.setType(type);
            e.setSource(new EventSource(source.component(), source.host()));
            e.setFirstTimestamp(stamp);
            e.setLastTimestamp(stamp);
            // client-go creates with the count observed so far (repeats skipped by the spam filter included)
            e.setCount(d.count());
            if (!d.combined()) {
                e.setReportingComponent(source.component());
                e.setReportingInstance(source.host() == null ? "" : source.host());
            }
            Event created = writer.create(e);
            lane.correlator.written(d.key(), created.getMetadata().getName());
        } catch (ClientException ex) {
            log.debug("event {} on {}/{} not recorded: {}", reason, namespace, ref.getName(), ex.getMessage());
        } catch (RuntimeException ex) {
            log.warn("event {} on {}/{} not recorded", reason, namespace, ref.getName(), ex);
        }
    }

    private boolean bump(ResourceClient writer, String namespace, String name, int count, String message, String stamp) {
        try {
            writer.edit(Event.class, namespace, name, e -> {
                e.setCount(count);
                e.setMessage(message);
                e.setLastTimestamp(stamp);
                return e;
            });
            return true;
        } catch (ClientException e) {
            // as client-go: only a vanished event is created again; other errors drop this occurrence
            if (e.isNotFound()) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        for (Lane lane : lanes) {
            lane.executor.shutdownNow();
        }
    }

    /** One writer thread with its bounded queue and its correlator (only this thread touches it). */
    private static final class Lane {
        final ThreadPoolExecutor executor;
        long lastNanos;
        final EventCorrelator correlator;

        Lane(int index, ClusterTime time) {
            correlator = new EventCorrelator(REMEMBERED_PER_LANE, time.real(EventCorrelator.AGGREGATE_INTERVAL),
                    time.real(EventCorrelator.SPAM_REFILL));
            executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUED_PER_LANE),
                    DaemonThreads.named("kubesim-event-recorder-" + index), new ThreadPoolExecutor.AbortPolicy());
        }
    }
}
