package io.kubesim.patch.apply;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code metadata.managedFields} to and from {@link Managed} (apimachinery {@code managedfields.go}): decoding
 * checks operation, apiVersion and fieldsType with the upstream messages; encoding writes the entries in upstream
 * field order and sorts them by operation, time (seconds), manager, apiVersion and subresource.
 */
final class ManagedFieldsCodec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Entries are re-read on every write, and their times (whole seconds) repeat across entries and objects. */
    private static final Memo<String, Instant> TIMES = new Memo<>(1_024);

    private static final Comparator<ObjectNode> ORDER = Comparator
            .comparing((ObjectNode e) -> e.path("operation").asString(""))
            .thenComparingLong(e -> seconds(e.get("time")))
            .thenComparing(e -> e.path("manager").asString(""))
            .thenComparing(e -> e.path("apiVersion").asString(""))
            .thenComparing(e -> e.path("subresource").asString(""));

    private ManagedFieldsCodec() {
    }

    /** The managedFields array of {@code object}, or null when it has none. */
    static JsonNode of(JsonNode object) {
        JsonNode mf = object == null ? null : object.path("metadata").get("managedFields");
        return mf == null || mf.isNull() ? null : mf;
    }

    /**
     * True when a write asks to clear managedFields: an empty list, or a list holding one empty entry
     * ({@code isResetManagedFields}).
     */
    static boolean isReset(JsonNode managedFields) {
        if (managedFields == null || !managedFields.isArray()) {
            return false;
        }
        return managedFields.isEmpty()
                || managedFields.size() == 1 && managedFields.get(0).isObject() && managedFields.get(0).isEmpty();
    }

    /** Decodes a managedFields list (null gives an empty result); invalid entries are an IllegalArgumentException. */
    static Managed decode(JsonNode managedFields) {
        Managed managed = new Managed();
        if (managedFields == null) {
            return managed;
        }
        if (!managedFields.isArray()) {
            throw new IllegalArgumentException("managedFields must be a list");
        }
        for (int i = 0; i < managedFields.size(); i++) {
            decodeEntry(managedFields.get(i), i, managed);
        }
        return managed;
    }

    private static void decodeEntry(JsonNode entry, int i, Managed managed) {
        String operation = entry.path("operation").asString("");
        if (!ManagerId.APPLY.equals(operation) && !ManagerId.UPDATE.equals(operation)) {
            throw new IllegalArgumentException("operation must be `Apply` or `Update`");
        }
        String apiVersion = entry.path("apiVersion").asString("");
        if (apiVersion.isEmpty()) {
            throw new IllegalArgumentException("apiVersion must not be empty");
        }
        String fieldsType = entry.path("fieldsType").asString("");
        if (fieldsType.isEmpty()) {
            throw new IllegalArgumentException("missing fieldsType in managed fields entry " + i);
        }
        if (!"FieldsV1".equals(fieldsType)) {
            throw new IllegalArgumentException("invalid fieldsType " + Values.goQuote(fieldsType)
                    + " in managed fields entry " + i);
        }
        ManagerId id = new ManagerId(entry.path("manager").asString(""), operation, apiVersion,
                entry.path("subresource").asString(""));
        FieldSet set = FieldSet.fromFieldsV1(entry.get("fieldsV1"));
        managed.fields().put(id, new VersionedSet(set, apiVersion, id.isApply()));
        Instant time = parseTime(entry.get("time"));
        if (time != null) {
            managed.times().put(id, time);
        } else {
            managed.times().remove(id);
        }
    }

    private static Instant parseTime(JsonNode time) {
        if (time == null || time.isNull()) {
            return null;
        }
        return TIMES.get(time.asString(), ManagedFieldsCodec::parseTime, t -> t);
    }

    private static Instant parseTime(String time) {
        try {
            return OffsetDateTime.parse(time).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid time " + time + " in managed fields entry", e);
        }
    }

    private static long seconds(JsonNode time) {
        Instant t = time == null ? null : parseTime(time);
        return t == null ? 0 : t.getEpochSecond();
    }

    /** The sorted managedFields list, or null when no manager owns anything (upstream then omits the field). */
    static ArrayNode encode(Managed managed) {
        if (managed.isEmpty()) {
            return null;
        }
        List<ObjectNode> entries = new ArrayList<>();
        for (Map.Entry<ManagerId, VersionedSet> e : managed.fields().entrySet()) {
            entries.add(entry(e.getKey(), e.getValue(), managed.times().get(e.getKey())));
        }
        entries.sort(ORDER);
        ArrayNode out = NODES.arrayNode();
        entries.forEach(out::add);
        return out;
    }

    private static ObjectNode entry(ManagerId id, VersionedSet vs, Instant time) {
        ObjectNode e = NODES.objectNode();
        e.put("manager", id.manager());
        e.put("operation", vs.applied() ? ManagerId.APPLY : id.operation());
        e.put("apiVersion", vs.apiVersion());
        if (time != null) {
            e.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        }
        e.put("fieldsType", "FieldsV1");
        e.set("fieldsV1", vs.set().toFieldsV1());
        if (!id.subresource().isEmpty()) {
            e.put("subresource", id.subresource());
        }
        return e;
    }
}
