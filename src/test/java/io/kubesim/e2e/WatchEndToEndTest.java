package io.kubesim.e2e;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.kubesim.support.ApiTestBase;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Watch semantics through fabric8 and raw HTTP: resume points, order, 410, selectors, bookmarks. */
class WatchEndToEndTest extends ApiTestBase {

    private ConfigMap cm(String name, String label) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).addToLabels("sel", label).endMetadata()
                .addToData("v", "0").build();
    }

    /** Records events as "TYPE name rv". */
    static final class Recorder implements Watcher<ConfigMap> {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<Long> revisions = new CopyOnWriteArrayList<>();

        @Override
        public void eventReceived(Action action, ConfigMap resource) {
            if (action == Action.BOOKMARK) {
                return;
            }
            events.add(action + " " + resource.getMetadata().getName() + " " + resource.getMetadata().getResourceVersion());
            revisions.add(Long.parseLong(resource.getMetadata().getResourceVersion()));
        }

        @Override
        public void onClose(WatcherException cause) {
        }
    }

    @Test
    void aWatchFromAResourceVersionGetsExactlyTheLaterEventsInOrder() {
        ConfigMap a = client.configMaps().resource(cm("a", "x")).create();
        String from = a.getMetadata().getResourceVersion();
        ConfigMap b = client.configMaps().resource(cm("b", "x")).create();
        ConfigMap a2 = client.configMaps().withName("a").edit(c -> {
            c.getData().put("v", "1");
            return c;
        });
        client.configMaps().withName("b").delete();
        Recorder r = new Recorder();
        try (Watch w = client.configMaps().watch(new ListOptionsBuilder().withResourceVersion(from).build(), r)) {
            ConfigMap c = client.configMaps().resource(cm("c", "x")).create();
            await().atMost(Duration.ofSeconds(10)).until(() -> r.events.size() >= 4);
            assertThat(r.events.get(0)).isEqualTo("ADDED b " + b.getMetadata().getResourceVersion());
            assertThat(r.events.get(1)).isEqualTo("MODIFIED a " + a2.getMetadata().getResourceVersion());
            assertThat(r.events.get(2)).startsWith("DELETED b ");
            assertThat(r.events.get(3)).isEqualTo("ADDED c " + c.getMetadata().getResourceVersion());
            assertThat(r.revisions).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void aSelectedWatchSeesTheDeletionOfWhatItSelects() {
        client.configMaps().resource(cm("gone", "in")).create();
        client.configMaps().resource(cm("other", "out")).create();
        Recorder r = new Recorder();
        try (Watch w = client.configMaps().withLabel("sel", "in").watch(r)) {
            client.configMaps().withName("other").delete();
            client.configMaps().withName("gone").delete();
            await().atMost(Duration.ofSeconds(10)).until(() -> r.events.size() >= 2);
            // the initial state, then the deletion; the other object's deletion is not selected
            assertThat(r.events).extracting(e -> e.substring(0, e.lastIndexOf(' ')))
                    .containsExactly("ADDED gone", "DELETED gone");
        }
    }

    @Test
    void selectorsTranslateEnterAndLeaveIntoAddedAndDeleted() {
        client.configMaps().resource(cm("a", "out")).create();
        Recorder r = new Recorder();
        try (Watch w = client.configMaps().withLabel("sel", "in").watch(r)) {
            client.configMaps().withName("a").edit(c -> {
                c.getMetadata().getLabels().put("sel", "in");
                return c;
            });
            client.configMaps().withName("a").edit(c -> {
                c.getData().put("v", "2");
                return c;
            });
            client.configMaps().withName("a").edit(c -> {
                c.getMetadata().getLabels().put("sel", "out");
                return c;
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> r.events.size() >= 3);
            assertThat(r.events).extracting(e -> e.split(" ")[0]).containsExactly("ADDED", "MODIFIED", "DELETED");
        }
    }

    @Test
    void timeoutSecondsEndsTheStreamWithABookmark() {
        client.configMaps().resource(cm("a", "x")).create();
        var response = http.get("/api/v1/namespaces/" + namespace
                + "/configmaps?watch=true&timeoutSeconds=1&allowWatchBookmarks=true");
        List<String> lines = response.body().lines().toList();
        assertThat(lines.get(0)).startsWith("{\"type\":\"ADDED\"");
        assertThat(lines).anyMatch(l -> l.contains("\"k8s.io/initial-events-end\":\"true\""));
        assertThat(lines.get(lines.size() - 1)).startsWith("{\"type\":\"BOOKMARK\"");
    }

    @Test
    void sendInitialEventsEndsTheBurstWithTheAnnotatedBookmark() {
        client.configMaps().resource(cm("a", "x")).create();
        client.configMaps().resource(cm("b", "x")).create();
        var response = http.get("/api/v1/namespaces/" + namespace + "/configmaps?watch=true&timeoutSeconds=1"
                + "&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true");
        List<String> lines = response.body().lines().toList();
        assertThat(lines.get(0)).contains("\"name\":\"a\"");
        assertThat(lines.get(1)).contains("\"name\":\"b\"");
        assertThat(lines.get(2)).startsWith("{\"type\":\"BOOKMARK\"").contains("\"k8s.io/initial-events-end\":\"true\"");
        var invalid = http.get("/api/v1/namespaces/" + namespace + "/configmaps?watch=true&sendInitialEvents=true");
        assertThat(invalid.code()).isEqualTo(422);
        assertThat(invalid.json().path("message").asString()).isEqualTo("ListOptions.meta.k8s.io \"\" is invalid: "
                + "resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan");
    }

    @Test
    void theLegacyWatchPathAndNameSelectorWatchOneObject() throws Exception {
        client.configMaps().resource(cm("a", "x")).create();
        client.configMaps().resource(cm("b", "x")).create();
        var response = http.get("/api/v1/watch/namespaces/" + namespace + "/configmaps/b?timeoutSeconds=1");
        assertThat(response.body().lines().toList()).singleElement().satisfies(l -> assertThat(l).contains("\"name\":\"b\""));
        var mismatch = http.get("/api/v1/watch/namespaces/" + namespace + "/configmaps/b?fieldSelector=metadata.name%3Da");
        assertThat(mismatch.code()).isEqualTo(400);
        assertThat(mismatch.json().path("message").asString()).isEqualTo("fieldSelector metadata.name doesn't match requested name");
    }

    @Test
    void concurrentWritersAndWatchersSeeEveryChangeOnceInOrder() throws Exception {
        String from = client.configMaps().list().getMetadata().getResourceVersion();
        int watchers = 4;
        int writers = 4;
        int perWriter = 25;
        List<Recorder> recorders = new ArrayList<>();
        List<Watch> watches = new ArrayList<>();
        for (int i = 0; i < watchers; i++) {
            Recorder r = new Recorder();
            recorders.add(r);
            watches.add(client.configMaps().watch(new ListOptionsBuilder().withResourceVersion(from).build(), r));
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<List<Long>>> written = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int id = w;
            written.add(pool.submit(() -> {
                List<Long> revs = new ArrayList<>();
                for (int i = 0; i < perWriter; i++) {
                    ConfigMap c = client.configMaps().resource(cm("w" + id + "-" + i, "x")).create();
                    revs.add(Long.parseLong(c.getMetadata().getResourceVersion()));
                    ConfigMap m = client.configMaps().withName("w" + id + "-" + i).edit(x -> {
                        x.getData().put("v", "1");
                        return x;
                    });
                    revs.add(Long.parseLong(m.getMetadata().getResourceVersion()));
                }
                return revs;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : written) {
            all.addAll(f.get());
        }
        pool.shutdown();
        Collections.sort(all);
        for (Recorder r : recorders) {
            await().atMost(Duration.ofSeconds(20)).until(() -> r.revisions.size() >= all.size());
            assertThat(r.revisions).containsExactlyElementsOf(all);
        }
        watches.forEach(Watch::close);
    }

    @Test
    void manyConcurrentWatchConnectionsAllReceiveAWrite() throws Exception {
        int connections = 200;
        HttpClient hc = HttpClient.newBuilder().build();
        List<java.util.concurrent.CompletableFuture<HttpResponse<java.io.InputStream>>> streams = new ArrayList<>();
        String rv = client.configMaps().list().getMetadata().getResourceVersion();
        for (int i = 0; i < connections; i++) {
            streams.add(hc.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/namespaces/" + namespace
                    + "/configmaps?watch=true&timeoutSeconds=30&resourceVersion=" + rv)).build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
        }
        List<BufferedReader> readers = new ArrayList<>();
        for (var s : streams) {
            readers.add(new BufferedReader(new InputStreamReader(s.get().body(), StandardCharsets.UTF_8)));
        }
        client.configMaps().resource(cm("broadcast", "x")).create();
        for (BufferedReader r : readers) {
            assertThat(r.readLine()).startsWith("{\"type\":\"ADDED\"").contains("\"name\":\"broadcast\"");
            r.close();
        }
    }
}
