package io.kubesim.controllers.replicaset;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** {@code metav1.Time} on the wire: RFC 3339 with whole seconds. */
public final class KubeTime {

    private KubeTime() {
    }

    /** Formats an instant the way the API serialises {@code metav1.Time} (seconds precision, UTC). */
    public static String format(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Parses a timestamp; null, empty or malformed text is the zero time (null). */
    public static Instant parse(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
