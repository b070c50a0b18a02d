package io.kubesim.bench.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Everything one run measured, kept as three TSV files in the run's folder ({@code phases.tsv},
 * {@code checks.tsv}, {@code metrics.tsv}) so that runs made by separate commands can be aggregated.
 * Thread-safe for the {@code add} methods.
 */
public final class RunResults {

    private final List<PhaseResult> phases = Collections.synchronizedList(new ArrayList<>());
    private final List<Check> checks = Collections.synchronizedList(new ArrayList<>());
    private final List<Metric> metrics = Collections.synchronizedList(new ArrayList<>());
    private final boolean print;

    /** Results that are also printed as they come. */
    public RunResults() {
        this(true);
    }

    /** @param print whether each result is printed as it comes (false for warm-up passes) */
    public RunResults(boolean print) {
        this.print = print;
    }

    public void add(PhaseResult r) {
        phases.add(r);
        if (print) System.out.printf(java.util.Locale.ROOT, "  %-8s %-16s %7d ops %4d err %10.1f ops/s  p50 %8.2f  p99 %8.2f  max %8.2f ms%n",
                r.server(), r.phase(), r.ops(), r.errors(), r.opsPerSecond(), r.p50Ms(), r.p99Ms(), r.maxMs());
    }

    public void add(Check c) {
        checks.add(c);
        if (print) System.out.printf("  %-8s %-16s %s %s: %s%n", c.server(), c.phase(), c.ok() ? "OK   " : "WRONG", c.name(), c.detail());
    }

    public void add(Metric m) {
        metrics.add(m);
        if (print) System.out.printf(java.util.Locale.ROOT, "  %-14s %-40s %12.2f %s%n", m.scenario(), m.name(), m.value(), m.unit());
    }

    /** Records a check: {@code ok} when expected equals actual. */
    public void expect(String server, String phase, String name, Object expected, Object actual) {
        boolean ok = expected.equals(actual);
        add(new Check(server, phase, name, ok, "expected " + expected + ", got " + actual));
    }

    public List<PhaseResult> phases() {
        return List.copyOf(phases);
    }

    public List<Check> checks() {
        return List.copyOf(checks);
    }

    public List<Metric> metrics() {
        return List.copyOf(metrics);
    }

    /** Writes (appends to) the run folder's TSV files. */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            append(dir.resolve("phases.tsv"), PhaseResult.HEADER, phases(), PhaseResult::toTsv);
            append(dir.resolve("checks.tsv"), Check.HEADER, checks(), Check::toTsv);
            append(dir.resolve("metrics.tsv"), Metric.HEADER, metrics(), Metric::toTsv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a run folder written by {@link #save}; missing files are empty. */
    public static RunResults load(Path dir) {
        RunResults r = new RunResults(false);
        read(dir.resolve("phases.tsv")).forEach(l -> r.phases.add(PhaseResult.fromTsv(l)));
        read(dir.resolve("checks.tsv")).forEach(l -> r.checks.add(Check.fromTsv(l)));
        read(dir.resolve("metrics.tsv")).forEach(l -> r.metrics.add(Metric.fromTsv(l)));
        return r;
    }

    private static <T> void append(Path file, String header, List<T> rows, Function<T, String> line) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            lines.add(header);
        }
        rows.forEach(r -> lines.add(line.apply(r)));
        Files.write(file, lines, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static List<String> read(Path file) {
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? List.of() : lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
