package io.kubesim.api;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static io.kubesim.api.Cells.text;

/**
 * core/v1 Event rows ({@code printEvent}): LAST SEEN TYPE REASON OBJECT MESSAGE, and with {@code -o wide}
 * SUBOBJECT SOURCE (between OBJECT and MESSAGE) and FIRST SEEN COUNT NAME (after it).
 */
final class EventPrinter implements TablePrinter {

    private static final List<Column> COLUMNS = List.of(
            Columns.string("Last Seen", "The time at which the most recent occurrence of this event was recorded."),
            Columns.string("Type", "Type of this event (Normal, Warning), new types could be added in the future"),
            Columns.string("Reason", "This should be a short, machine understandable string that gives the reason "
                    + "for the transition into the object's current status."),
            Columns.string("Object", "The object that this event is about."),
            Columns.wide("Subobject", "If referring to a piece of an object instead of an entire object, this string "
                    + "should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. "
                    + "For example, if the object reference is to a container within a pod, this would take on a value "
                    + "like: \"spec.containers{name}\" (where \"name\" refers to the name of the container that triggered "
                    + "the event) or if no container name is specified \"spec.containers[2]\" (container with index 2 in "
                    + "this pod). This syntax is chosen only to have some well-defined way of referencing a part of an "
                    + "object."),
            Columns.wide("Source", "The component reporting this event. Should be a short machine understandable "
                    + "string."),
            Columns.string("Message", "A human-readable description of the status of this operation."),
            Columns.wide("First Seen", "The time at which the event was first recorded. (Time of server receipt is in "
                    + "TypeMeta.)"),
            Columns.wide("Count", "The number of times this event has occurred."),
            new Column("Name", "string", "name", Columns.NAME_DOC, 1));

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode event, Instant now) {
        String firstSeen = Cells.time(event.path("firstTimestamp")).isPresent()
                ? Cells.since(event.path("firstTimestamp"), now)
                : Cells.since(event.path("eventTime"), now);
        String lastSeen = Cells.time(event.path("lastTimestamp")).isPresent()
                ? Cells.since(event.path("lastTimestamp"), now)
                : firstSeen;
        long count = Cells.integer(event.path("count"));
        JsonNode series = event.path("series");
        if (Cells.present(series)) {
            lastSeen = Cells.since(series.path("lastObservedTime"), now);
            count = Cells.integer(series.path("count"));
        } else if (count == 0) {
            count = 1;
        }
        JsonNode involved = event.path("involvedObject");
        return List.of(lastSeen, text(event.path("type")), text(event.path("reason")), target(involved),
                text(involved.path("fieldPath")), source(event), Cells.trimSpace(text(event.path("message"))),
                firstSeen, count, Cells.name(event));
    }

    /** {@code kind/name} in lower-case kind, or the bare kind when the name is empty. */
    static String target(JsonNode involved) {
        String kind = text(involved.path("kind")).toLowerCase(Locale.ROOT);
        String name = text(involved.path("name"));
        return name.isEmpty() ? kind : kind + "/" + name;
    }

    /**
     * {@code formatEventSource}: component (else {@code reportingComponent}) and, when known, {@code , host}
     * (else {@code reportingInstance}).
     */
    static String source(JsonNode event) {
        String component = firstNonEmpty(text(event.path("source").path("component")),
                text(event.path("reportingComponent")));
        String instance = firstNonEmpty(text(event.path("source").path("host")), text(event.path("reportingInstance")));
        return instance.isEmpty() ? component : component + ", " + instance;
    }

    private static String firstNonEmpty(String a, String b) {
        return a.isEmpty() ? b : a;
    }
}
