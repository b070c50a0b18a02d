package io.kubesim.api;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Null-safe reads of JSON object trees with Go zero-value semantics (a missing or null field reads as
 * {@code ""}, {@code 0} or an empty list), and the cell formats the printers share.
 */
final class Cells {

    static final String NONE = "<none>";
    static final String UNKNOWN = "<unknown>";

    /** Go's zero {@code time.Time}, which {@code metav1.Time.IsZero} treats as unset. */
    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private Cells() {
    }

    /** The string value of {@code node}, or {@code ""} when it is missing, null or not a string. */
    static String text(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : "";
    }

    /** The integer value of {@code node}, or 0 when it is missing, null or not a number. */
    static long integer(JsonNode node) {
        return node != null && node.isNumber() ? node.asLong() : 0;
    }

    /** True when {@code node} is the JSON {@code true}. */
    static boolean isTrue(JsonNode node) {
        return node != null && node.isBoolean() && node.asBoolean();
    }

    /** True when {@code node} is present and not null (a Go pointer or struct field that is set). */
    static boolean present(JsonNode node) {
        return node != null && !node.isMissingNode() && !node.isNull();
    }

    /** The elements of an array node; empty for anything else. */
    static List<JsonNode> items(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.values().forEach(items::add);
        }
        return items;
    }

    /** The number of members of an object node (a Go map's {@code len}); 0 for anything else. */
    static long size(JsonNode node) {
        return node != null && node.isObject() ? node.size() : 0;
    }

    /** {@code metadata.name}. */
    static String name(JsonNode object) {
        return text(object.path("metadata").path("name"));
    }

    /** The AGE cell: {@code translateTimestampSince(metadata.creationTimestamp)}. */
    static String age(JsonNode object, Instant now) {
        return since(object.path("metadata").path("creationTimestamp"), now);
    }

    /**
     * {@code translateTimestampSince} (also {@code translateMicroTimestampSince}): {@code <unknown>} for an unset
     * timestamp, otherwise {@link HumanDuration} of {@code now - timestamp}.
     */
    static String since(JsonNode timestamp, Instant now) {
        return time(timestamp).map(t -> HumanDuration.format(Duration.between(t, now))).orElse(UNKNOWN);
    }

    /** An RFC 3339 timestamp (seconds or fractional); empty when missing, unparseable or Go's zero time. */
    static Optional<Instant> time(JsonNode timestamp) {
        String text = text(timestamp);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            Instant t = OffsetDateTime.parse(text).toInstant();
            return t.equals(GO_ZERO_TIME) ? Optional.empty() : Optional.of(t);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code s}, or {@code <none>} when it is empty. */
    static String orNone(String s) {
        return s.isEmpty() ? NONE : s;
    }

    /** {@code s}, or {@code <unknown>} when it is empty. */
    static String orUnknown(String s) {
        return s.isEmpty() ? UNKNOWN : s;
    }

    /**
     * {@code layoutContainerCells}: the containers' names and images, each comma-joined.
     *
     * @return {@code [names, images]}
     */
    static List<Object> containerCells(JsonNode containers) {
        List<String> names = new ArrayList<>();
        List<String> images = new ArrayList<>();
        for (JsonNode c : items(containers)) {
            names.add(text(c.path("name")));
            images.add(text(c.path("image")));
        }
        return List.of(String.join(",", names), String.join(",", images));
    }

    /** Go's {@code strings.TrimSpace}: trims Unicode white space ({@code unicode.IsSpace}) at both ends. */
    static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isGoSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isGoSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isGoSpace(char c) {
        return c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u0085'
                || Character.isSpaceChar(c);
    }
}
