package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubesim.support.ClusterTestBase;
import io.kubesim.support.Kubectl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The rollout commands of the real kubectl against the Deployment controller. */
class DeploymentKubectlTest extends ClusterTestBase {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private Kubectl kubectl;

    @BeforeEach
    void kubectl() throws IOException {
        kubectl = Kubectl.against(baseUrl());
    }

    private static String manifest(int replicas, String image, String extraSpec) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: %d
                  selector:
                    matchLabels: {app: web}
                %s
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: app
                        image: %s
                """.formatted(replicas, extraSpec, image);
    }

    private Kubectl.Result run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "-n";
        all[args.length + 1] = namespace;
        return kubectl.run(all);
    }

    private Kubectl.Result ok(String... args) {
        Kubectl.Result r = run(args);
        assertThat(r.exitCode()).as("kubectl %s: %s", String.join(" ", args), r.err()).isZero();
        return r;
    }

    private Deployment deployment() {
        return client.apps().deployments().withName("web").get();
    }

    private String image() {
        return deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private void create(String yaml) {
        // client-side validation needs /openapi, which this server does not serve yet
        Kubectl.Result r = kubectl.runWithInput(yaml, "create", "--validate=false", "-f", "-", "-n", namespace);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("deployment.apps/web created");
    }

    @Test
    void rolloutStatusHistoryUndoAndRestart() {
        create(manifest(3, "nginx:1", ""));
        Kubectl.Result status = ok("rollout", "status", "deployment/web", "--timeout=60s");
        assertThat(status.out()).contains("deployment \"web\" successfully rolled out");

        ok("set", "image", "deployment/web", "app=nginx:2");
        assertThat(ok("rollout", "status", "deployment/web", "--timeout=60s").out())
                .contains("deployment \"web\" successfully rolled out");

        Kubectl.Result history = ok("rollout", "history", "deployment/web");
        assertThat(history.out()).contains("deployment.apps/web").contains("REVISION  CHANGE-CAUSE")
                .containsPattern("(?m)^1\\s+<none>$").containsPattern("(?m)^2\\s+<none>$");
        assertThat(ok("rollout", "history", "deployment/web", "--revision=1").out())
                .contains("pod-template-hash=").contains("nginx:1");

        assertThat(ok("rollout", "undo", "deployment/web").out()).contains("deployment.apps/web rolled back");
        assertThat(image()).isEqualTo("nginx:1");
        assertThat(ok("rollout", "status", "deployment/web", "--timeout=60s").out()).contains("successfully rolled out");
        await().atMost(DEADLINE).until(() -> "3".equals(deployment().getMetadata().getAnnotations()
                .get("deployment.kubernetes.io/revision")));
        assertThat(ok("rollout", "history", "deployment/web").out()).containsPattern("(?m)^2\\s+<none>$")
                .containsPattern("(?m)^3\\s+<none>$").doesNotContainPattern("(?m)^1\\s+");
        assertThat(client.apps().replicaSets().list().getItems()).hasSize(2);

        assertThat(ok("rollout", "restart", "deployment/web").out()).contains("deployment.apps/web restarted");
        assertThat(deployment().getSpec().getTemplate().getMetadata().getAnnotations())
                .containsKey("kubectl.kubernetes.io/restartedAt");
        assertThat(ok("rollout", "status", "deployment/web", "--timeout=60s").out()).contains("successfully rolled out");
        await().atMost(DEADLINE).until(() -> "4".equals(deployment().getMetadata().getAnnotations()
                .get("deployment.kubernetes.io/revision")));
        assertThat(client.apps().replicaSets().list().getItems()).hasSize(3);
    }

    @Test
    void pauseHoldsRolloutsAndResumeLetsThemGo() {
        create(manifest(2, "nginx:1", ""));
        ok("rollout", "status", "deployment/web", "--timeout=60s");
        ok("set", "image", "deployment/web", "app=nginx:2");
        ok("rollout", "status", "deployment/web", "--timeout=60s");

        assertThat(ok("rollout", "pause", "deployment/web").out()).contains("deployment.apps/web paused");
        await().atMost(DEADLINE).until(() -> "DeploymentPaused".equals(progressing().getReason()));
        assertThat(progressing().getStatus()).isEqualTo("Unknown");
        assertThat(progressing().getMessage()).isEqualTo("Deployment is paused");

        ok("set", "image", "deployment/web", "app=nginx:3");
        Kubectl.Result undo = run("rollout", "undo", "deployment/web");
        assertThat(undo.exitCode()).isNotZero();
        assertThat(undo.err()).contains("you cannot rollback a paused deployment; resume it first with "
                + "'kubectl rollout resume' and try again");
        assertThat(ok("scale", "deployment/web", "--replicas=3").out()).contains("deployment.apps/web scaled");
        await().atMost(DEADLINE).until(() -> Objects.equals(deployment().getStatus().getAvailableReplicas(), 3)
                && Objects.equals(deployment().getStatus().getObservedGeneration(), deployment().getMetadata().getGeneration()));
        assertThat(client.apps().replicaSets().list().getItems()).as("paused: no new ReplicaSet").hasSize(2);
        assertThat(image()).isEqualTo("nginx:3");

        assertThat(ok("rollout", "resume", "deployment/web").out()).contains("deployment.apps/web resumed");
        assertThat(ok("rollout", "status", "deployment/web", "--timeout=60s").out()).contains("successfully rolled out");
        assertThat(client.apps().replicaSets().list().getItems()).hasSize(3);
        ReplicaSet current = client.apps().replicaSets().list().getItems().stream()
                .filter(rs -> "nginx:3".equals(rs.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()))
                .findFirst().orElseThrow();
        assertThat(current.getSpec().getReplicas()).isEqualTo(3);
        assertThat(progressing().getReason()).isEqualTo("NewReplicaSetAvailable");
    }

    private DeploymentCondition progressing() {
        return deployment().getStatus().getConditions().stream().filter(c -> "Progressing".equals(c.getType()))
                .findFirst().orElseThrow();
    }

    @Test
    void scaleChangesTheNumberOfReadyPods() {
        create(manifest(1, "nginx:1", ""));
        ok("rollout", "status", "deployment/web", "--timeout=60s");
        assertThat(ok("scale", "deployment/web", "--replicas=4").out()).isEqualTo("deployment.apps/web scaled\n");
        assertThat(ok("rollout", "status", "deployment/web", "--timeout=60s").out()).contains("successfully rolled out");
        assertThat(deployment().getStatus().getReadyReplicas()).isEqualTo(4);
        assertThat(ok("get", "deployment/web", "-o", "jsonpath={.status.availableReplicas}").out()).isEqualTo("4");
        ok("scale", "deployment/web", "--replicas=0");
        await().atMost(DEADLINE).until(() -> client.pods().list().getItems().stream()
                .noneMatch(p -> p.getMetadata().getDeletionTimestamp() == null));
        assertThat(ok("rollout", "history", "deployment/web").out()).as("scaling makes no revision")
                .containsPattern("(?m)^1\\s+<none>$").doesNotContainPattern("(?m)^2\\s+");
    }

    @Test
    void rolloutStatusFailsOnceTheProgressDeadlineIsExceeded() {
        create(manifest(2, "nginx:1", "  progressDeadlineSeconds: 2"));
        ok("rollout", "status", "deployment/web", "--timeout=60s");
        client.apps().deployments().withName("web").edit(d -> {
            d.getSpec().setTemplate(DeploymentEndToEndTest.neverReady("nginx:2"));
            d.getSpec().getTemplate().getMetadata().getLabels().put("app", "web");
            return d;
        });
        Kubectl.Result r = run("rollout", "status", "deployment/web", "--timeout=60s");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("deployment \"web\" exceeded its progress deadline");
        assertThat(r.out()).contains("Waiting for deployment \"web\" rollout to finish");
    }
}
