package io.kubesim.bench.api;

import io.kubesim.bench.measure.Metric;
import io.kubesim.bench.measure.RunResults;
import io.kubesim.bench.report.Report;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kubesim's own watch delivery latency of a phase: the pods' {@code kubesim_watch_event_delivery_seconds} histogram
 * (commit to event written, per watcher) scraped from {@code /metrics} before and after, the difference read as
 * Prometheus' {@code histogram_quantile} reads it (linear within a bucket). Next to the benchmark's write→event
 * latency it splits a delivery into kubesim's part and the rest (the writing client before the commit, the network,
 * and the watching client reading and decoding, which on 2 shared cores mostly waits for a core).
 */
final class ServerSideDelivery {

    private static final Pattern BUCKET = Pattern.compile(
            "^kubesim_watch_event_delivery_seconds_bucket\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Cumulative counts by upper bound (+Inf as {@link Double#POSITIVE_INFINITY}). */
    private final TreeMap<Double, Double> buckets;

    private ServerSideDelivery(TreeMap<Double, Double> buckets) {
        this.buckets = buckets;
    }

    /** The pods' histogram as the server reports it now; empty when it has none (another server, or no event yet). */
    static ServerSideDelivery scrape(String url) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? parse(r.body()) : new ServerSideDelivery(new TreeMap<>());
        } catch (IOException e) {
            return new ServerSideDelivery(new TreeMap<>());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ServerSideDelivery(new TreeMap<>());
        }
    }

    static ServerSideDelivery parse(String text) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        Matcher m = BUCKET.matcher(text);
        while (m.find()) {
            String labels = m.group(1);
            Matcher le = LE.matcher(labels);
            if (labels.contains("resource=\"pods\"") && labels.contains("group=\"\"") && le.find()) {
                double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                buckets.put(bound, Double.parseDouble(m.group(2)));
            }
        }
        return new ServerSideDelivery(buckets);
    }

    /** The deliveries observed since {@code before}, by upper bound. */
    ServerSideDelivery since(ServerSideDelivery before) {
        TreeMap<Double, Double> d = new TreeMap<>();
        buckets.forEach((le, n) -> d.put(le, n - before.buckets.getOrDefault(le, 0.0)));
        return new ServerSideDelivery(d);
    }

    double count() {
        return buckets.isEmpty() ? 0 : buckets.lastEntry().getValue();
    }

    /** The {@code q} quantile in milliseconds, linear within its bucket (the last finite bound if it falls in +Inf). */
    double quantileMs(double q) {
        double rank = q * count();
        double lower = 0;
        double below = 0;
        for (Map.Entry<Double, Double> b : buckets.entrySet()) {
            if (b.getValue() >= rank) {
                if (b.getKey().isInfinite()) {
                    return lower * 1000;
                }
                double inBucket = b.getValue() - below;
                double at = inBucket <= 0 ? 1 : (rank - below) / inBucket;
                return (lower + (b.getKey() - lower) * at) * 1000;
            }
            lower = b.getKey();
            below = b.getValue();
        }
        return lower * 1000;
    }

    /** The share (percent) of deliveries within {@code seconds}, a bucket bound. */
    double percentWithin(double seconds) {
        Double n = buckets.get(seconds);
        return n == null || count() == 0 ? Double.NaN : 100 * n / count();
    }

    /**
     * Adds the phase's server-side p50, p99, count and share within 10 ms (when kubesim reported any), and checks that
     * kubesim observed each delivery the watchers saw exactly once.
     */
    void report(String server, String phase, int seen, RunResults out) {
        if (count() == 0) {
            return;
        }
        out.add(new Metric(Report.SERVER_SIDE + server, phase + " p50", quantileMs(0.50), "ms"));
        out.add(new Metric(Report.SERVER_SIDE + server, phase + " p99", quantileMs(0.99), "ms"));
        out.add(new Metric(Report.SERVER_SIDE + server, phase + " requests", count(), "deliveries"));
        out.add(new Metric(Report.SERVER_SIDE + server, phase + " within 10 ms", percentWithin(0.01), "%"));
        out.expect(server, phase, "kubesim observed each delivery once (kubesim_watch_event_delivery_seconds)",
                (long) seen, (long) count());
    }
}
