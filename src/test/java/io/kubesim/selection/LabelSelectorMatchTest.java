package io.kubesim.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelSelectorMatchTest {

    private static final Map<String, String> NONE = Map.of();

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("", null, true),
                arguments("", Map.of("a", "b"), true),
                arguments("x=a", Map.of("x", "a"), true),
                arguments("x==a", Map.of("x", "a", "y", "z"), true),
                arguments("x=a", Map.of("x", "b"), false),
                arguments("x=a", NONE, false),
                arguments("x=a", null, false),
                arguments("x=", Map.of("x", ""), true),
                arguments("x=", NONE, false),
                arguments("x!=a", NONE, true),
                arguments("x!=a", null, true),
                arguments("x!=a", Map.of("x", "a"), false),
                arguments("x!=a", Map.of("x", "b"), true),
                arguments("x in (a,b)", Map.of("x", "b"), true),
                arguments("x in (a,b)", Map.of("x", "c"), false),
                arguments("x in (a,b)", NONE, false),
                arguments("x in ()", Map.of("x", ""), true),
                arguments("x notin (a,b)", NONE, true),
                arguments("x notin (a,b)", Map.of("x", "c"), true),
                arguments("x notin (a,b)", Map.of("x", "a"), false),
                arguments("x", Map.of("x", ""), true),
                arguments("x", NONE, false),
                arguments("!x", NONE, true),
                arguments("!x", Map.of("x", "v"), false),
                arguments("x>5", Map.of("x", "6"), true),
                arguments("x>5", Map.of("x", "5"), false),
                arguments("x>5", Map.of("x", "abc"), false),
                arguments("x>5", Map.of("x", "6.0"), false),
                arguments("x>5", NONE, false),
                arguments("x<5", Map.of("x", "-3"), true),
                arguments("x<5", Map.of("x", "+4"), true),
                arguments("x<5", Map.of("x", "05"), false),
                arguments("x>0", Map.of("x", "9223372036854775808"), false),
                arguments("x>0", Map.of("x", "\u0661"), false),
                arguments("app=web,tier in (fe,be),!canary", Map.of("app", "web", "tier", "be"), true),
                arguments("app=web,tier in (fe,be),!canary", Map.of("app", "web", "tier", "be", "canary", ""), false),
                arguments("x=a,x=b", Map.of("x", "a"), false));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" on {1} -> {2}")
    @MethodSource("cases")
    void matches(String selector, Map<String, String> labels, boolean expected) throws SelectorParseException {
        assertThat(LabelSelector.parse(selector).matches(labels)).isEqualTo(expected);
    }

    @Test
    void nothingMatchesNothing() {
        LabelSelector nothing = LabelSelector.nothing();
        assertThat(nothing.matches(null)).isFalse();
        assertThat(nothing.matches(Map.of())).isFalse();
        assertThat(nothing.isEmpty()).isFalse();
        assertThat(nothing.matchesNothing()).isTrue();
        assertThat(nothing.toString()).isEmpty();
        assertThat(nothing.requirements()).isEmpty();
        assertThat(LabelSelector.everything().matchesNothing()).isFalse();
    }

    @Test
    void everythingMatchesAll() {
        assertThat(LabelSelector.everything().matches(null)).isTrue();
        assertThat(LabelSelector.everything().matches(Map.of("k", "v"))).isTrue();
        assertThat(LabelSelector.everything().isEmpty()).isTrue();
        assertThat(LabelSelector.everything().toString()).isEmpty();
    }

    @Test
    void fromMapIsUnvalidatedEqualitySortedByKey() {
        LabelSelector s = LabelSelector.fromMap(Map.of("tier", "fe", "app", "web"));
        assertThat(s.toString()).isEqualTo("app=web,tier=fe");
        assertThat(s.matches(Map.of("app", "web", "tier", "fe", "x", "y"))).isTrue();
        assertThat(s.matches(Map.of("app", "web"))).isFalse();
        assertThat(LabelSelector.fromMap(Map.of("a b", "c d")).toString()).isEqualTo("a b=c d");
        assertThat(LabelSelector.fromMap(null).isEmpty()).isTrue();
        assertThat(LabelSelector.fromMap(Map.of()).matches(null)).isTrue();
        Map<String, String> withNull = new HashMap<>();
        withNull.put("k", null);
        assertThat(LabelSelector.fromMap(withNull).toString()).isEqualTo("k=");
    }

    static Stream<Arguments> requiredValues() {
        return Stream.of(
                arguments("a=b", "a", "b"),
                arguments("a==b", "a", "b"),
                arguments("a in (b)", "a", "b"),
                arguments("a in (b,c)", "a", null),
                arguments("a!=b", "a", null),
                arguments("a notin (b)", "a", null),
                arguments("a", "a", null),
                arguments("x=1,a=b", "a", "b"),
                arguments("x=1", "a", null),
                arguments("a=1,a=2", "a", "1"),
                arguments("a,a=1", "a", null),
                arguments("a>1", "a", null),
                arguments("", "a", null));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" requires {1}={2}")
    @MethodSource("requiredValues")
    void requiredValue(String selector, String key, String expected) throws SelectorParseException {
        assertThat(LabelSelector.parse(selector).requiredValue(key).orElse(null)).isEqualTo(expected);
    }

    @Test
    void nothingRequiresNothing() {
        assertThat(LabelSelector.nothing().requiredValue("a")).isEmpty();
        assertThat(LabelSelector.fromMap(Map.of("a", "v")).requiredValue("a")).contains("v");
    }
}
