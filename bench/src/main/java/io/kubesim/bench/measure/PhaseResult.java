package io.kubesim.bench.measure;

import java.util.Locale;

/**
 * One phase of one run against one server.
 *
 * @param server  "kubesim" or "mock" (or a cluster scenario name)
 * @param phase   the phase's name, e.g. "create"
 * @param ops     operations measured
 * @param errors  operations that failed (not in the latencies)
 * @param seconds the phase's wall time
 * @param opsPerSecond ops / seconds
 * @param p50Ms   median latency, milliseconds
 * @param p99Ms   99th percentile latency, milliseconds
 * @param maxMs   largest latency, milliseconds
 */
public record PhaseResult(String server, String phase, int ops, int errors, double seconds, double opsPerSecond,
                          double p50Ms, double p99Ms, double maxMs) {

    static final String HEADER = "server\tphase\tops\terrors\tseconds\tops_per_s\tp50_ms\tp99_ms\tmax_ms";

    String toTsv() {
        return String.format(Locale.ROOT, "%s\t%s\t%d\t%d\t%.4f\t%.2f\t%.4f\t%.4f\t%.4f",
                server, phase, ops, errors, seconds, opsPerSecond, p50Ms, p99Ms, maxMs);
    }

    static PhaseResult fromTsv(String line) {
        String[] f = line.split("\t");
        return new PhaseResult(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), Double.parseDouble(f[4]),
                Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8]));
    }
}
