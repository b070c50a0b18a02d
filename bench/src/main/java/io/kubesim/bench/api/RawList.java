package io.kubesim.bench.api;

import io.kubesim.bench.measure.Check;
import io.kubesim.bench.measure.Latencies;
import io.kubesim.bench.measure.RunResults;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The list of every pod as raw bytes over one JDK HTTP/1.1 connection, one call at a time: the
 * server's list latency without the fabric8 client's decoding (which dominates a large list on
 * the client side).
 */
final class RawList {

    private RawList() {
    }

    static void run(String server, String url, PodFixtures pods, int calls, RunResults out) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/namespaces/" + pods.namespace() + "/pods"))
                .header("Accept", "application/json").timeout(Duration.ofMinutes(2)).build();
        Latencies latencies = new Latencies(calls);
        long bytes = 0;
        String problem = null;
        latencies.start();
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                long n;
                try (InputStream in = r.body()) {
                    n = in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                latencies.record(System.nanoTime() - t0);
                bytes = n;
                if (r.statusCode() != 200) {
                    problem = "HTTP " + r.statusCode();
                }
            } catch (Exception e) {
                latencies.error();
                problem = e.toString();
            }
        }
        latencies.stop();
        out.add(latencies.result(server, "list-all-raw"));
        out.add(new Check(server, "list-all-raw", "the raw list answers 200", problem == null,
                problem == null ? pods.count() + " pods in " + bytes + " bytes" : problem));
    }
}
