package io.kubesim.behavior;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go-style durations ({@code 1h2m3.5s}, {@code 500ms}) in and out. */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|us|µs|ns)");

    private Durations() {
    }

    /** Parses {@code 1m30s}, {@code 500ms}, {@code 2.5s}; a bare number is seconds. */
    public static Duration parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty duration");
        }
        if (s.matches("\\d+(\\.\\d+)?")) {
            return Duration.ofNanos((long) (Double.parseDouble(s) * 1e9));
        }
        Matcher m = PART.matcher(s);
        int at = 0;
        long nanos = 0;
        while (m.find()) {
            if (m.start() != at) {
                throw new IllegalArgumentException("invalid duration " + quote(text));
            }
            double v = Double.parseDouble(m.group(1));
            nanos += (long) (v * switch (m.group(2)) {
                case "h" -> 3600e9;
                case "m" -> 60e9;
                case "s" -> 1e9;
                case "ms" -> 1e6;
                case "us", "µs" -> 1e3;
                default -> 1;
            });
            at = m.end();
        }
        if (at != s.length() || at == 0) {
            throw new IllegalArgumentException("invalid duration " + quote(text));
        }
        return Duration.ofNanos(nanos);
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }

    /** Go's {@code time.Duration.String()} for whole and fractional seconds: {@code 10s}, {@code 1m20s}, {@code 5m0s}, {@code 1.5s}. */
    public static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        if (nanos < 1_000_000_000L) {
            if (nanos % 1_000_000 == 0) {
                return (nanos / 1_000_000) + "ms";
            }
            return trim(nanos / 1e6) + "ms";
        }
        long h = nanos / 3_600_000_000_000L;
        long rest = nanos % 3_600_000_000_000L;
        long m = rest / 60_000_000_000L;
        rest %= 60_000_000_000L;
        String secs = rest % 1_000_000_000L == 0 ? Long.toString(rest / 1_000_000_000L) : trim(rest / 1e9);
        StringBuilder b = new StringBuilder();
        if (h > 0) {
            b.append(h).append('h');
        }
        if (h > 0 || m > 0) {
            b.append(m).append('m');
        }
        return b.append(secs).append('s').toString();
    }

    private static String trim(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.9f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
