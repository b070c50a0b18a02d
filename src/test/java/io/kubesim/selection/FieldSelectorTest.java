package io.kubesim.selection;

import static io.kubesim.selection.FieldRequirement.Operator.EQUALS;
import static io.kubesim.selection.FieldRequirement.Operator.NOT_EQUALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FieldSelectorTest {

    static Stream<Arguments> parsed() {
        return Stream.of(
                arguments("", List.of(), ""),
                arguments("metadata.name=foo", List.of(new FieldRequirement("metadata.name", EQUALS, "foo")),
                        "metadata.name=foo"),
                arguments("metadata.name==foo", List.of(new FieldRequirement("metadata.name", EQUALS, "foo")),
                        "metadata.name=foo"),
                arguments("status.phase!=Running", List.of(new FieldRequirement("status.phase", NOT_EQUALS, "Running")),
                        "status.phase!=Running"),
                arguments("b=2,a!=1", List.of(new FieldRequirement("a", NOT_EQUALS, "1"),
                        new FieldRequirement("b", EQUALS, "2")), "a!=1,b=2"),
                arguments("a=x\\,y", List.of(new FieldRequirement("a", EQUALS, "x,y")), "a=x\\,y"),
                arguments("a=x\\=y", List.of(new FieldRequirement("a", EQUALS, "x=y")), "a=x\\=y"),
                arguments("a=x\\\\y", List.of(new FieldRequirement("a", EQUALS, "x\\y")), "a=x\\\\y"),
                arguments("a=1,,b=2", List.of(new FieldRequirement("a", EQUALS, "1"),
                        new FieldRequirement("b", EQUALS, "2")), "a=1,b=2"),
                arguments(",", List.of(), ""),
                arguments("=", List.of(), ""),
                arguments("=x", List.of(new FieldRequirement("", EQUALS, "x")), "=x"),
                arguments("a=", List.of(new FieldRequirement("a", EQUALS, "")), "a="),
                arguments(" a = b ", List.of(new FieldRequirement(" a ", EQUALS, " b ")), " a = b "),
                arguments("a\\,b=c", List.of(new FieldRequirement("a\\,b", EQUALS, "c")), "a\\,b=c"),
                arguments("a!b=c", List.of(new FieldRequirement("a!b", EQUALS, "c")), "a!b=c"),
                arguments("spec.nodeName=n\u00e9", List.of(new FieldRequirement("spec.nodeName", EQUALS, "n\u00e9")),
                        "spec.nodeName=n\u00e9"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{2}\"")
    @MethodSource("parsed")
    void parses(String input, List<FieldRequirement> expected, String canonical) throws SelectorParseException {
        FieldSelector selector = FieldSelector.parse(input);
        assertThat(selector.requirements()).isEqualTo(expected);
        assertThat(selector.toString()).isEqualTo(canonical);
        assertThat(selector.isEmpty()).isEqualTo(expected.isEmpty());
        assertThat(FieldSelector.parse(canonical)).isEqualTo(selector);
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                arguments("a", "invalid selector: 'a'; can't understand 'a'"),
                arguments("x=1,bad", "invalid selector: 'x=1,bad'; can't understand 'bad'"),
                arguments("a=x,y", "invalid selector: 'a=x,y'; can't understand 'y'"),
                arguments("a<5", "invalid selector: 'a<5'; can't understand 'a<5'"),
                arguments("a=x\\y", "invalid field selector: invalid escape sequence: \\y"),
                arguments("a=x\\", "invalid field selector: invalid escape sequence: \\"),
                arguments("a=b=c", "invalid field selector: unescaped character in value: 61"),
                arguments("a!==b", "invalid field selector: unescaped character in value: 61"),
                arguments("a=b\\,c=d", "invalid field selector: unescaped character in value: 61"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("rejected")
    void rejectsWithUpstreamMessage(String input, String message) {
        assertThatThrownBy(() -> FieldSelector.parse(input))
                .isInstanceOf(SelectorParseException.class)
                .hasMessage(message);
    }

    static Stream<Arguments> matching() {
        Map<String, String> pod = Map.of("metadata.name", "web-1", "status.phase", "Running");
        return Stream.of(
                arguments("", pod, true),
                arguments("metadata.name=web-1", pod, true),
                arguments("metadata.name=web-2", pod, false),
                arguments("status.phase!=Running", pod, false),
                arguments("status.phase!=Pending", pod, true),
                arguments("spec.nodeName=", pod, true),
                arguments("spec.nodeName!=", pod, false),
                arguments("spec.nodeName!=node-1", pod, true),
                arguments("metadata.name=web-1,status.phase=Running", pod, true),
                arguments("metadata.name=web-1,status.phase=Failed", pod, false));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {2}")
    @MethodSource("matching")
    void matches(String selector, Map<String, String> fields, boolean expected) throws SelectorParseException {
        assertThat(FieldSelector.parse(selector).matches(fields::get)).isEqualTo(expected);
    }

    @Test
    void requiredValueFindsFirstEqualityTerm() throws SelectorParseException {
        FieldSelector s = FieldSelector.parse("metadata.namespace=bar,metadata.name=foo");
        assertThat(s.requiredValue("metadata.name")).contains("foo");
        assertThat(s.requiredValue("metadata.namespace")).contains("bar");
        assertThat(s.requiredValue("spec.nodeName")).isEmpty();
        assertThat(FieldSelector.parse("metadata.name!=foo").requiredValue("metadata.name")).isEmpty();
        assertThat(FieldSelector.parse("a==x\\,y").requiredValue("a")).contains("x,y");
    }

    @Test
    void everythingAndOneTerm() throws SelectorParseException {
        assertThat(FieldSelector.parse(null)).isSameAs(FieldSelector.everything());
        assertThat(FieldSelector.everything().matches(f -> "x")).isTrue();
        FieldSelector one = FieldSelector.oneTermEquals("metadata.name", "a,b");
        assertThat(one.toString()).isEqualTo("metadata.name=a\\,b");
        assertThat(FieldSelector.parse(one.toString())).isEqualTo(one);
        assertThat(FieldSelector.escapeValue("a\\b=c,d")).isEqualTo("a\\\\b\\=c\\,d");
    }
}
