package io.kubesim.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static io.kubesim.api.PrinterFixtures.NOW;
import static io.kubesim.api.PrinterFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/** AGE cells: {@code translateTimestampSince} and {@code duration.HumanDuration}. */
class AgePrinterTest {

    @ParameterizedTest(name = "{0}s -> {1}")
    @CsvSource({
            "0, 0s", "5, 5s", "119, 119s", "120, 2m", "200, 3m20s", "599, 9m59s", "600, 10m", "10799, 179m",
            "10800, 3h", "11100, 3h5m", "28799, 7h59m", "28800, 8h", "18000, 5h", "172799, 47h", "172800, 2d",
            "183600, 2d3h", "691199, 7d23h", "691200, 8d", "25920000, 300d", "63071999, 729d", "63072000, 2y",
            "65664000, 2y30d", "252287999, 7y364d", "252288000, 8y", "-1, 0s", "-2, <invalid>"})
    void humanDuration(long seconds, String expected) {
        assertThat(HumanDuration.format(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2024-05-01T11:59:55Z, 5s",
            "2024-05-01T11:56:40Z, 3m20s",
            "2024-04-29T09:00:00Z, 2d3h",
            "2024-05-01T13:00:00+02:00, 60m",
            "2024-05-01T11:59:59.500000Z, 0s",
            "0001-01-01T00:00:00Z, <unknown>",
            "not-a-time, <unknown>"})
    void ageOfCreationTimestamp(String created, String expected) {
        assertThat(Cells.age(json("{'metadata':{'creationTimestamp':'" + created + "'}}"), NOW)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{'metadata':{}}", "{'metadata':{'creationTimestamp':null}}"})
    void missingTimestampIsUnknown(String object) {
        assertThat(Cells.age(json(object), NOW)).isEqualTo("<unknown>");
    }
}
