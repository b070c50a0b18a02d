package io.kubesim.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Median and spread (min–max) of a few repeated measurements. */
record Stats(double median, double min, double max, int n) {

    static Stats of(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        if (v.isEmpty()) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        Collections.sort(v);
        int n = v.size();
        double median = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
        return new Stats(median, v.get(0), v.get(n - 1), n);
    }

    /** {@code median (min–max)}, or just the value for one run. */
    String format(String pattern) {
        if (n == 0) {
            return "–";
        }
        String m = String.format(Locale.ROOT, pattern, median);
        return n == 1 ? m : m + " (" + String.format(Locale.ROOT, pattern, min) + "–"
                + String.format(Locale.ROOT, pattern, max) + ")";
    }
}
