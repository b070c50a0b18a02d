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
import io.kubesim.bench.measure.RunQueueWait;
import io.kubesim.bench.measure.RunResults;
import io.kubesim.bench.measure.Workers;
import io.kubesim.bench.report.Report;
import io.kubesim.bench.servers.Clients;
import io.kubesim.bench.servers.ServerProcess;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The same API workload for any server: create N pods with C concurrent clients, get each, list
 * (all, equality selector, set-based selector), paginate, replace each, update each status, a
 * paced watch probe, delete all. Each phase's latencies and each correctness check go to
 * {@link RunResults}.
 */
public final class ApiWorkload implements AutoCloseable {

    private static final String MEASURED_NAMESPACE = "bench";

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
    private final String server;
    private final String url;
    private final ServerProcess process;
    private final List<KubernetesClient> clients = new ArrayList<>();
    private final List<RequestWindow> windows = new ArrayList<>();

    /**
     * Opens the clients (kept across the warm-up and the measured pass, as their connections are).
     *
     * @param server  the name the results are reported under
     * @param process the server, started
     */
    public ApiWorkload(Settings settings, RunResults results, String server, ServerProcess process) {
        this.settings = settings;
        this.results = results;
        this.server = server;
        this.url = process.url();
        this.process = process;
        for (int i = 0; i < settings.clients(); i++) {
            clients.add(Clients.of(url, settings.clients(), settings.httpClient()));
        }
    }

    /** Every phase with {@code warmup} pods in their own namespace, nothing reported. */
    public void warmUp() {
        if (settings.warmup() > 0) {
            new Phases(new PodFixtures("bench-warmup", "warm", settings.warmup()), null).all();
        }
    }

    /** Every phase with N pods, reported. */
    public void measure() {
        new Phases(new PodFixtures(MEASURED_NAMESPACE, "bench", settings.pods()), results).all();
    }

    /**
     * Adds what the server itself measured per phase, from its request log (kubesim's; the mock keeps none), to the
     * results; call after {@link #measure}.
     */
    public void addServerSide(Path requestLog) {
        ServerSideLatencies.add(requestLog, MEASURED_NAMESPACE, windows, server, results);
    }

    @Override
    public void close() {
        clients.forEach(KubernetesClient::close);
        clients.clear();
    }

    /** One pass of the workload; with {@code out == null} nothing is reported (warm-up). */
    private final class Phases {
        private final PodFixtures pods;
        private final RunResults out;
        private final boolean measured;
        private final Workers workers;
        private final Pod[] created;
        private final Pod[] current;

        Phases(PodFixtures pods, RunResults out) {
            this.pods = pods;
            this.measured = out != null;
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
            timed("list-all-raw", "LIST", 0, () -> RawList.run(server, url, pods, settings.lists(), out));
            lists("list-equality", PodFixtures.EQUALITY_SELECTOR, pods.equalityMatches());
            lists("list-set", PodFixtures.SET_SELECTOR, pods.setMatches());
            timed("list-paginated", "LIST", 0, () -> new Pagination(server, c, pods, settings, out).run());
            replace();
            status();
            WatchProbe probe = new WatchProbe(server, url, clients, pods, current, settings, out);
            int writes = Math.min(settings.watchWrites(), pods.count());
            timed("write-paced", "PUT", writes, () -> probe.run(1, "watch", "write-paced"));
            if (settings.watchers() > 1) {
                String suffix = "-" + settings.watchers();
                timed("write-paced" + suffix, "PUT", writes, () -> probe.run(settings.watchers(), "watch" + suffix,
                        "write-paced" + suffix));
            }
            delete();
        }

        /**
         * Runs {@code run} and, when measured, remembers its window for the server-side latencies of {@code verb}s
         * and, for {@code ops > 0}, reports what each of its {@code ops} operations cost (see {@link Cost}).
         */
        private void timed(String phase, String verb, int ops, Runnable run) {
            Cost cost = new Cost();
            windowed(phase, verb, false, () -> {
                run.run();
                return null;
            });
            if (measured) {
                cost.report(phase, ops);
            }
        }

        /** Runs {@code run} and, when measured, remembers its window for the server-side latencies of {@code verb}s. */
        private <T> T windowed(String phase, String verb, boolean status, Supplier<T> run) {
            long start = System.currentTimeMillis();
            T result = run.get();
            if (measured) {
                windows.add(new RequestWindow(phase, verb, status, start, System.currentTimeMillis()));
            }
            return result;
        }

        /**
         * What a phase's operations cost, from its start to {@link #report}: CPU time (user + system) of the server's
         * process and of the benchmark's own (the clients'), and how long each one's threads waited for a core, in
         * microseconds per operation.
         */
        private final class Cost {
            private final long serverCpuMillis = process.cpuMillis();
            private final long clientCpuNanos = CLIENT_CPU.getProcessCpuTime();
            private final RunQueueWait serverWait = RunQueueWait.of(process.pid());
            private final RunQueueWait clientWait = RunQueueWait.of(ProcessHandle.current().pid());

            void report(String phase, int ops) {
                if (ops <= 0) {
                    return;
                }
                double serverCpu = (process.cpuMillis() - serverCpuMillis) * 1000.0;
                double clientCpu = (CLIENT_CPU.getProcessCpuTime() - clientCpuNanos) / 1000.0;
                out.add(new Metric(Report.CPU + server, phase + " server", serverCpu / ops, "µs"));
                out.add(new Metric(Report.CPU + server, phase + " client", clientCpu / ops, "µs"));
                out.add(new Metric(Report.CPU + server, phase + " server, waiting for a core",
                        serverWait.nanos() / 1000.0 / ops, "µs"));
                out.add(new Metric(Report.CPU + server, phase + " client, waiting for a core",
                        clientWait.nanos() / 1000.0 / ops, "µs"));
            }
        }

        private KubernetesClient client(int worker) {
            return clients.get(worker);
        }

        /** Runs one phase and reports its latencies and what each operation cost (see {@link Cost}). */
        private void phase(String phase, String verb, boolean status, Supplier<Latencies> run) {
            Cost cost = new Cost();
            Latencies latencies = windowed(phase, verb, status, run);
            PhaseResult result = latencies.result(server, phase);
            out.add(result);
            cost.report(phase, result.ops());
            if (latencies.errors() > 0) {
                out.add(new Check(server, phase, "requests succeed", false,
                        latencies.errors() + " failed, e.g. " + workers.lastErrors()));
            }
        }

        private void create() {
            phase("create", "POST", false, () -> workers.run(pods.count(), (w, i) ->
                    created[i] = client(w).pods().inNamespace(pods.namespace()).resource(pods.pod(i)).create()));
            System.arraycopy(created, 0, current, 0, created.length);
        }

        private void get() {
            AtomicInteger wrong = new AtomicInteger();
            phase("get", "GET", false, () -> workers.run(pods.count(), (w, i) -> {
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
            phase(phase, "LIST", false, () -> workers.run(settings.lists(), (w, i) -> {
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
            phase("replace", "PUT", false, () -> workers.run(pods.count(), (w, i) -> {
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
            phase("status", "PUT", true, () -> workers.run(pods.count(), (w, i) -> {
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
            phase("delete", "DELETE", false, () -> workers.run(pods.count(), (w, i) ->
                    client(w).pods().inNamespace(pods.namespace()).withName(pods.name(i)).delete()));
            int left = clients.get(0).pods().inNamespace(pods.namespace()).list().getItems().size();
            out.expect(server, "delete", "no pod is left after deleting each", 0, left);
        }
    }
}
