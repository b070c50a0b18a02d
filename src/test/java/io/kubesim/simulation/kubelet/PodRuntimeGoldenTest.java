package io.kubesim.simulation.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Probe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden sequences: a pod, a fixed clock, and the exact statuses (as compact one-line summaries)
 * the simulated kubelet reports at each moment.
 */
class PodRuntimeGoldenTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final io.kubesim.registry.codec.ObjectCodec CODEC = new io.kubesim.registry.codec.ObjectCodec();
    private static final KubeletSettings SETTINGS = new KubeletSettings(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(1));

    /** A context with speed 1, no real probes, an empty node, recording events. */
    static final class FakeContext implements PodRuntime.Context {
        final List<String> events = new ArrayList<>();
        final java.util.Set<String> images = new java.util.HashSet<>();
        Function<Duration, PodRuntime.ProbeOutcome> readiness = d -> PodRuntime.ProbeOutcome.SUCCESS;

        @Override
        public Duration real(Duration simulated) {
            return simulated;
        }

        @Override
        public PodRuntime.ProbeOutcome probe(ProbeKind kind, PodRuntime pod, Container c, Probe probe, Duration since) {
            ContainerRuntime cr = pod.container(c.getName());
            var windows = switch (kind) {
                case READINESS -> cr.run().readiness();
                case LIVENESS -> cr.run().liveness();
                case STARTUP -> cr.run().startup();
            };
            if (windows != null) {
                for (var w : windows) {
                    if (w.covers(since)) {
                        return w.success() ? PodRuntime.ProbeOutcome.SUCCESS : new PodRuntime.ProbeOutcome(false, "declared");
                    }
                }
            }
            return PodRuntime.ProbeOutcome.SUCCESS;
        }

        @Override
        public String allocateIp() {
            return "10.244.1.2";
        }

        @Override
        public boolean imagePresent(String image) {
            return images.contains(image);
        }

        @Override
        public void imagePulled(String image) {
            images.add(image);
        }

        @Override
        public void event(String type, String reason, String message, String fieldPath) {
            events.add(reason);
        }

        @Override
        public boolean probesForReal(PodRuntime pod, Container container, Probe probe) {
            return false;
        }
    }

    private static Pod pod(String restartPolicy, String behavior, Container... containers) {
        PodBuilder b = new PodBuilder().withNewMetadata().withName("p").withNamespace("ns").withUid("u1")
                .withAnnotations(behavior == null ? Map.of() : Map.of("kubesim.io/behavior", behavior)).endMetadata();
        return b.withNewSpec().withRestartPolicy(restartPolicy).withContainers(containers)
                .withNodeName("n1").endSpec().withNewStatus().withPhase("Pending").withQosClass("BestEffort").endStatus()
                .build();
    }

    private static Container container(String name) {
        Container c = new Container();
        c.setName(name);
        c.setImage("nginx:1.27");
        c.setImagePullPolicy("IfNotPresent");
        return c;
    }

    /** Advances to each time and summarises the status there (the status is fed back, as the API would). */
    private static List<String> play(Pod pod, FakeContext ctx, int... seconds) {
        PodRuntime rt = new PodRuntime(pod, SETTINGS);
        rt.advance(T0, ctx);
        List<String> out = new ArrayList<>();
        for (int s : seconds) {
            Instant now = T0.plusSeconds(s);
            rt.advance(now, ctx);
            PodStatus st = PodStatusBuilder.build(pod, rt, "172.18.0.3", now);
            // as the kubelet compares it with the informer's decoded copy: equal to its own JSON round trip
            assertThat(CODEC.decode(CODEC.encode(st), PodStatus.class)).as("round trip at %ss", s).isEqualTo(st);
            pod.setStatus(st);
            out.add(s + "s " + summary(st));
        }
        return out;
    }

    static String summary(PodStatus s) {
        StringBuilder b = new StringBuilder(s.getPhase());
        for (PodCondition c : s.getConditions()) {
            if (c.getType().equals("Ready")) {
                b.append(" ready=").append(c.getStatus());
            }
        }
        b.append(s.getPodIP() == null ? " noip" : " ip");
        for (ContainerStatus cs : s.getContainerStatuses()) {
            b.append(" ").append(cs.getName()).append(":");
            var st = cs.getState();
            if (st.getRunning() != null) {
                b.append("running");
            } else if (st.getTerminated() != null) {
                b.append("terminated(").append(st.getTerminated().getExitCode()).append(",")
                        .append(st.getTerminated().getReason()).append(")");
            } else {
                b.append("waiting(").append(st.getWaiting().getReason()).append(")");
            }
            b.append(" r=").append(cs.getRestartCount()).append(cs.getReady() ? " ready" : "");
        }
        return b.toString();
    }

    @Test
    void aPlainPodGoesPendingToRunningAndReady() {
        FakeContext ctx = new FakeContext();
        assertThat(play(pod("Always", null, container("web")), ctx, 0, 1, 3, 4)).containsExactly(
                "0s Pending ready=False noip web:waiting(ContainerCreating) r=0",
                "1s Pending ready=False ip web:waiting(ContainerCreating) r=0",
                "3s Pending ready=False ip web:waiting(ContainerCreating) r=0",
                "4s Running ready=True ip web:running r=0 ready");
        assertThat(ctx.events).containsExactly("Pulling", "Pulled", "Created", "Started");
    }

    @Test
    void restartPolicyNeverExitingOneIsFailedAndZeroIsSucceeded() {
        FakeContext ctx = new FakeContext();
        assertThat(play(pod("Never", "web: {exitCode: 1, exitAfter: 5s}", container("web")), ctx, 4, 8, 9, 60))
                .containsExactly("4s Running ready=True ip web:running r=0 ready",
                        "8s Running ready=True ip web:running r=0 ready",
                        "9s Failed ready=False ip web:terminated(1,Error) r=0",
                        "60s Failed ready=False ip web:terminated(1,Error) r=0");
        assertThat(play(pod("Never", "web: {exitAfter: 5s}", container("web")), new FakeContext(), 4, 9))
                .containsExactly("4s Running ready=True ip web:running r=0 ready",
                        "9s Succeeded ready=False ip web:terminated(0,Completed) r=0");
        assertThat(play(pod("OnFailure", "web: {exitAfter: 5s}", container("web")), new FakeContext(), 9))
                .containsExactly("9s Succeeded ready=False ip web:terminated(0,Completed) r=0");
    }

    @Test
    void aCrashLoopRestartsAtOnceThenBacksOffTenTwentyFortySeconds() {
        FakeContext ctx = new FakeContext();
        ctx.images.add("nginx:1.27");
        List<String> seen = play(pod("Always", "web: {exitCode: 1, exitAfter: 1s}", container("web")), ctx,
                2, 3, 4, 5, 14, 15, 16, 35, 36, 37, 76, 77);
        assertThat(seen).containsExactly(
                "2s Running ready=True ip web:running r=0 ready",
                "3s Running ready=False ip web:terminated(1,Error) r=0",
                "4s Running ready=True ip web:running r=1 ready",
                "5s Running ready=False ip web:waiting(CrashLoopBackOff) r=1",
                "14s Running ready=False ip web:waiting(CrashLoopBackOff) r=1",
                "15s Running ready=False ip web:waiting(CrashLoopBackOff) r=1",
                "16s Running ready=True ip web:running r=2 ready",
                "35s Running ready=False ip web:waiting(CrashLoopBackOff) r=2",
                "36s Running ready=False ip web:waiting(CrashLoopBackOff) r=2",
                "37s Running ready=False ip web:waiting(CrashLoopBackOff) r=2",
                "76s Running ready=False ip web:waiting(CrashLoopBackOff) r=3",
                "77s Running ready=False ip web:waiting(CrashLoopBackOff) r=3");
        assertThat(ctx.events).contains("BackOff");
    }

    @Test
    void crashThreeTimesThenRun() {
        FakeContext ctx = new FakeContext();
        ctx.images.add("nginx:1.27");
        String behavior = """
                web:
                  runs:
                    - {exitCode: 1, exitAfter: 1s}
                    - {exitCode: 1, exitAfter: 1s}
                    - {exitCode: 1, exitAfter: 1s}
                    - {}
                """;
        List<String> seen = play(pod("Always", behavior, container("web")), ctx, 3, 100, 1000);
        assertThat(seen.get(2)).isEqualTo("1000s Running ready=True ip web:running r=3 ready");
    }

    @Test
    void readinessFailsForTheDeclaredWindowThenTurnsReady() {
        Container c = container("web");
        Probe readiness = new Probe();
        readiness.setPeriodSeconds(10);
        readiness.setFailureThreshold(3);
        readiness.setSuccessThreshold(1);
        readiness.setExec(new io.fabric8.kubernetes.api.model.ExecAction(List.of("true")));
        c.setReadinessProbe(readiness);
        FakeContext ctx = new FakeContext();
        ctx.images.add("nginx:1.27");
        List<String> seen = play(pod("Always", "web: {readiness: [{until: 20s, result: failure}]}", c), ctx, 2, 12, 21, 23);
        assertThat(seen).containsExactly(
                "2s Running ready=False ip web:running r=0",
                "12s Running ready=False ip web:running r=0",
                "21s Running ready=False ip web:running r=0",
                "23s Running ready=True ip web:running r=0 ready");
    }

    @Test
    void aFailingLivenessProbeRestartsTheContainer() {
        Container c = container("web");
        Probe liveness = new Probe();
        liveness.setPeriodSeconds(10);
        liveness.setFailureThreshold(3);
        io.fabric8.kubernetes.api.model.HTTPGetAction get = new io.fabric8.kubernetes.api.model.HTTPGetAction();
        get.setPath("/healthz");
        get.setPort(new io.fabric8.kubernetes.api.model.IntOrString(8080));
        liveness.setHttpGet(get);
        c.setLivenessProbe(liveness);
        FakeContext ctx = new FakeContext();
        ctx.images.add("nginx:1.27");
        List<String> seen = play(pod("Always", "web: {liveness: [{after: 30s, result: failure}]}", c), ctx, 2, 61, 62, 73);
        assertThat(seen.get(0)).isEqualTo("2s Running ready=True ip web:running r=0 ready");
        assertThat(seen.get(2)).isEqualTo("62s Running ready=True ip web:running r=1 ready");
        assertThat(ctx.events).contains("Unhealthy", "Killing");
    }

    @Test
    void initContainersRunFirstInOrder() {
        Container init1 = container("init-a");
        Container init2 = container("init-b");
        Pod pod = pod("Always", "init-a: {exitAfter: 2s}\ninit-b: {exitAfter: 2s}", container("web"));
        pod.getSpec().setInitContainers(List.of(init1, init2));
        FakeContext ctx = new FakeContext();
        ctx.images.add("nginx:1.27");
        PodRuntime rt = new PodRuntime(pod, SETTINGS);
        List<String> phases = new ArrayList<>();
        for (int s : new int[]{0, 2, 4, 6, 8}) {
            rt.advance(T0.plusSeconds(s), ctx);
            PodStatus st = PodStatusBuilder.build(pod, rt, "172.18.0.3", T0.plusSeconds(s));
            pod.setStatus(st);
            String init = st.getInitContainerStatuses().stream().map(cs -> cs.getName() + "="
                    + (cs.getState().getRunning() != null ? "running" : cs.getState().getTerminated() != null
                    ? "done" : "waiting")).reduce((a, b) -> a + "," + b).orElse("");
            String initialized = st.getConditions().stream().filter(c -> c.getType().equals("Initialized"))
                    .findFirst().orElseThrow().getStatus();
            phases.add(s + "s " + st.getPhase() + " initialized=" + initialized + " " + init + " web="
                    + (st.getContainerStatuses().get(0).getState().getRunning() != null ? "running" : "waiting("
                    + st.getContainerStatuses().get(0).getState().getWaiting().getReason() + ")"));
        }
        assertThat(phases).containsExactly(
                "0s Pending initialized=False init-a=waiting,init-b=waiting web=waiting(PodInitializing)",
                "2s Pending initialized=False init-a=running,init-b=waiting web=waiting(PodInitializing)",
                "4s Pending initialized=False init-a=done,init-b=waiting web=waiting(PodInitializing)",
                "6s Pending initialized=False init-a=done,init-b=running web=waiting(PodInitializing)",
                "8s Running initialized=True init-a=done,init-b=done web=running");
    }

    /** The pod's runtime, advanced to 5 s (its container running). */
    private static PodRuntime runningAt5s(Pod pod, FakeContext ctx) {
        PodRuntime rt = new PodRuntime(pod, SETTINGS);
        rt.advance(T0, ctx);
        rt.advance(T0.plusSeconds(5), ctx);
        return rt;
    }

    @Test
    void deletionStopsContainersAndFinishes() {
        FakeContext ctx = new FakeContext();
        Pod pod = pod("Always", "web: {terminationDelay: 3s}", container("web"));
        PodRuntime rt = runningAt5s(pod, ctx);
        rt.startDeletion(T0.plusSeconds(5), 30, ctx);
        rt.advance(T0.plusSeconds(6), ctx);
        assertThat(rt.finished()).isFalse();
        rt.advance(T0.plusSeconds(8), ctx);
        assertThat(rt.finished()).isTrue();
        PodStatus st = PodStatusBuilder.build(pod, rt, "172.18.0.3", T0.plusSeconds(8));
        assertThat(st.getPhase()).isEqualTo("Succeeded");
        assertThat(ctx.events).contains("Killing");
    }

    @Test
    void aShorterGracePeriodObservedLaterStopsTheContainersSooner() {
        FakeContext ctx = new FakeContext();
        PodRuntime rt = runningAt5s(pod("Always", "web: {terminationDelay: 20s}", container("web")), ctx);
        rt.startDeletion(T0.plusSeconds(5), 30, ctx);
        rt.startDeletion(T0.plusSeconds(6), 60, ctx);
        assertThat(rt.advance(T0.plusSeconds(6), ctx)).as("a longer grace period changes nothing")
                .isEqualTo(T0.plusSeconds(25));
        rt.startDeletion(T0.plusSeconds(7), 1, ctx);
        assertThat(rt.advance(T0.plusSeconds(7), ctx)).as("1 s, raised to the kubelet's minimum of 2 s")
                .isEqualTo(T0.plusSeconds(9));
        assertThat(rt.finished()).isFalse();
        rt.advance(T0.plusSeconds(9), ctx);
        assertThat(rt.finished()).isTrue();
        assertThat(ctx.events).as("killed again with the shorter grace period").containsExactly(
                "Pulling", "Pulled", "Created", "Started", "Killing", "Killing");
    }
}
