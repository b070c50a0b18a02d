package io.kubesim.patch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.kubesim.patch.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

class GoValuesTest {

    @ParameterizedTest(name = "%v of {0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            {'b':[1,'x',true],'a':{'d':null,'c':1.5}} | map[a:map[c:1.5 d:<nil>] b:[1 x true]]
            1000000.0                                 | 1e+06
            123456.0                                  | 123456
            0.00001                                   | 1e-05
            0.0001                                    | 0.0001
            -2.5                                      | -2.5
            12345678901                               | 12345678901
            'text'                                    | text
            """)
    void formatsLikeFmtV(String value, String expected) {
        assertThat(GoValues.v(json(value))).isEqualTo(expected);
    }

    @Test
    void comparesLikeGoInterfaces() {
        assertThat(GoValues.same(json("1"), json("1"))).isTrue();
        assertThat(GoValues.same(json("1"), json("1.0"))).isFalse();
        assertThat(GoValues.same(json("'1'"), json("1"))).isFalse();
        assertThat(GoValues.same(json("null"), null)).isTrue();
        assertThat(GoValues.same(json("0.0"), json("-0.0"))).isTrue();
    }

    @Test
    void namesGoTypes() {
        assertThat(GoValues.typeName(json("{}"))).isEqualTo("map[string]interface {}");
        assertThat(GoValues.typeName(json("[]"))).isEqualTo("[]interface {}");
        assertThat(GoValues.typeName(json("2"))).isEqualTo("int64");
        assertThat(GoValues.typeName(json("2.5"))).isEqualTo("float64");
        assertThat(GoValues.s(json("true"))).isEqualTo("%!s(bool=true)");
    }
}
