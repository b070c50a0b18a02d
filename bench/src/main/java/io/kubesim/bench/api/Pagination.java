package io.kubesim.bench.api;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubesim.bench.measure.Check;
import io.kubesim.bench.measure.Latencies;
import io.kubesim.bench.measure.RunResults;

import java.util.HashSet;
import java.util.Set;

/**
 * Walks the pods with {@code limit} and {@code continue} several times, timing every page, and
 * checks that a walk returns every pod exactly once in pages no larger than the limit.
 */
final class Pagination {

    private final String server;
    private final KubernetesClient client;
    private final PodFixtures pods;
    private final ApiWorkload.Settings settings;
    private final RunResults out;

    Pagination(String server, KubernetesClient client, PodFixtures pods, ApiWorkload.Settings settings, RunResults out) {
        this.server = server;
        this.client = client;
        this.pods = pods;
        this.settings = settings;
        this.out = out;
    }

    void run() {
        int limit = settings.pageSize();
        int expectedPages = (pods.count() + limit - 1) / limit;
        Latencies pages = new Latencies(settings.pagePasses() * (expectedPages + 2));
        String problem = null;
        int largestPage = 0;
        int walkPages = 0;
        pages.start();
        for (int pass = 0; pass < settings.pagePasses(); pass++) {
            Set<String> seen = new HashSet<>();
            int duplicates = 0;
            walkPages = 0;
            String token = null;
            do {
                long t0 = System.nanoTime();
                PodList page;
                try {
                    page = client.pods().inNamespace(pods.namespace()).list(new ListOptionsBuilder()
                            .withLimit((long) limit).withContinue(token).build());
                } catch (RuntimeException e) {
                    pages.error();
                    problem = "page request failed: " + e.getMessage();
                    break;
                }
                pages.record(System.nanoTime() - t0);
                walkPages++;
                largestPage = Math.max(largestPage, page.getItems().size());
                for (Pod p : page.getItems()) {
                    if (!seen.add(p.getMetadata().getName())) {
                        duplicates++;
                    }
                }
                token = page.getMetadata() == null ? null : page.getMetadata().getContinue();
            } while (token != null && !token.isEmpty() && walkPages <= expectedPages + 1);
            if (problem == null && (duplicates > 0 || !seen.equals(pods.all()))) {
                problem = "a walk returned " + seen.size() + " distinct pods of " + pods.count()
                        + " with " + duplicates + " duplicates";
            }
        }
        pages.stop();
        out.add(pages.result(server, "list-paginated"));
        out.add(new Check(server, "list-paginated", "a walk returns every pod exactly once", problem == null,
                problem == null ? pods.count() + " pods in " + walkPages + " pages, every walk" : problem));
        out.add(new Check(server, "list-paginated", "pages respect limit=" + limit, largestPage <= limit
                && walkPages == expectedPages, "expected " + expectedPages + " pages of at most " + limit
                + ", got " + walkPages + " page(s), the largest with " + largestPage + " items"));
    }
}
