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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Records core/v1 Events like client-go's recorder: asynchronous, and a repeat of the same event
 * (same object, type, reason, message, source) increments {@code count} and moves
 * {@code lastTimestamp} instead of creating a new object.
 */
public final class EventRecorder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);
    private static final int REMEMBERED = 4096;

    private final ResourceClient client;
    private final ClusterTime time;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kubesim-event-recorder");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, String> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    public EventRecorder(ResourceClient client, ClusterTime time) {
        this.client = client;
        this.time = time;
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
        writer.execute(() -> write(ref, source, type, reason, message, at));
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

    private void write(ObjectReference ref, Source source, String type, String reason, String message, Instant at) {
        String namespace = ref.getNamespace() == null || ref.getNamespace().isEmpty() ? "default" : ref.getNamespace();
        String key = String.join("\u0000", String.valueOf(source.component()), String.valueOf(source.host()),
                ref.getKind(), namespace, ref.getName(), String.valueOf(ref.getUid()), String.valueOf(ref.getFieldPath()),
                type, reason, message);
        String stamp = DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
        try {
            String existing = recent.get(key);
            // written under the recording component's name, as upstream's components write their own events
            ResourceClient writer = client.as(source.component());
            if (existing != null && bump(writer, namespace, existing, stamp)) {
                return;
            }
            Event e = new Event();
            ObjectMeta m = new ObjectMeta();
            m.setName(ref.getName() + "." + Long.toHexString(at.getEpochSecond() * 1_000_000_000L + at.getNano()));
            m.setNamespace(namespace);
            e.setMetadata(m);
            e.setInvolvedObject(ref);
            e.setReason(reason);
            e.setMessage(message);
            e.setType(type);
            e.setSource(new EventSource(source.component(), source.host()));
            e.setFirstTimestamp(stamp);
            e.setLastTimestamp(stamp);
            e.setCount(1);
            e.setReportingComponent(source.component());
            e.setReportingInstance(source.host() == null ? "" : source.host());
            Event created = writer.create(e);
            recent.put(key, created.getMetadata().getName());
        } catch (ClientException ex) {
            log.debug("event {} on {}/{} not recorded: {}", reason, namespace, ref.getName(), ex.getMessage());
        }
    }

    private boolean bump(ResourceClient writer, String namespace, String name, String stamp) {
        try {
            writer.edit(Event.class, namespace, name, e -> {
                e.setCount(e.getCount() == null ? 2 : e.getCount() + 1);
                e.setLastTimestamp(stamp);
                return e;
            });
            return true;
        } catch (ClientException e) {
            return false;
        }
    }

    @Override
    public void close() {
        writer.shutdownNow();
    }
}
