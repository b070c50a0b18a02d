package io.kubesim.bench.measure;

import java.util.Locale;

/**
 * A single named number from a cluster benchmark (a duration, a heap size, a CPU share...).
 *
 * @param scenario the scenario, e.g. "steady-state"
 * @param name     what was measured, e.g. "heap after GC"
 * @param value    the number
 * @param unit     its unit, e.g. "MiB", "ms", "%"
 */
public record Metric(String scenario, String name, double value, String unit) {

    static final String HEADER = "scenario\tmetric\tvalue\tunit";

    String toTsv() {
        return String.format(Locale.ROOT, "%s\t%s\t%.4f\t%s", scenario, name, value, unit);
    }

    static Metric fromTsv(String line) {
        String[] f = line.split("\t", -1);
        return new Metric(f[0], f[1], Double.parseDouble(f[2]), f[3]);
    }
}
