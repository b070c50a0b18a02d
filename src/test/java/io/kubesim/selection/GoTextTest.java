package io.kubesim.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoTextTest {

    @Test
    void quoteFollowsGoPercentQ() {
        assertThat(GoText.quote("plain")).isEqualTo("\"plain\"");
        assertThat(GoText.quote("a\"b\\c\n\t\u0001\u007f")).isEqualTo("\"a\\\"b\\\\c\\n\\t\\x01\\x7f\"");
        assertThat(GoText.quote("\u00e9\u2028\ud83d\ude00")).isEqualTo("\"\u00e9\\u2028\ud83d\ude00\"");
    }

    @Test
    void jsonStringsFollowsEncodingJson() {
        assertThat(GoText.jsonStrings(List.of())).isEqualTo("null");
        assertThat(GoText.jsonStrings(null)).isEqualTo("null");
        assertThat(GoText.jsonStrings(List.of("a", "b"))).isEqualTo("[\"a\",\"b\"]");
        assertThat(GoText.jsonStrings(List.of("<&>", "\u0001\n\"")))
                .isEqualTo("[\"\\u003c\\u0026\\u003e\",\"\\u0001\\n\\\"\"]");
    }

    @Test
    void aggregateDeduplicatesAndBrackets() {
        assertThat(GoText.aggregate(List.of("one"))).isEqualTo("one");
        assertThat(GoText.aggregate(List.of("one", "one"))).isEqualTo("one");
        assertThat(GoText.aggregate(List.of("one", "two", "one"))).isEqualTo("[one, two]");
    }

    @Test
    void parseInt64MatchesStrconv() {
        assertThat(GoText.parseInt64("+42").getAsLong()).isEqualTo(42);
        assertThat(GoText.parseInt64("-0").getAsLong()).isZero();
        assertThat(GoText.parseInt64("9223372036854775807").getAsLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(GoText.parseInt64("9223372036854775808")).isEmpty();
        assertThat(GoText.parseInt64("")).isEmpty();
        assertThat(GoText.parseInt64("-")).isEmpty();
        assertThat(GoText.parseInt64("1_000")).isEmpty();
        assertThat(GoText.parseInt64(" 1")).isEmpty();
    }

    @Test
    void byteOrderSortsByCodePoint() {
        List<String> values = Arrays.asList("\ud83d\ude00", "\uffff", "b", "B", "", "ba");
        values.sort(GoText.BYTE_ORDER);
        assertThat(values).containsExactly("", "B", "b", "ba", "\uffff", "\ud83d\ude00");
    }
}
