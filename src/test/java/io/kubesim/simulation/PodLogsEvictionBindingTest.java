package io.kubesim.simulation;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.kubesim.support.ClusterTestBase;
import io.kubesim.support.Http;
import io.kubesim.support.Kubectl;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** pods/log, pods/eviction (fabric8 and kubectl drain) and pods/binding against the simulated cluster. */
class PodLogsEvictionBindingTest extends ClusterTestBase {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private Pod create(String name, String behavior, String... containers) {
        PodBuilder b = new PodBuilder().withNewMetadata().withName(name)
                .withAnnotations(behavior == null ? Map.of() : Map.of("kubesim.io/behavior", behavior)).endMetadata()
                .withNewSpec().endSpec();
        for (String c : containers.length == 0 ? new String[]{"app"} : containers) {
            b.editSpec().addNewContainer().withName(c).withImage("busybox:1.36").endContainer().endSpec();
        }
        return client.pods().resource(b.build()).create();
    }

    private boolean running(String name) {
        Pod p = client.pods().withName(name).get();
        return p != null && "Running".equals(p.getStatus().getPhase());
    }

    private String logPath(String pod) {
        return "/api/v1/namespaces/" + namespace + "/pods/" + pod + "/log";
    }

    @Test
    void logsOfARunningContainerWithFilters() {
        create("printer", "app: {logs: [\"starting\", \"listening on :8080\"]}");
        await().atMost(DEADLINE).until(() -> running("printer"));

        assertThat(client.pods().withName("printer").getLog()).isEqualTo(
                "[kubesim] started container app (image busybox:1.36, restart 0)\nstarting\nlistening on :8080\n");
        Http.Response tail = http.get(logPath("printer") + "?tailLines=1");
        assertThat(tail.code()).isEqualTo(200);
        assertThat(tail.header("Content-Type")).startsWith("text/plain");
        assertThat(tail.body()).isEqualTo("listening on :8080\n");
        assertThat(http.get(logPath("printer") + "?timestamps=true").body())
                .matches("(?s)\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z \\[kubesim] started container app.*\n"
                        + "\\d{4}-\\S+Z starting\n.*");
        assertThat(http.get(logPath("printer") + "?limitBytes=4").body()).isEqualTo("[kub");

        Http.Response previous = http.get(logPath("printer") + "?previous=true");
        assertThat(previous.code()).isEqualTo(400);
        assertThat(previous.json().path("message").asString())
                .isEqualTo("previous terminated container \"app\" in pod \"printer\" not found");
        Http.Response badTail = http.get(logPath("printer") + "?tailLines=-1");
        assertThat(badTail.code()).isEqualTo(422);
        assertThat(http.get(logPath("nothing")).code()).isEqualTo(404);
    }

    @Test
    void containerMustBeNamedWhenThereAreSeveral() {
        create("two", null, "web", "sidecar");
        Http.Response r = http.get(logPath("two"));
        assertThat(r.code()).isEqualTo(400);
        assertThat(r.json().path("message").asString())
                .isEqualTo("a container name must be specified for pod two, choose one of: [web sidecar]");
        Http.Response wrong = http.get(logPath("two") + "?container=db");
        assertThat(wrong.json().path("message").asString()).isEqualTo("container db is not valid for pod two");
    }

    @Test
    void anUnscheduledPodHasNoLogsYet() {
        client.pods().resource(new PodBuilder().withNewMetadata().withName("stuck").endMetadata().withNewSpec()
                .addToNodeSelector("disk", "none").addNewContainer().withName("app").withImage("busybox").endContainer()
                .endSpec().build()).create();
        Http.Response r = http.get(logPath("stuck"));
        assertThat(r.code()).isEqualTo(400);
        assertThat(r.json().path("message").asString())
                .isEqualTo("container \"app\" in pod \"stuck\" is waiting to start: ContainerCreating");
    }

    @Test
    void previousRunAfterARestartAndFollowEndsWithTheContainer() {
        create("crashy", "app: {logs: [\"boom\"], runs: [{exitCode: 1, exitAfter: 10s}, {exitCode: 0, exitAfter: 60s}]}");
        await().atMost(DEADLINE).until(() -> {
            Pod p = client.pods().withName("crashy").get();
            return p.getStatus().getContainerStatuses() != null && !p.getStatus().getContainerStatuses().isEmpty()
                    && p.getStatus().getContainerStatuses().get(0).getRestartCount() >= 1
                    && p.getStatus().getContainerStatuses().get(0).getState().getRunning() != null;
        });
        assertThat(http.get(logPath("crashy") + "?previous=true").body()).isEqualTo(
                "[kubesim] started container app (image busybox:1.36, restart 0)\nboom\n[kubesim] exited with code 1 (Error)\n");
        // follow: the stream stays open while the second run lasts (60 simulated seconds) and ends with it
        Http.Response followed = http.get(logPath("crashy") + "?follow=true");
        assertThat(followed.code()).isEqualTo(200);
        assertThat(followed.body()).isEqualTo("[kubesim] started container app (image busybox:1.36, restart 1)\nboom\n"
                + "[kubesim] exited with code 0 (Completed)\n");
        assertThat(client.pods().withName("crashy").get().getStatus().getContainerStatuses().get(0).getState()
                .getRunning()).isNull();
    }

