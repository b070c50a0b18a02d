package io.kubesim.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written checks accept exactly what upstream's regular expressions match in full. */
class NameSyntaxTest {

    /** Every character class the expressions distinguish, plus characters none of them allows. */
    private static final String ALPHABET = "az09AZ-_./ \né";
    private static final String COMMON = "abz09-.";

    @Test
    void agreesWithTheRegularExpressionsOnEveryShortString() {
        // all strings of up to 4 characters over the alphabet: 13^0 + ... + 13^4 = 30,941 strings
        StringBuilder b = new StringBuilder();
        for (int length = 0; length <= 4; length++) {
            enumerate(b, length);
        }
    }

    @Test
    void agreesWithTheRegularExpressionsOnLongerGeneratedStrings() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            int length = 5 + random.nextInt(20);
            StringBuilder b = new StringBuilder(length);
            for (int j = 0; j < length; j++) {
                // mostly valid characters, so that long valid names occur too
                b.append(random.nextInt(10) < 8 ? COMMON.charAt(random.nextInt(COMMON.length()))
                        : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            check(b.toString());
        }
    }

    @Test
    void typicalNames() {
        assertThat(NameSyntax.isDns1123SubdomainText("web-5d8f7c6b9-x2x7k")).isTrue();
        assertThat(NameSyntax.isDns1123SubdomainText("kubernetes.io")).isTrue();
        assertThat(NameSyntax.isDns1123SubdomainText("a..b")).isFalse();
        assertThat(NameSyntax.isDns1123LabelText("a.b")).isFalse();
        assertThat(NameSyntax.isDns1035LabelText("1abc")).isFalse();
        assertThat(NameSyntax.isQualifiedNameText("My_App.v1")).isTrue();
        assertThat(NameSyntax.isLabelValueText("")).isTrue();
        assertThat(NameSyntax.isQualifiedNameText("")).isFalse();
    }

    private static void enumerate(StringBuilder b, int remaining) {
        if (remaining == 0) {
            check(b.toString());
            return;
        }
        for (int i = 0; i < ALPHABET.length(); i++) {
            b.append(ALPHABET.charAt(i));
            enumerate(b, remaining - 1);
            b.setLength(b.length() - 1);
        }
    }

    private static void check(String s) {
        agree(s, LabelRules.QUALIFIED_NAME_FMT, NameSyntax::isQualifiedNameText);
        agree(s, LabelRules.LABEL_VALUE_FMT, NameSyntax::isLabelValueText);
        agree(s, LabelRules.DNS1123_LABEL_FMT, NameSyntax::isDns1123LabelText);
        agree(s, LabelRules.DNS1123_SUBDOMAIN_FMT, NameSyntax::isDns1123SubdomainText);
        agree(s, LabelRules.DNS1035_LABEL_FMT, NameSyntax::isDns1035LabelText);
    }

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private static void agree(String s, String regex, Predicate<String> check) {
        boolean expected = PATTERNS.computeIfAbsent(regex, Pattern::compile).matcher(s).matches();
        if (check.test(s) != expected) {
            throw new AssertionError("'" + s.replace("\n", "\\n") + "' against " + regex + ": expected " + expected);
        }
    }
}
