package io.kubesim.bench.api;

import io.kubesim.bench.measure.Latencies;
import io.kubesim.bench.measure.Metric;
import io.kubesim.bench.measure.PhaseResult;
import io.kubesim.bench.measure.RunResults;
import io.kubesim.bench.report.Report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each phase's latencies as the server measured them, from kubesim's request log (one line per request on the
 * {@code io.kubesim.requests} logger: verb, path, code, latency, timed inside its request filter, as kube-apiserver
 * times {@code apiserver_request_duration_seconds} inside its handlers). Next to the benchmark's own latencies they
 * split a phase's time into the server's and the rest (the clients, Tomcat around the filter, the network stack and
 * the scheduler of the shared cores).
 */
final class ServerSideLatencies {

    /** kubesim's text request line after Spring Boot's default log pattern: time first, then the request. */
    private static final Pattern LINE = Pattern.compile(
            "^(\\S+)\\s+INFO .*io\\.kubesim\\.requests\\s*: (\\S+) (\\S+) (\\d{3}) ([\\d.]+)ms ");

    private ServerSideLatencies() {
    }

    /**
     * Adds, per window, the server-side p50, p99 and the number of requests found as metrics under
     * {@link Report#SERVER_SIDE}{@code + server}; nothing when the log holds no request lines (another log format).
     */
    static void add(Path log, String namespace, List<RequestWindow> windows, String server, RunResults out) {
        Map<RequestWindow, PhaseResult> found = new LinkedHashMap<>();
        read(log, "/api/v1/namespaces/" + namespace + "/pods", windows)
                .forEach((w, latencies) -> found.put(w, latencies.result(server, w.phase())));
        if (found.values().stream().allMatch(r -> r.ops() == 0)) {
            System.err.println("no request lines of the measured phases in " + log + " (another log format or level?)");
            return;
        }
        found.forEach((w, r) -> {
            out.add(new Metric(Report.SERVER_SIDE + server, w.phase() + " p50", r.p50Ms(), "ms"));
            out.add(new Metric(Report.SERVER_SIDE + server, w.phase() + " p99", r.p99Ms(), "ms"));
            out.add(new Metric(Report.SERVER_SIDE + server, w.phase() + " requests", r.ops(), "requests"));
            out.phases().stream().filter(p -> p.server().equals(server) && p.phase().equals(w.phase())).findFirst()
                    .ifPresent(p -> out.expect(server, w.phase(), "kubesim's request log holds each request of the"
                            + " phase once", p.ops() + p.errors(), r.ops()));
        });
    }

    static Map<RequestWindow, Latencies> read(Path log, String podsPath, List<RequestWindow> windows) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<RequestWindow, Latencies> found = new LinkedHashMap<>();
        windows.forEach(w -> found.put(w, new Latencies(lines.size())));
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (!m.find()) {
                continue;
            }
            long at;
            try {
                at = OffsetDateTime.parse(m.group(1)).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                continue;
            }
            for (RequestWindow w : windows) {
                if (w.holds(at, m.group(2), m.group(3), podsPath)) {
                    found.get(w).record((long) (Double.parseDouble(m.group(5)) * 1e6));
                    break;
                }
            }
        }
        return found;
    }
}
