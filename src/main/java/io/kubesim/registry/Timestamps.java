package io.kubesim.registry;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Kubernetes time formats: RFC 3339 in UTC, second precision ({@code metav1.Time}). */
public final class Timestamps {

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Microsecond precision ({@code metav1.MicroTime}), e.g. {@code 2024-05-01T10:00:00.123456Z}. */
    public static String formatMicro(Instant instant) {
        Instant t = instant.truncatedTo(ChronoUnit.MICROS);
        String s = DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
        return s.substring(0, s.length() - 1) + String.format(".%06dZ", t.getNano() / 1000);
    }

    /** Parses an RFC 3339 time; null when absent or malformed. */
    public static Instant parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
