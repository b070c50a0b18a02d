package io.kubesim.registry.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormattingTest {

    @Test
    void errorBodiesFollowGo() {
        assertThat(FieldError.invalid("f", "a\"b\n", "bad").toString()).isEqualTo("f: Invalid value: \"a\\\"b\\n\": bad");
        assertThat(FieldError.invalid("f", 3, "bad").toString()).isEqualTo("f: Invalid value: 3: bad");
        assertThat(FieldError.invalid("f", 2.0, "bad").toString()).isEqualTo("f: Invalid value: 2: bad");
        assertThat(FieldError.invalid("f", null, "bad").toString()).isEqualTo("f: Invalid value: null: bad");
        assertThat(FieldError.invalid("f", GoFormat.named("<x>"), "bad").toString())
                .isEqualTo("f: Invalid value: \"\\u003cx\\u003e\": bad");
        assertThat(FieldError.required("f", "").toString()).isEqualTo("f: Required value");
        assertThat(FieldError.forbidden("f", "no").toString()).isEqualTo("f: Forbidden: no");
        assertThat(FieldError.tooLong("f", "xxx", 1).toString()).isEqualTo("f: Too long: may not be more than 1 byte");
        assertThat(FieldError.tooMany("f", 5, 2).toString()).isEqualTo("f: Too many: 5: must have at most 2 items");
        assertThat(FieldError.tooMany("f", -1, 1).toString()).isEqualTo("f: Too many: must have at most 1 item");
        assertThat(FieldError.notSupported("f", "x", List.of("A", "B")).toString())
                .isEqualTo("f: Unsupported value: \"x\": supported values: \"A\", \"B\"");
        assertThat(FieldError.internal("f", "boom").toString()).isEqualTo("f: Internal error: boom");
    }

    @Test
    void jsonLikeGo() {
        Map<String, Object> unsorted = new LinkedHashMap<>();
        unsorted.put("b", 1);
        unsorted.put("a", List.of("x", true));
        assertThat(GoFormat.json(unsorted)).isEqualTo("{\"a\":[\"x\",true],\"b\":1}");
        assertThat(GoFormat.json(GoFormat.struct("Z", 1, "A", null))).isEqualTo("{\"Z\":1,\"A\":null}");
        assertThat(GoFormat.json("a&b")).isEqualTo("\"a\\u0026b\"");
        assertThat(GoFormat.quote("é\u00a0")).isEqualTo("\"é\\u00a0\"");
        assertThat(GoFormat.goSyntax(List.of("a", "b"))).isEqualTo("[]string{\"a\", \"b\"}");
        assertThat(FieldPath.root("spec").child("containers").index(0).child("resources", "limits").key("cpu")
                .toString()).isEqualTo("spec.containers[0].resources.limits[cpu]");
        FieldPath containers = FieldPath.root("spec").child("containers");
        assertThat(containers.toString()).isEqualTo("spec.containers");
        assertThat(containers.index(3).child("ports").toString()).isEqualTo("spec.containers[3].ports");
        assertThat(FieldPath.root("").child("metadata", "", "name").toString()).isEqualTo("metadata.name");
        assertThat(FieldPath.root("").toString()).isEmpty();
        assertThat(FieldPath.root("data").key("a.b").child("x").toString()).isEqualTo("data[a.b].x");
    }

    @ParameterizedTest
    @CsvSource({"1000m,1", "0.5,500m", "1024Mi,1Gi", "1.5Gi,1536Mi", "512,512", "2000Mi,2000Mi", "1e3,1e3",
        "12e2,1200", "0.1,100m", "100Ki,100Ki", "0,0", "-1Gi,-1Gi", "1500k,1500k", "2000000,2M"})
    void canonicalQuantities(String input, String canonical) {
        assertThat(Quantities.canonical(input)).isEqualTo(canonical);
    }

    @Test
    void quantityErrors() {
        assertThat(Quantities.parseError("1Mm")).contains(Quantities.SUFFIX_ERROR);
        assertThat(Quantities.parseError("1Qi")).contains(Quantities.FORMAT_ERROR);
        assertThat(Quantities.parseError("abc")).contains(Quantities.FORMAT_ERROR);
        assertThat(Quantities.compare("1", "999m")).isPositive();
        assertThatThrownBy(() -> Quantities.parse("")).hasMessage(Quantities.FORMAT_ERROR);
        // results are remembered by text: a second look gives the same answer, errors included
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> Quantities.parse("1Mm")).hasMessage(Quantities.SUFFIX_ERROR);
            assertThat(Quantities.parseError("250m")).isEmpty();
            assertThat(Quantities.canonical("1024Mi")).isEqualTo("1Gi");
            assertThat(Quantities.canonical("1Mm")).isEqualTo("1Mm");
        }
        assertThat(Quantities.canonical((String) null)).isNull();
        assertThat(Quantities.parseError(null)).contains(Quantities.FORMAT_ERROR);
    }

    @Test
    void ipAddresses() {
        assertThat(IpAddresses.parse("10.0.0.1")).hasSize(4);
        assertThat(IpAddresses.parse("010.000.000.001")).hasSize(4);
        assertThat(IpAddresses.parse("2001:db8::1")).hasSize(16);
        assertThat(IpAddresses.parse("::ffff:10.0.0.1")).hasSize(16);
        assertThat(IpAddresses.parse("1.2.3")).isNull();
        assertThat(IpAddresses.parse("1::2::3")).isNull();
        assertThat(IpAddresses.parse("example.com")).isNull();
        assertThat(IpAddresses.isIPv6("::ffff:10.0.0.1")).isFalse();
        assertThat(IpAddresses.isCidr("10.0.0.0/8")).isTrue();
        assertThat(IpAddresses.isCidr("fd00::/129")).isFalse();
        assertThat(IpAddresses.validateNonSpecialIp(FieldPath.root("ip"), "0.0.0.0")).extracting(FieldError::detail)
                .containsExactly("may not be unspecified (0.0.0.0)");
        assertThat(IpAddresses.validateNonSpecialIp(FieldPath.root("ip"), "fe80::1")).extracting(FieldError::detail)
                .containsExactly("may not be in the link-local range (169.254.0.0/16, fe80::/10)");
    }

    @Test
    void nameRules() {
        assertThat(NameRule.maskTrailingDash("web-")).isEqualTo("wea");
        assertThat(NameRule.maskTrailingDash("-")).isEqualTo("a");
        assertThat(NameRule.DNS1123_LABEL.messages("web-", true)).isEmpty();
        assertThat(NameRule.PATH_SEGMENT_ONLY.messages("..", true)).isEmpty();
        assertThat(Formats.isRelaxedEnvVarName("")).containsExactly("environment variable name must be non-empty");
    }
}
