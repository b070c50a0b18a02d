package io.kubesim.selection;

import static io.kubesim.selection.Messages.DNS1035_LABEL_REGEX;
import static io.kubesim.selection.Messages.DNS1123_LABEL_REGEX;
import static io.kubesim.selection.Messages.LABEL_VALUE_REGEX;
import static io.kubesim.selection.Messages.NAME_PART_REGEX;
import static io.kubesim.selection.Messages.QUALIFIED_NAME_SLASHES;
import static io.kubesim.selection.Messages.SUBDOMAIN_REGEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelRulesTest {

    private static final Function<String, List<String>> KEY = LabelRules::validateLabelKey;
    private static final Function<String, List<String>> VALUE = LabelRules::validateLabelValue;
    private static final Function<String, List<String>> SUBDOMAIN = LabelRules::isDNS1123Subdomain;
    private static final Function<String, List<String>> LABEL1123 = LabelRules::isDNS1123Label;
    private static final Function<String, List<String>> LABEL1035 = LabelRules::isDNS1035Label;

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("key", KEY, "app", List.of()),
                arguments("key", KEY, "example.com/My_App.v1", List.of()),
                arguments("key", KEY, "a".repeat(63), List.of()),
                arguments("key", KEY, "", List.of("name part must be non-empty", NAME_PART_REGEX)),
                arguments("key", KEY, "a".repeat(64), List.of("name part must be no more than 63 characters")),
                arguments("key", KEY, "-a".repeat(32), List.of("name part must be no more than 63 characters",
                        NAME_PART_REGEX)),
                arguments("key", KEY, "a b", List.of(NAME_PART_REGEX)),
                arguments("key", KEY, "a\n", List.of(NAME_PART_REGEX)),
                arguments("key", KEY, "/a", List.of("prefix part must be non-empty")),
                arguments("key", KEY, "a/b/c", List.of(QUALIFIED_NAME_SLASHES)),
                arguments("key", KEY, "a".repeat(254) + "/b", List.of("prefix part must be no more than 253 characters")),
                arguments("key", KEY, "Example.com/b", List.of("prefix part " + SUBDOMAIN_REGEX)),
                arguments("key", KEY, "_x/", List.of("prefix part " + SUBDOMAIN_REGEX, "name part must be non-empty",
                        NAME_PART_REGEX)),
                arguments("value", VALUE, "", List.of()),
                arguments("value", VALUE, "My_value-1.2", List.of()),
                arguments("value", VALUE, "a".repeat(63), List.of()),
                arguments("value", VALUE, "a".repeat(64), List.of("must be no more than 63 characters")),
                arguments("value", VALUE, "-a", List.of(LABEL_VALUE_REGEX)),
                arguments("value", VALUE, "a_", List.of(LABEL_VALUE_REGEX)),
                arguments("value", VALUE, "\u00e9".repeat(32), List.of("must be no more than 63 characters",
                        LABEL_VALUE_REGEX)),
                arguments("subdomain", SUBDOMAIN, "a.b-c.d", List.of()),
                arguments("subdomain", SUBDOMAIN, "Example.com", List.of(SUBDOMAIN_REGEX)),
                arguments("subdomain", SUBDOMAIN, "", List.of(SUBDOMAIN_REGEX)),
                arguments("subdomain", SUBDOMAIN, "a".repeat(254), List.of("must be no more than 253 characters")),
                arguments("dns1123label", LABEL1123, "my-name", List.of()),
                arguments("dns1123label", LABEL1123, "123", List.of()),
                arguments("dns1123label", LABEL1123, "a.b", List.of("must not contain dots")),
                arguments("dns1123label", LABEL1123, "A", List.of(DNS1123_LABEL_REGEX)),
                arguments("dns1123label", LABEL1123, "a".repeat(64), List.of("must be no more than 63 characters")),
                arguments("dns1035label", LABEL1035, "abc-123", List.of()),
                arguments("dns1035label", LABEL1035, "1abc", List.of(DNS1035_LABEL_REGEX)),
                arguments("dns1035label", LABEL1035, "a".repeat(64), List.of("must be no more than 63 characters")));
    }

    @ParameterizedTest(name = "[{index}] {0} \"{2}\"")
    @MethodSource("cases")
    void reportsUpstreamDetails(String rule, Function<String, List<String>> check, String input, List<String> expected) {
        assertThat(check.apply(input)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "[{index}] qualified name \"{2}\"")
    @MethodSource("cases")
    void qualifiedNameEqualsLabelKey(String rule, Function<String, List<String>> check, String input,
            List<String> expected) {
        assertThat(LabelRules.isQualifiedName(input)).isEqualTo(LabelRules.validateLabelKey(input));
    }
}
