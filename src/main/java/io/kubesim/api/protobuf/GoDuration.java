package io.kubesim.api.protobuf;

/** Go's {@code time.Duration.String()}: {@code 1h0m0s}, {@code 1.5s}, {@code 250ms}, {@code 0s}. */
final class GoDuration {

    private static final long SECOND = 1_000_000_000L;

    private GoDuration() {
    }

    /** Formats a duration in nanoseconds exactly as Go prints it. */
    static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        // the magnitude as an unsigned value, so that Long.MIN_VALUE works too
        long u = nanos < 0 ? -nanos : nanos;
        String text = Long.compareUnsigned(u, SECOND) < 0 ? belowOneSecond(u) : atLeastOneSecond(u);
        return nanos < 0 ? "-" + text : text;
    }

    private static String belowOneSecond(long u) {
        if (u < 1_000L) {
            return u + "ns";
        }
        if (u < 1_000_000L) {
            return decimal(u / 1_000L, u % 1_000L, 3) + "µs";
        }
        return decimal(u / 1_000_000L, u % 1_000_000L, 6) + "ms";
    }

    private static String atLeastOneSecond(long u) {
        long seconds = Long.divideUnsigned(u, SECOND);
        String s = decimal(seconds % 60, Long.remainderUnsigned(u, SECOND), 9) + "s";
        long minutes = seconds / 60;
        if (minutes == 0) {
            return s;
        }
        long hours = minutes / 60;
        String m = (minutes % 60) + "m" + s;
        return hours == 0 ? m : hours + "h" + m;
    }

    /** {@code whole.fraction} with the fraction on {@code digits} digits, trailing zeros (and a bare point) dropped. */
    private static String decimal(long whole, long fraction, int digits) {
        if (fraction == 0) {
            return Long.toString(whole);
        }
        StringBuilder f = new StringBuilder(Long.toString(fraction));
        while (f.length() < digits) {
            f.insert(0, '0');
        }
        int end = f.length();
        while (f.charAt(end - 1) == '0') {
            end--;
        }
        return whole + "." + f.substring(0, end);
    }
}
