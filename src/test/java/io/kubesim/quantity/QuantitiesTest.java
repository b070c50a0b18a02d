package io.kubesim.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {

    /** input, exact base value, canonical string (Go's Quantity.String()). */
    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "0|0|0",
        "0m|0|0",
        "0Gi|0|0",
        "1|1|1",
        "500m|0.5|500m",
        "0.25|0.25|250m",
        "0.5|0.5|500m",
        "1000m|1|1",
        "1500m|1.5|1500m",
        "2|2|2",
        "1k|1000|1k",
        "50k|50000|50k",
        "1000M|1000000000|1G",
        "1Gi|1073741824|1Gi",
        "1024Mi|1073741824|1Gi",
        "1536Mi|1610612736|1536Mi",
        "123Mi|128974848|123Mi",
        "1Ki|1024|1Ki",
        "0.5Ki|512|512",
        "1.5Ki|1536|1536",
        "1e3|1000|1e3",
        "1E3|1000|1e3",
        "129e6|129000000|129e6",
        "1.5e3|1500|1500",
        "12e3|12000|12e3",
        "1E-3|0.001|1e-3",
        "1.2e3|1200|1200",
        "1.3E+6|1300000|1300e3",
        "128974848|128974848|128974848",
        "100.035k|100035|100035",
        "10.035M|10035000|10035k",
        "5n|0.000000005|5n",
        "3.001n|0.000000004|4n",
        "0.0000000001|0.000000001|1n",
        "0.00000012345|0.000000124|124n",
        "1.1E-9|0.000000002|2e-9",
        ".001Ki|1.024|1024m",
        ".000000000001Ki|0.000000002|2n",
        "9Ei|9223372036854775807|9223372036854775807",
        "12E|12000000000000000000|12E",
        "-1|-1|-1",
        "-500m|-0.5|-500m",
        "-1Ki|-1024|-1Ki",
        "+2Gi|2147483648|2Gi",
        "1.|1|1",
        "1.G|1000000000|1G",
        ".5|0.5|500m",
        "-|0|0",
        ".|0|0",
        "Gi|0|0",
    })
    void parsesAndCanonicalises(String in, String value, String canonical) {
        Quantities.Parsed p = Quantities.tryParse(in).orElseThrow();
        assertThat(p.value()).isEqualByComparingTo(new BigDecimal(value));
        assertThat(p.toString()).isEqualTo(canonical);
        assertThat(Quantities.canonical(in)).contains(canonical);
        assertThat(Quantities.isValid(in)).isTrue();
    }

    @ParameterizedTest(name = "invalid: \"{0}\"")
    @ValueSource(strings = {"", " 1", "1 ", "1.1.M", "1+1.0M", "0.1mi", "0.1am", "aoeu", ".5i", "1i", "-3.01i",
        "-3.01e-", "1e", "1KI", "1K", "2x", "0x10", "1,000", "NaN", "Inf", "1ee3", "1m3", "1Mi3", "e-10", "Ei",
        "10 Mi", "1e1.5"})
    void rejectsInvalid(String in) {
        assertThat(Quantities.isValid(in)).isFalse();
        assertThat(Quantities.tryParse(in)).isEmpty();
        assertThat(Quantities.canonical(in)).isEmpty();
        assertThatThrownBy(() -> Quantities.parse(in)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullIsInvalid() {
        assertThat(Quantities.isValid(null)).isFalse();
        assertThat(Quantities.value((Quantity) null)).isEmpty();
    }

    @ParameterizedTest(name = "resource {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "100n|1m", "1.0001|1001m", "0.0001|1m", "-0.0001|-1m", "0.5Gi|512Mi", "9.0001Gi|9663783790183m", "250m|250m", "1024Mi|1Gi",
        "2|2", "1e-4|1e-3"})
    void resourceListsRoundUpToMilli(String in, String stored) {
        assertThat(Quantities.canonicalResource(in)).contains(stored);
    }

    @Test
    void baseValuesForTheScheduler() {
        assertThat(Quantities.parse("500m")).isEqualByComparingTo("0.5");
        assertThat(Quantities.parse("1Gi")).isEqualByComparingTo("1073741824");
        assertThat(Quantities.value(new Quantity("250m"))).contains(new BigDecimal("0.250"));
        assertThat(Quantities.value(new Quantity("1e3"))).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1000"));
        assertThat(Quantities.ceilMilliValue(Quantities.parse("0.1"))).isEqualTo(100);
        assertThat(Quantities.ceilMilliValue(Quantities.parse("1n"))).isEqualTo(1);
        assertThat(Quantities.ceilValue(Quantities.parse("1500m"))).isEqualTo(2);
        assertThat(Quantities.ceilValue(Quantities.parse("1E"))).isEqualTo(1_000_000_000_000_000_000L);
        assertThat(Quantities.ceilValue(Quantities.parse("100E"))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void formatKeepsTheFormatFamily() {
        assertThat(Quantities.format(new BigDecimal("2048"), Quantities.Format.BINARY_SI)).isEqualTo("2Ki");
        assertThat(Quantities.format(new BigDecimal("2048"), Quantities.Format.DECIMAL_SI)).isEqualTo("2048");
        assertThat(Quantities.format(new BigDecimal("2000"), Quantities.Format.DECIMAL_SI)).isEqualTo("2k");
        assertThat(Quantities.format(new BigDecimal("2000"), Quantities.Format.DECIMAL_EXPONENT)).isEqualTo("2e3");
        assertThat(Quantities.format(new BigDecimal("0.08"), Quantities.Format.DECIMAL_EXPONENT)).isEqualTo("80e-3");
        assertThat(Quantities.format(new BigDecimal("1080e-9"), Quantities.Format.DECIMAL_SI)).isEqualTo("1080n");
        assertThat(Quantities.format(BigDecimal.ZERO, Quantities.Format.BINARY_SI)).isEqualTo("0");
    }
}
