package io.kubesim.registry.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * String-format checks of apimachinery's {@code util/validation} package that are not label rules, returning the
 * upstream detail strings (empty list = valid).
 */
public final class Formats {

    private static final Pattern PORT_NAME_CHARSET = Pattern.compile("^[-a-z0-9]+$");
    private static final Pattern ONE_LETTER = Pattern.compile("[a-z]");
    private static final String PERCENT_FMT = "[0-9]+%";
    private static final Pattern PERCENT = Pattern.compile("^" + PERCENT_FMT + "$");
    private static final String HEADER_FMT = "[-A-Za-z0-9]+";
    private static final Pattern HEADER = Pattern.compile("^" + HEADER_FMT + "$");
    private static final String CONFIG_KEY_FMT = "[-._a-zA-Z0-9]+";
    private static final Pattern CONFIG_KEY = Pattern.compile("^" + CONFIG_KEY_FMT + "$");

    private Formats() {
    }

    /** {@code MaxLenError}. */
    public static String maxLenError(int length) {
        return "must be no more than " + length + " characters";
    }

    /** {@code InclusiveRangeError}. */
    public static String inclusiveRangeError(long lo, long hi) {
        return "must be between " + lo + " and " + hi + ", inclusive";
    }

    /** {@code RegexError}, with Go's quirky separators (two spaces before {@code or}). */
    public static String regexError(String msg, String fmt, String... examples) {
        if (examples.length == 0) {
            return msg + " (regex used for validation is '" + fmt + "')";
        }
        StringBuilder b = new StringBuilder(msg).append(" (e.g. ");
        for (int i = 0; i < examples.length; i++) {
            if (i > 0) {
                b.append(" or ");
            }
            b.append('\'').append(examples[i]).append("', ");
        }
        return b.append("regex used for validation is '").append(fmt).append("')").toString();
    }

    /** {@code IsValidPortNum}: 1..65535. */
    public static List<String> isValidPortNum(long port) {
        return port >= 1 && port <= 65535 ? List.of() : List.of(inclusiveRangeError(1, 65535));
    }

    /** {@code IsValidPortName} (IANA_SVC_NAME). */
    public static List<String> isValidPortName(String port) {
        List<String> errs = new ArrayList<>();
        if (port.length() > 15) {
            errs.add(maxLenError(15));
        }
        if (!PORT_NAME_CHARSET.matcher(port).matches()) {
            errs.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        if (!ONE_LETTER.matcher(port).find()) {
            errs.add("must contain at least one letter (a-z)");
        }
        if (port.contains("--")) {
            errs.add("must not contain consecutive hyphens");
        }
        if (!port.isEmpty() && (port.charAt(0) == '-' || port.charAt(port.length() - 1) == '-')) {
            errs.add("must not begin or end with a hyphen");
        }
        return errs;
    }

    /** {@code IsValidPercent}. */
    public static List<String> isValidPercent(String percent) {
        if (PERCENT.matcher(percent).matches()) {
            return List.of();
        }
        return List.of(regexError("a valid percent string must be a numeric string followed by an ending '%'",
                PERCENT_FMT, "1%", "93%"));
    }

    /** {@code IsHTTPHeaderName}. */
    public static List<String> isHttpHeaderName(String value) {
        if (HEADER.matcher(value).matches()) {
            return List.of();
        }
        return List.of(regexError("a valid HTTP header must consist of alphanumeric characters or '-'",
                HEADER_FMT, "X-Header-Name"));
    }

    /** {@code IsRelaxedEnvVarName} (the rule since RelaxedEnvironmentVariableValidation went GA). */
    public static List<String> isRelaxedEnvVarName(String value) {
        List<String> errs = new ArrayList<>();
        if (value.isEmpty()) {
            errs.add("environment variable name must be non-empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0x7e || c < 0x20 || c == '=') {
                errs.add("a valid environment variable name must consist only of printable ASCII characters other than '='");
                break;
            }
        }
        return errs;
    }

    /** {@code IsConfigMapKey}: keys of ConfigMap/Secret data. */
    public static List<String> isConfigMapKey(String value) {
        List<String> errs = new ArrayList<>();
        if (value.length() > 253) {
            errs.add(maxLenError(253));
        }
        if (!CONFIG_KEY.matcher(value).matches()) {
            errs.add(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
                    CONFIG_KEY_FMT, "key.name", "KEY_NAME", "key-name"));
        }
        if (value.equals(".")) {
            errs.add("must not be '.'");
        } else if (value.equals("..")) {
            errs.add("must not be '..'");
        } else if (value.startsWith("..")) {
            errs.add("must not start with '..'");
        }
        return errs;
    }

    /** {@code path.ValidatePathSegmentName}: the storage-key rule every name must pass. */
    public static List<String> pathSegmentName(String name, boolean prefix) {
        if (!prefix) {
            if (name.equals(".") || name.equals("..")) {
                return List.of("may not be '" + name + "'");
            }
        }
        List<String> errs = new ArrayList<>();
        if (name.contains("/")) {
            errs.add("may not contain '/'");
        }
        if (name.contains("%")) {
            errs.add("may not contain '%'");
        }
        return errs;
    }
}
