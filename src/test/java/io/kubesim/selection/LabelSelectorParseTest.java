package io.kubesim.selection;

import static io.kubesim.selection.Messages.LABEL_VALUE_REGEX;
import static io.kubesim.selection.Messages.NAME_PART_REGEX;
import static io.kubesim.selection.Messages.QUALIFIED_NAME_SLASHES;
import static io.kubesim.selection.Messages.SUBDOMAIN_REGEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelSelectorParseTest {

    static Stream<Arguments> validSelectors() {
        return Stream.of(
                arguments("", ""),
                arguments("   \t ", ""),
                arguments("x=a,y=b,z=c", "x=a,y=b,z=c"),
                arguments("z=c,y=b,x=a", "x=a,y=b,z=c"),
                arguments("x==a", "x==a"),
                arguments("x!=a", "x!=a"),
                arguments("x=", "x="),
                arguments("x= ,z= ", "x=,z="),
                arguments("x==,y!=", "x==,y!="),
                arguments("x in (b,a)", "x in (a,b)"),
                arguments("x in (a,a,b)", "x in (a,b)"),
                arguments("x notin (a)", "x notin (a)"),
                arguments("x in ()", "x in ()"),
                arguments("x notin ( )", "x notin ()"),
                arguments("x in (,a)", "x in (,a)"),
                arguments("x in (a,)", "x in (,a)"),
                arguments("x in (,)", "x in ()"),
                arguments("x in (a,,b)", "x in (,a,b)"),
                arguments("x", "x"),
                arguments("!x", "!x"),
                arguments("  !x  ", "!x"),
                arguments("x>1", "x>1"),
                arguments("x<007", "x<007"),
                arguments("x>1,z<5,a in (a)", "a in (a),x>1,z<5"),
                arguments(" x = a , y in ( b , c ) ", "x=a,y in (b,c)"),
                arguments("x\tin\n(a)\r", "x in (a)"),
                arguments("in=notin", "in=notin"),
                arguments("x in (in,notin)", "x in (in,notin)"),
                arguments("example.com/app=web", "example.com/app=web"),
                arguments("a=b,!c,d notin (e)", "a=b,!c,d notin (e)"),
                arguments("x=b,x=a", "x=b,x=a"),
                arguments("app,!app", "app,!app"),
                arguments("x=a\u0000,junk", "junk,x=a"),
                arguments("x=a \u0000,junk", "x=a"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @MethodSource("validSelectors")
    void parsesToCanonicalString(String input, String canonical) throws SelectorParseException {
        LabelSelector selector = LabelSelector.parse(input);
        assertThat(selector.toString()).isEqualTo(canonical);
        assertThat(LabelSelector.parse(canonical)).isEqualTo(selector);
    }

    static Stream<Arguments> invalidSelectors() {
        String u = "unable to parse requirement: ";
        return Stream.of(
                arguments(",", "found ',', expected: !, identifier, or 'end of string'"),
                arguments("=a", "found '=', expected: !, identifier, or 'end of string'"),
                arguments("!=a", "found '!=', expected: !, identifier, or 'end of string'"),
                arguments("x,", "found '', expected: identifier after ','"),
                arguments("x,,y", "found ',', expected: identifier after ','"),
                arguments("x==a==b", "found '==', expected: ',' or 'end of string'"),
                arguments("x=a=b", "found '=', expected: ',' or 'end of string'"),
                arguments("!x=a", "found '=', expected: ',' or 'end of string'"),
                arguments("!x in (a)", "found 'in', expected: ',' or 'end of string'"),
                arguments("x=a b", "found 'b', expected: ',' or 'end of string'"),
                arguments("x in (a) y", "found 'y', expected: ',' or 'end of string'"),
                arguments("x y", u + "found 'y', expected: in, notin, =, ==, !=, gt, lt"),
                arguments("x (a)", u + "found '(', expected: in, notin, =, ==, !=, gt, lt"),
                arguments("!", u + "found '', expected: identifier"),
                arguments("!,x", u + "found ',', expected: identifier"),
                arguments("x=(a)", u + "found '(', expected: identifier"),
                arguments("x!=!", u + "found '!', expected: identifier"),
                arguments("x in", u + "found '' expected: '('"),
                arguments("x in a", u + "found 'a' expected: '('"),
                arguments("x in (a", u + "found '', expected: ',' or ')'"),
                arguments("x in (a b)", u + "found 'b', expected: ',' or ')'"),
                arguments("x in (=)", u + "found '=', expected: ',', ')' or identifier"),
                arguments("x in (", u + "found '', expected: ',', ')' or identifier"),
                arguments("x in (a,=)", u + "found '=', expected: ',', or identifier"),
                arguments("x in (a,,)", u + "found ')', expected: ',', or identifier"),
                arguments("x notin (a,", u + "found '', expected: ',', or identifier"),
                arguments("x<a", u + "values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer"),
                arguments("x>", u + "values[0]: Invalid value: \"\": for 'Gt', 'Lt' operators, the value must be an integer"),
                arguments("x>99999999999999999999", u + "values[0]: Invalid value: \"99999999999999999999\": "
                        + "for 'Gt', 'Lt' operators, the value must be an integer"),
                arguments("x>-1", u + "values[0][x]: Invalid value: \"-1\": " + LABEL_VALUE_REGEX),
                arguments("x=a||y=b", u + "values[0][x]: Invalid value: \"a||y\": " + LABEL_VALUE_REGEX),
                arguments("x in (-a,-b)", u + "[values[0][x]: Invalid value: \"-a\": " + LABEL_VALUE_REGEX
                        + ", values[1][x]: Invalid value: \"-b\": " + LABEL_VALUE_REGEX + "]"),
                arguments("x=-" + "a".repeat(63), u + "values[0][x]: Invalid value: \"-" + "a".repeat(63)
                        + "\": must be no more than 63 characters; " + LABEL_VALUE_REGEX),
                arguments("-x", u + "<nil>: Invalid value: \"-x\": " + NAME_PART_REGEX),
                arguments("a\"b=c", u + "<nil>: Invalid value: \"a\\\"b\": " + NAME_PART_REGEX),
                arguments("a\u0001b", u + "<nil>: Invalid value: \"a\\x01b\": " + NAME_PART_REGEX),
                arguments("a".repeat(64) + "=x", u + "<nil>: Invalid value: \"" + "a".repeat(64)
                        + "\": name part must be no more than 63 characters"),
                arguments("a/b/c=d", u + "<nil>: Invalid value: \"a/b/c\": " + QUALIFIED_NAME_SLASHES),
                arguments("/a", u + "<nil>: Invalid value: \"/a\": prefix part must be non-empty"),
                arguments("a/", u + "<nil>: Invalid value: \"a/\": name part must be non-empty; " + NAME_PART_REGEX),
                arguments("Ex.com/a", u + "<nil>: Invalid value: \"Ex.com/a\": prefix part " + SUBDOMAIN_REGEX),
                arguments("ok=1,-bad", u + "<nil>: Invalid value: \"-bad\": " + NAME_PART_REGEX));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("invalidSelectors")
    void rejectsWithUpstreamMessage(String input, String message) {
        assertThatThrownBy(() -> LabelSelector.parse(input))
                .isInstanceOf(SelectorParseException.class)
                .hasMessage(message);
    }

    @Test
    void nullAndEmptySelectEverything() throws SelectorParseException {
        assertThat(LabelSelector.parse(null)).isSameAs(LabelSelector.everything());
        assertThat(LabelSelector.parse("").isEmpty()).isTrue();
        assertThat(LabelSelector.parse("").requirements()).isEmpty();
        assertThat(LabelSelector.parse("x").isEmpty()).isFalse();
    }

    @Test
    void exposesTypedRequirementsSortedByKey() throws SelectorParseException {
        List<Requirement> reqs = LabelSelector.parse("z>3,y notin (b,a),x==1,!w,v").requirements();
        assertThat(reqs).containsExactly(
                new Requirement.Existence("v", Operator.EXISTS),
                new Requirement.Existence("w", Operator.DOES_NOT_EXIST),
                new Requirement.Exact("x", Operator.DOUBLE_EQUALS, "1"),
                new Requirement.SetMembership("y", Operator.NOT_IN, List.of("a", "b")),
                new Requirement.Comparison("z", Operator.GREATER_THAN, "3"));
        assertThat(reqs.get(3).values()).containsExactly("a", "b");
        assertThat(reqs.get(0).values()).isEmpty();
        assertThat(Operator.NOT_IN.goName()).isEqualTo("notin");
    }

    @Test
    void keywordsAreIdentifiersInValuePosition() throws SelectorParseException {
        Requirement r = LabelSelector.parse("notin in (in)").requirements().get(0);
        assertThat(r.key()).isEqualTo("notin");
        assertThat(r.operator()).isEqualTo(Operator.IN);
        assertThat(r.values()).containsExactly("in");
    }
}
