package io.kubesim.bench.api;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubesim.bench.measure.Check;
import io.kubesim.bench.measure.Latencies;
import io.kubesim.bench.measure.Metric;
import io.kubesim.bench.measure.PhaseResult;
import io.kubesim.bench.measure.RunResults;
import io.kubesim.bench.measure.Workers;
import io.kubesim.bench.report.Report;
import io.kubesim.bench.servers.Clients;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The same API workload for any server: create N pods with C concurrent clients, get each, list
 * (all, equality selector, set-based selector), paginate, replace each, update each status, a
 * paced watch probe, delete all. Each phase's latencies and each correctness check go to
 * {@link RunResults}.
 */
public final class ApiWorkload {

    private static final com.sun.management.OperatingSystemMXBean CLIENT_CPU =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /**
     * @param pods        N, pods created, read, replaced, status-updated and deleted
     * @param clients     C, concurrent clients (one fabric8 client and one thread each)
     * @param lists       list calls per list phase
     * @param pageSize    limit of the paginated list
     * @param pagePasses  full paginated walks
     * @param watchWrites writes observed by the watch probe (at most N)
     * @param watchRate   writes per second during the watch probe (paced, open loop)
     * @param warmup      pods created, read, listed, replaced and deleted before measuring
     * @param httpClient  fabric8's HTTP client: {@code jdk} or {@code vertx}
     */
    public record Settings(int pods, int clients, int lists, int pageSize, int pagePasses, int watchWrites,
                           int watchRate, int watchers, int warmup, String httpClient) {
    }

    private final Settings settings;
    private final RunResults results;

    public ApiWorkload(Settings settings, RunResults results) {
        this.settings = settings;
        this.results = results;
    }

    /** Runs every phase against the server at {@code url}, reported under {@code server}. */
    public void run(String server, String url, LongSupplier serverCpuMillis) {
        List<KubernetesClient> clients = new ArrayList<>();
        for (int i = 0; i < settings.clients(); i++) {
            clients.add(Clients.of(url, settings.clients(), settings.httpClient()));
        }
        try {
            if (settings.warmup() > 0) {
                new Phases(server, url, clients, new PodFixtures("bench-warmup", "warm", settings.warmup()), null,
                        serverCpuMillis).all();
            }
            new Phases(server, url, clients, new PodFixtures("bench", "bench", settings.pods()), results, serverCpuMillis)
                    .all();
        } finally {
            clients.forEach(KubernetesClient::close);
        }
    }

    /** One pass of the workload; with {@code out == null} nothing is reported (warm-up). */
    private final class Phases {
        private final String server;
        private final List<KubernetesClient> clients;
        private final PodFixtures pods;
        private final RunResults out;
        private final Workers workers;
        private final Pod[] created;
        private final Pod[] current;

        private final String url;
        private final LongSupplier serverCpuMillis;

        Phases(String server, String url, List<KubernetesClient> clients, PodFixtures pods, RunResults out,
               LongSupplier serverCpuMillis) {
            this.server = server;
            this.serverCpuMillis = serverCpuMillis;
            this.url = url;
            this.clients = clients;
            this.pods = pods;
            this.out = out == null ? new RunResults(false) : out;
            this.workers = new Workers(clients.size());
            this.created = new Pod[pods.count()];
            this.current = new Pod[pods.count()];
        }

        void all() {
            KubernetesClient c = clients.get(0);
            try {
                c.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(pods.namespace())
                        .endMetadata().build()).create();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
            }
            create();
            get();
            lists("list-all", null, pods.all());
            RawList.run(server, url, pods, settings.lists(), out);
            lists("list-equality", PodFixtures.EQUALITY_SELECTOR, pods.equalityMatches());
            lists("list-set", PodFixtures.SET_SELECTOR, pods.setMatches());
            new Pagination(server, c, pods, settings, out).run();
            replace();
            status();
            WatchProbe probe = new WatchProbe(server, clients, pods, current, settings, out);
            probe.run(1, "watch", "write-paced");
            if (settings.watchers() > 1) {
                probe.run(settings.watchers(), "watch-" + settings.watchers(), "write-paced-" + settings.watchers());
            }
            delete();
        }

        private KubernetesClient client(int worker) {
            return clients.get(worker);
        }

