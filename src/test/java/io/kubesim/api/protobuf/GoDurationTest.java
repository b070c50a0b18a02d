package io.kubesim.api.protobuf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The cases of Go's {@code time.TestDurationString}, plus the ones Kubernetes durations use. */
class GoDurationTest {

    @ParameterizedTest
    @CsvSource({
            "0, 0s",
            "1, 1ns",
            "1100, 1.1µs",
            "2200000, 2.2ms",
            "3300000000, 3.3s",
            "1500000000, 1.5s",
            "245000000000, 4m5s",
            "245001000000, 4m5.001s",
            "18367001000000, 5h6m7.001s",
            "480000000001, 8m0.000000001s",
            "3600000000000, 1h0m0s",
            "9223372036854775807, 2562047h47m16.854775807s",
            "-9223372036854775808, -2562047h47m16.854775808s",
            "-1500000000, -1.5s"})
    void formatsLikeGo(long nanos, String expected) {
        assertThat(GoDuration.format(nanos)).isEqualTo(expected);
    }
}
