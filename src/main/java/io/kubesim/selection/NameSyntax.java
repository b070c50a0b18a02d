package io.kubesim.selection;

/**
 * The character rules of {@link LabelRules}' regular expressions, checked by one pass over the characters instead
 * of a regex match: names and labels are checked on every write (each label, annotation key and name of an
 * object), and {@code java.util.regex} allocates a matcher and loop state per match. Each method accepts exactly
 * the strings its expression matches in full (NameSyntaxTest compares both on enumerated and generated strings).
 */
final class NameSyntax {

    private NameSyntax() {
    }

    /** {@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]}: a label key's name part. */
    static boolean isQualifiedNameText(String s) {
        int n = s.length();
        if (n == 0 || !alphanumeric(s.charAt(0)) || !alphanumeric(s.charAt(n - 1))) {
            return false;
        }
        for (int i = 1; i < n - 1; i++) {
            char c = s.charAt(i);
            if (!alphanumeric(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** {@code (([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?}: a label value (empty allowed). */
    static boolean isLabelValueText(String s) {
        return s.isEmpty() || isQualifiedNameText(s);
    }

    /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?}: an RFC 1123 label. */
    static boolean isDns1123LabelText(String s) {
        return isDns1123Label(s, 0, s.length());
    }

    /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*}: labels joined by single dots. */
    static boolean isDns1123SubdomainText(String s) {
        int start = 0;
        while (true) {
            int dot = s.indexOf('.', start);
            int end = dot < 0 ? s.length() : dot;
            if (!isDns1123Label(s, start, end)) {
                return false;
            }
            if (dot < 0) {
                return true;
            }
            start = dot + 1;
        }
    }

    /** {@code [a-z]([-a-z0-9]*[a-z0-9])?}: an RFC 1035 label (starts with a letter). */
    static boolean isDns1035LabelText(String s) {
        return !s.isEmpty() && s.charAt(0) >= 'a' && s.charAt(0) <= 'z' && isDns1123Label(s, 0, s.length());
    }

    private static boolean isDns1123Label(String s, int start, int end) {
        if (end <= start || !lowerAlphanumeric(s.charAt(start)) || !lowerAlphanumeric(s.charAt(end - 1))) {
            return false;
        }
        for (int i = start + 1; i < end - 1; i++) {
            char c = s.charAt(i);
            if (!lowerAlphanumeric(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean alphanumeric(char c) {
        return lowerAlphanumeric(c) || (c >= 'A' && c <= 'Z');
    }

    private static boolean lowerAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