    @Test
    void evictionMarksTheDisruptionAndDeletesThePod() {
        create("victim", null);
        await().atMost(DEADLINE).until(() -> running("victim"));
        Http.Response mismatch = http.post("/api/v1/namespaces/" + namespace + "/pods/victim/eviction",
                "{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"other\"}}");
        assertThat(mismatch.code()).isEqualTo(400);
        assertThat(mismatch.json().path("message").asString()).isEqualTo("name in URL does not match name in Eviction object");

        assertThat(client.pods().withName("victim").evict()).isTrue();
        Pod evicted = client.pods().withName("victim").get();
        if (evicted != null) {
            PodCondition c = evicted.getStatus().getConditions().stream()
                    .filter(x -> x.getType().equals("DisruptionTarget")).findFirst().orElseThrow();
            assertThat(c.getReason()).isEqualTo("EvictionByEvictionAPI");
            assertThat(c.getMessage()).isEqualTo("Eviction API: evicting");
            assertThat(evicted.getMetadata().getDeletionTimestamp()).isNotNull();
        }
        await().atMost(DEADLINE).until(() -> client.pods().withName("victim").get() == null);
        assertThat(http.post("/api/v1/namespaces/" + namespace + "/pods/victim/eviction",
                "{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"victim\"}}").code())
                .isEqualTo(404);
    }

    @Test
    void kubectlDrainEvictsAndLogsReads() throws Exception {
        // a node of this test's own: a shared worker can carry other tests' pods, terminating with them
        String node = "drain-" + namespace;
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName(node).endMetadata().build()).create();
        try {
            Kubectl kubectl = Kubectl.against(baseUrl());
            client.pods().resource(new PodBuilder().withNewMetadata().withName("pinned")
                    .withAnnotations(Map.of("kubesim.io/behavior", "app: {logs: [\"hello from pinned\"]}")).endMetadata()
                    .withNewSpec().withNodeName(node).addNewContainer().withName("app").withImage("busybox")
                    .endContainer().endSpec().build()).create();
            await().atMost(DEADLINE).until(() -> running("pinned"));

            Kubectl.Result logs = kubectl.run("logs", "pinned", "-n", namespace);
            assertThat(logs.exitCode()).as(logs.err()).isZero();
            assertThat(logs.out()).endsWith("hello from pinned\n");

            Kubectl.Result drain = kubectl.run("drain", node, "--force", "--ignore-daemonsets",
                    "--grace-period=1", "--timeout=60s");
            assertThat(drain.exitCode()).as(drain.out() + drain.err()).isZero();
            assertThat(drain.out()).contains("node/" + node + " cordoned").contains("evicting pod " + namespace + "/pinned")
                    .contains("node/" + node + " drained");
            assertThat(client.pods().withName("pinned").get()).isNull();
            assertThat(client.nodes().withName(node).get().getSpec().getUnschedulable()).isTrue();
            Kubectl.Result uncordon = kubectl.run("uncordon", node);
            assertThat(uncordon.out()).contains("node/" + node + " uncordoned");
        } finally {
            client.nodes().withName(node).delete();
        }
    }

    @Test
    void aCustomSchedulerBindsThroughTheBindingSubresource() {
        client.pods().resource(new PodBuilder().withNewMetadata().withName("custom").endMetadata().withNewSpec()
                .withSchedulerName("my-scheduler").addNewContainer().withName("app").withImage("busybox").endContainer()
                .endSpec().build()).create();
        Http.Response bound = http.post("/api/v1/namespaces/" + namespace + "/pods/custom/binding",
                "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\"custom\"},"
                        + "\"target\":{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"name\":\"kubesim-worker2\"}}");
        assertThat(bound.code()).as(bound.body()).isEqualTo(201);
        assertThat(bound.json().path("status").asString()).isEqualTo("Success");
        await().atMost(DEADLINE).until(() -> running("custom"));
        assertThat(client.pods().withName("custom").get().getSpec().getNodeName()).isEqualTo("kubesim-worker2");
        Http.Response again = http.post("/api/v1/namespaces/" + namespace + "/pods/custom/binding",
                "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\"custom\"},"
                        + "\"target\":{\"name\":\"kubesim-worker\"}}");
        assertThat(again.code()).isEqualTo(409);
    }
}
