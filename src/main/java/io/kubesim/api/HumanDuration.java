package io.kubesim.api;

import java.time.Duration;

/**
 * apimachinery {@code util/duration.HumanDuration}: a duration with ~2-3 significant figures
 * ({@code 95s}, {@code 3m4s}, {@code 42m}, {@code 3h5m}, {@code 20h}, {@code 3d4h}, {@code 300d}, {@code 2y30d},
 * {@code 9y}). A duration of -1s or more below zero is {@code <invalid>}; down to -1s it is {@code 0s}.
 */
final class HumanDuration {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private HumanDuration() {
    }

    /** Formats {@code d} like Go; durations beyond Go's ±292 years saturate like {@code time.Since}. */
    static String format(Duration d) {
        long nanos = saturatedNanos(d);
        long seconds = nanos / NANOS_PER_SECOND;
        if (seconds < -1) {
            return "<invalid>";
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 60 * 2) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            long s = seconds % 60;
            return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
        } else if (minutes < 60 * 3) {
            return minutes + "m";
        }
        long hours = seconds / 3600;
        if (hours < 8) {
            long m = minutes % 60;
            return m == 0 ? hours + "h" : hours + "h" + m + "m";
        }
        return days(hours);
    }

    private static String days(long hours) {
        if (hours < 48) {
            return hours + "h";
        } else if (hours < 24 * 8) {
            long h = hours % 24;
            return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        } else if (hours < 24 * 365 * 8) {
            long dy = hours / 24 % 365;
            return dy == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + dy + "d";
        }
        return hours / 24 / 365 + "y";
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException overflow) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
