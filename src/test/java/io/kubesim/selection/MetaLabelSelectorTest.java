package io.kubesim.selection;

import static io.kubesim.selection.Messages.LABEL_VALUE_REGEX;
import static io.kubesim.selection.Messages.NAME_PART_REGEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MetaLabelSelectorTest {

    private static LabelSelectorRequirement expr(String key, String op, String... values) {
        return new LabelSelectorRequirement(key, op, List.of(values));
    }

    private static LabelSelector selector(Map<String, String> labels, LabelSelectorRequirement... exprs) {
        return new LabelSelector(List.of(exprs), labels);
    }

    @Test
    void nullSelectsNothingAndEmptySelectsEverything() throws SelectorParseException {
        assertThat(io.kubesim.selection.LabelSelector.fromLabelSelector(null).matchesNothing()).isTrue();
        io.kubesim.selection.LabelSelector empty = io.kubesim.selection.LabelSelector.fromLabelSelector(new LabelSelector());
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.matches(Map.of("any", "thing"))).isTrue();
    }

    static Stream<Arguments> converted() {
        return Stream.of(
                arguments(selector(Map.of("app", "web")), "app=web"),
                arguments(selector(Map.of("tier", "fe", "app", "web"), expr("env", "In", "prod", "dev"),
                        expr("canary", "Exists")), "app=web,canary,env in (dev,prod),tier=fe"),
                arguments(selector(Map.of(), expr("env", "NotIn", "b", "a", "b")), "env notin (a,b,b)"),
                arguments(selector(Map.of(), expr("gone", "DoesNotExist")), "!gone"),
                arguments(selector(Map.of("k", "v"), expr("k", "In", "v", "w")), "k=v,k in (v,w)"));
    }

    @ParameterizedTest(name = "[{index}] -> {1}")
    @MethodSource("converted")
    void convertsLikeLabelSelectorAsSelector(LabelSelector in, String expected) throws SelectorParseException {
        assertThat(io.kubesim.selection.LabelSelector.fromLabelSelector(in).toString()).isEqualTo(expected);
        assertThat(io.kubesim.selection.LabelSelector.format(in)).isEqualTo(expected);
    }

    @Test
    void convertedSelectorMatches() throws SelectorParseException {
        var s = io.kubesim.selection.LabelSelector.fromLabelSelector(selector(Map.of("app", "web"),
                expr("env", "NotIn", "prod"), expr("canary", "DoesNotExist")));
        assertThat(s.matches(Map.of("app", "web"))).isTrue();
        assertThat(s.matches(Map.of("app", "web", "env", "dev"))).isTrue();
        assertThat(s.matches(Map.of("app", "web", "env", "prod"))).isFalse();
        assertThat(s.matches(Map.of("app", "web", "canary", "1"))).isFalse();
        assertThat(s.requiredValue("app")).contains("web");
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                arguments(selector(Map.of(), expr("k", "Foo", "v")), "\"Foo\" is not a valid pod selector operator"),
                arguments(selector(Map.of(), expr("k", "in", "v")), "\"in\" is not a valid pod selector operator"),
                arguments(selector(Map.of(), expr("k", null)), "\"\" is not a valid pod selector operator"),
                arguments(selector(Map.of(), expr("k", "In")),
                        "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"),
                arguments(selector(Map.of(), expr("k", "NotIn")),
                        "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"),
                arguments(selector(Map.of(), expr("k", "Exists", "a")),
                        "values: Invalid value: [\"a\"]: values set must be empty for exists and does not exist"),
                arguments(selector(Map.of(), expr("k", "DoesNotExist", "a<b", "c")),
                        "[values: Invalid value: [\"a\\u003cb\",\"c\"]: values set must be empty for exists and does not "
                                + "exist, values[0][k]: Invalid value: \"a<b\": " + LABEL_VALUE_REGEX + "]"),
                arguments(selector(Map.of(), expr("a b", "In", "x")),
                        "key: Invalid value: \"a b\": " + NAME_PART_REGEX),
                arguments(selector(Map.of("app", "-web")), "values[0][app]: Invalid value: \"-web\": " + LABEL_VALUE_REGEX),
                arguments(selector(Map.of("-k", "-v")), "[key: Invalid value: \"-k\": " + NAME_PART_REGEX
                        + ", values[0][-k]: Invalid value: \"-v\": " + LABEL_VALUE_REGEX + "]"),
                arguments(selector(Map.of(), expr("", "Exists")),
                        "key: Invalid value: \"\": name part must be non-empty; " + NAME_PART_REGEX));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("rejected")
    void rejectsWithUpstreamMessage(LabelSelector in, String message) {
        assertThatThrownBy(() -> io.kubesim.selection.LabelSelector.fromLabelSelector(in))
                .isInstanceOf(SelectorParseException.class)
                .hasMessage(message);
        assertThat(io.kubesim.selection.LabelSelector.format(in)).isEqualTo("<error>");
    }

    @Test
    void formatRendersNoneForNullAndEmpty() {
        assertThat(io.kubesim.selection.LabelSelector.format(null)).isEqualTo("<none>");
        assertThat(io.kubesim.selection.LabelSelector.format(new LabelSelector())).isEqualTo("<none>");
        LabelSelector built = new LabelSelectorBuilder().addToMatchLabels("app", "web")
                .addNewMatchExpression().withKey("tier").withOperator("In").withValues("b", "a").endMatchExpression()
                .build();
        assertThat(io.kubesim.selection.LabelSelector.format(built)).isEqualTo("app=web,tier in (a,b)");
    }
}
