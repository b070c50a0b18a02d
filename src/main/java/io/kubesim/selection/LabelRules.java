package io.kubesim.selection;

import java.util.ArrayList;
import java.util.List;

/**
 * Name and label checks of {@code k8s.io/apimachinery/pkg/util/validation} (Kubernetes v1.34 texts).
 *
 * <p>Every method returns the upstream error details (empty when the value is valid); callers wrap them
 * into field errors, typically joined with {@code "; "}. Lengths are counted in UTF-8 bytes like Go's
 * {@code len}. Note that Go's {@code RegexError} renders examples as {@code 'a',  or 'b'} (two spaces).
 */
public final class LabelRules {

    /** Maximum length of a label value and of the name part of a label key. */
    public static final int LABEL_MAX_LENGTH = 63;
    /** Maximum length of a DNS-1123 subdomain. */
    public static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
    /** Maximum length of a DNS-1123 or DNS-1035 label. */
    public static final int DNS_LABEL_MAX_LENGTH = 63;

    static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final String QUALIFIED_NAME_MSG =
            "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
    private static final String LABEL_VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric "
            + "characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String DNS1123_LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case "
            + "alphanumeric characters or '-', and must start and end with an alphanumeric character";
    static final String DNS1123_SUBDOMAIN_FMT = DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
    private static final String DNS1123_SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case "
            + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private static final String DNS1035_LABEL_MSG = "a DNS-1035 label must consist of lower case alphanumeric "
            + "characters or '-', start with an alphabetic character, and end with an alphanumeric character";

    /**
     * Unit word of Go's {@code MaxLenError}. Kubernetes v1.34 says "characters"; newer apimachinery
     * ({@code api/validate/content}) says "bytes" for label keys and values.
     */
    private static final String LENGTH_UNIT = "characters";

    private LabelRules() {
    }

    /** Label key rules ({@code validation.IsQualifiedName}); identical to {@link #isQualifiedName}. */
    public static List<String> validateLabelKey(String key) {
        return isQualifiedName(key);
    }

    /** Label value rules ({@code validation.IsValidLabelValue}): at most 63 bytes, empty allowed. */
    public static List<String> validateLabelValue(String value) {
        List<String> errs = new ArrayList<>();
        if (GoText.byteLength(value) > LABEL_MAX_LENGTH) {
            errs.add(maxLenError(LABEL_MAX_LENGTH));
        }
        if (!NameSyntax.isLabelValueText(value)) {
            errs.add(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
        }
        return errs;
    }

    /** {@code validation.IsQualifiedName}: optional DNS-1123 subdomain prefix and '/', then a name of at most 63. */
    public static List<String> isQualifiedName(String value) {
        List<String> errs = new ArrayList<>();
        int slash = value.indexOf('/');
        String name;
        if (slash < 0) {
            name = value;
        } else if (value.indexOf('/', slash + 1) < 0) {
            name = value.substring(slash + 1);
            checkPrefix(value.substring(0, slash), errs);
        } else {
            errs.add("a qualified name " + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name",
                    "123-abc") + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return errs;
        }
        if (name.isEmpty()) {
            errs.add("name part " + emptyError());
        } else if (GoText.byteLength(name) > LABEL_MAX_LENGTH) {
            errs.add("name part " + maxLenError(LABEL_MAX_LENGTH));
        }
        if (!NameSyntax.isQualifiedNameText(name)) {
            errs.add("name part " + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc"));
        }
        return errs;
    }

    private static void checkPrefix(String prefix, List<String> errs) {
        if (prefix.isEmpty()) {
            errs.add("prefix part " + emptyError());
            return;
        }
        for (String msg : isDNS1123Subdomain(prefix)) {
            errs.add("prefix part " + msg);
        }
    }

    /** {@code validation.IsDNS1123Subdomain}: lower-case RFC 1123 subdomain of at most 253 bytes. */
    public static List<String> isDNS1123Subdomain(String value) {
        List<String> errs = new ArrayList<>();
        if (GoText.byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) {
            errs.add(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
        }
        if (!NameSyntax.isDns1123SubdomainText(value)) {
            errs.add(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, "example.com"));
        }
        return errs;
    }

    /** {@code validation.IsDNS1123Label}: lower-case RFC 1123 label of at most 63 bytes. */
    public static List<String> isDNS1123Label(String value) {
        List<String> errs = new ArrayList<>();
        if (GoText.byteLength(value) > DNS_LABEL_MAX_LENGTH) {
            errs.add(maxLenError(DNS_LABEL_MAX_LENGTH));
        }
        if (!NameSyntax.isDns1123LabelText(value)) {
            if (NameSyntax.isDns1123SubdomainText(value)) {
                errs.add("must not contain dots");
            } else {
                errs.add(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, "my-name", "123-abc"));
            }
        }
        return errs;
    }

    /** {@code validation.IsDNS1035Label}: lower-case RFC 1035 label (starts with a letter), at most 63 bytes. */
    public static List<String> isDNS1035Label(String value) {
        List<String> errs = new ArrayList<>();
        if (GoText.byteLength(value) > DNS_LABEL_MAX_LENGTH) {
            errs.add(maxLenError(DNS_LABEL_MAX_LENGTH));
        }
        if (!NameSyntax.isDns1035LabelText(value)) {
            errs.add(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, "my-name", "abc-123"));
        }
        return errs;
    }

    /** Go's {@code validation.MaxLenError}. */
    static String maxLenError(int length) {
        return "must be no more than " + length + " " + LENGTH_UNIT;
    }

    /** Go's {@code validation.EmptyError}. */
    static String emptyError() {
        return "must be non-empty";
    }

    /** Go's {@code validation.RegexError}, including its double space before each {@code or}. */
    static String regexError(String msg, String regex, String... examples) {
        if (examples.length == 0) {
            return msg + " (regex used for validation is '" + regex + "')";
        }
        StringBuilder b = new StringBuilder(msg).append(" (e.g. ");
        for (int i = 0; i < examples.length; i++) {
            if (i > 0) {
                b.append(" or ");
            }
            b.append('\'').append(examples[i]).append("', ");
        }
        return b.append("regex used for validation is '").append(regex).append("')").toString();
    }
}
