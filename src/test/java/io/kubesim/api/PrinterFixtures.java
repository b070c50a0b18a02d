package io.kubesim.api;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;

/** Shared fixtures of the printer golden tests: a fixed "now" and JSON parsing. */
final class PrinterFixtures {

    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PrinterFixtures() {
    }

    /** Parses JSON; single quotes may stand for double quotes to keep fixtures readable. */
    static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    /** The RFC 3339 timestamp {@code d} before {@link #NOW}. */
    static String ago(Duration d) {
        return NOW.minus(d).toString();
    }
}