        /**
         * Runs one phase and reports its latencies and the CPU each operation cost the server's process and the
         * benchmark's own (the clients'), in microseconds.
         */
        private void phase(String phase, Supplier<Latencies> run) {
            long server0 = serverCpuMillis.getAsLong();
            long client0 = CLIENT_CPU.getProcessCpuTime();
            Latencies latencies = run.get();
            long serverMillis = serverCpuMillis.getAsLong() - server0;
            long clientNanos = CLIENT_CPU.getProcessCpuTime() - client0;
            PhaseResult result = latencies.result(server, phase);
            out.add(result);
            if (result.ops() > 0) {
                out.add(new Metric(Report.CPU + server, phase + " server", serverMillis * 1000.0 / result.ops(), "µs"));
                out.add(new Metric(Report.CPU + server, phase + " client", clientNanos / 1000.0 / result.ops(), "µs"));
            }
            if (latencies.errors() > 0) {
                out.add(new Check(server, phase, "requests succeed", false,
                        latencies.errors() + " failed, e.g. " + workers.lastErrors()));
            }
        }

        private void create() {
            phase("create", () -> workers.run(pods.count(), (w, i) ->
                    created[i] = client(w).pods().inNamespace(pods.namespace()).resource(pods.pod(i)).create()));
            System.arraycopy(created, 0, current, 0, created.length);
        }

        private void get() {
            AtomicInteger wrong = new AtomicInteger();
            phase("get", () -> workers.run(pods.count(), (w, i) -> {
                Pod p = client(w).pods().inNamespace(pods.namespace()).withName(pods.name(i)).get();
                if (p == null || !PodFixtures.labels(i).equals(p.getMetadata().getLabels())) {
                    wrong.incrementAndGet();
                }
            }));
            out.expect(server, "get", "each get returns the pod with its labels", 0, wrong.get());
        }

        private void lists(String phase, String selector, Set<String> expected) {
            AtomicInteger wrong = new AtomicInteger();
            AtomicReference<String> example = new AtomicReference<>("");
            phase(phase, () -> workers.run(settings.lists(), (w, i) -> {
                PodList list = client(w).pods().inNamespace(pods.namespace())
                        .list(new ListOptionsBuilder().withLabelSelector(selector).build());
                Set<String> names = new TreeSet<>();
                list.getItems().forEach(p -> names.add(p.getMetadata().getName()));
                if (!names.equals(expected) || list.getItems().size() != expected.size()) {
                    wrong.incrementAndGet();
                    example.set(list.getItems().size() + " items (" + names.size() + " distinct)");
                }
            }));
            String what = selector == null ? "list returns every pod" : "selector '" + selector + "' returns exactly the matching pods";
            out.add(new Check(server, phase, what, wrong.get() == 0, wrong.get() == 0
                    ? expected.size() + " items every time"
                    : wrong.get() + " of " + settings.lists() + " lists wrong: expected " + expected.size()
                    + " items, got " + example.get()));
        }

        private void replace() {
            phase("replace", () -> workers.run(pods.count(), (w, i) -> {
                Pod p = current[i];
                p.getMetadata().getAnnotations().put("bench.kubesim.io/replaced", "true");
                current[i] = client(w).pods().inNamespace(pods.namespace()).resource(p).update();
            }));
            Pod stale = created[0];
            stale.getMetadata().getAnnotations().put("bench.kubesim.io/stale", "true");
            Object outcome;
            try {
                clients.get(0).pods().inNamespace(pods.namespace()).resource(stale).update();
                outcome = "accepted";
            } catch (KubernetesClientException e) {
                outcome = e.getCode();
            }
            out.expect(server, "replace", "replace with a stale resourceVersion is a 409 Conflict", 409, outcome);
        }

        private void status() {
            phase("status", () -> workers.run(pods.count(), (w, i) -> {
                Pod p = current[i];
                p.setStatus(new PodStatusBuilder().withPhase("Running").withPodIP("10.244.0." + (i % 250 + 1))
                        .addNewCondition().withType("Ready").withStatus("True").endCondition().build());
                current[i] = client(w).pods().inNamespace(pods.namespace()).resource(p).updateStatus();
            }));
            Pod p = clients.get(0).pods().inNamespace(pods.namespace()).withName(pods.name(0)).get();
            String phase = p == null || p.getStatus() == null ? null : p.getStatus().getPhase();
            out.expect(server, "status", "a status update is stored", "Running", String.valueOf(phase));
        }

        private void delete() {
            phase("delete", () -> workers.run(pods.count(), (w, i) ->
                    client(w).pods().inNamespace(pods.namespace()).withName(pods.name(i)).delete()));
            int left = clients.get(0).pods().inNamespace(pods.namespace()).list().getItems().size();
            out.expect(server, "delete", "no pod is left after deleting each", 0, left);
        }
    }
}
