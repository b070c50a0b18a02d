package io.kubesim.registry.validation;

import static io.kubesim.registry.validation.Fixtures.container;
import static io.kubesim.registry.validation.Fixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSchedulingGate;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodUpdateValidationTest {

    static final String HEADER = "spec: Forbidden: pod updates may not change fields other than "
            + "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,"
            + "`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` "
            + "(allow it to be set to 1 if it was previously negative)\n";

    private static Pod stored(Consumer<Pod> change) {
        Pod p = Fixtures.pod(x -> x.getMetadata().setResourceVersion("7"));
        change.accept(p);
        return p;
    }

    private static Arguments c(String name, Consumer<Pod> old, Consumer<Pod> updated, String... expected) {
        return Arguments.of(name, old, updated, List.of(expected));
    }

    private static Toleration toleration(String key, Long seconds) {
        return new Toleration("NoExecute", key, "Exists", seconds, null);
    }

    static Stream<Arguments> cases() {
        Consumer<Pod> none = p -> { };
        return Stream.of(
                c("no change", none, none),
                c("image change is allowed", none, p -> p.getSpec().getContainers().get(0).setImage("nginx:1.26")),
                c("other spec change", none, p -> p.getSpec().setRestartPolicy("Never"),
                        HEADER + "  core.PodSpec{\n- \trestartPolicy: \"Always\",\n+ \trestartPolicy: \"Never\",\n  }\n"),
                c("container field change", none, p -> p.getSpec().getContainers().get(0).setWorkingDir("/srv"),
                        HEADER + "  core.PodSpec{\n+ \tcontainers[0].workingDir: \"/srv\",\n  }\n"),
                c("add container", none, p -> p.getSpec().setContainers(List.of(container("app"), container("b"))),
                        "spec.containers: Forbidden: pod updates may not add or remove containers"),
                c("image removed", none, p -> p.getSpec().getContainers().get(0).setImage(""),
                        "spec.containers[0].image: Required value", "spec.containers[0].image: Required value"),
                c("activeDeadlineSeconds may decrease", p -> p.getSpec().setActiveDeadlineSeconds(100L),
                        p -> p.getSpec().setActiveDeadlineSeconds(50L)),
                c("activeDeadlineSeconds may not increase", p -> p.getSpec().setActiveDeadlineSeconds(100L),
                        p -> p.getSpec().setActiveDeadlineSeconds(200L),
                        "spec.activeDeadlineSeconds: Invalid value: 200: must be less than or equal to previous value"),
                c("activeDeadlineSeconds may not be removed", p -> p.getSpec().setActiveDeadlineSeconds(100L),
                        p -> p.getSpec().setActiveDeadlineSeconds(null),
                        "spec.activeDeadlineSeconds: Invalid value: null: must not update from a positive integer to nil"
                                + " value"),
                c("toleration added", none, p -> p.getSpec().setTolerations(List.of(toleration("a", 30L)))),
                c("toleration seconds changed", p -> p.getSpec().setTolerations(List.of(toleration("a", 30L))),
                        p -> p.getSpec().setTolerations(List.of(toleration("a", 60L)))),
                c("toleration removed", p -> p.getSpec().setTolerations(List.of(toleration("a", 30L))),
                        p -> p.getSpec().setTolerations(new ArrayList<>()),
                        "spec.tolerations: Forbidden: existing toleration can not be modified except its "
                                + "tolerationSeconds"),
                c("scheduling gate added", none, p -> p.getSpec().setSchedulingGates(List.of(
                        new PodSchedulingGate("example.com/gate"))),
                        "spec.schedulingGates[0].name: Forbidden: only deletion is allowed, but found new scheduling "
                                + "gate 'example.com/gate'"),
                c("scheduling gate removed", p -> p.getSpec().setSchedulingGates(List.of(
                        new PodSchedulingGate("example.com/gate"))), none),
                c("negative grace period may become 1", p -> p.getSpec().setTerminationGracePeriodSeconds(-1L),
                        p -> p.getSpec().setTerminationGracePeriodSeconds(1L)),
                c("mirror annotation may not be added", none, p -> {
                    p.getMetadata().setAnnotations(Map.of("kubernetes.io/config.mirror", "x"));
                    p.getSpec().setNodeName("node-1");
                }, "metadata.annotations[kubernetes.io/config.mirror]: Forbidden: may not add mirror pod annotation",
                        HEADER + "  core.PodSpec{\n+ \tnodeName: \"node-1\",\n  }\n"),
                c("pod-specific annotations are checked twice on update, as upstream", none,
                        p -> p.getMetadata().setAnnotations(Map.of("controller.kubernetes.io/pod-deletion-cost", "x")),
                        "metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: \"x\": must "
                                + "be a 32bit integer",
                        "metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: \"x\": must "
                                + "be a 32bit integer"),
                c("metadata immutability", none, p -> p.getMetadata().setNamespace("other"),
                        "metadata.namespace: Invalid value: \"other\": field is immutable"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void update(String name, Consumer<Pod> old, Consumer<Pod> updated, List<String> expected) {
        Pod oldPod = stored(old);
        Pod newPod = stored(old.andThen(updated));
        assertThat(strings(PodValidation.validatePodUpdate(newPod, oldPod))).containsExactlyElementsOf(expected);
    }

    @Test
    void templateSpecUsesUpstreamPaths() {
        var template = Fixtures.template();
        template.getMetadata().setLabels(Map.of("app", "a b"));
        template.getSpec().getContainers().get(0).setImage(null);
        assertThat(strings(PodValidation.validatePodTemplateSpec(template, "spec.template"))).containsExactly(
                "spec.template.labels: Invalid value: \"a b\": " + Fixtures.LABEL_VALUE_MSG,
                "spec.template.spec.containers[0].image: Required value");
        assertThat(strings(PodValidation.validatePodSpec(Fixtures.podSpec(), "spec"))).isEmpty();
        assertThat(strings(PodValidation.validatePodUpdate(null, null))).contains(
                "metadata.resourceVersion: Invalid value: \"\": must be specified for an update");
    }
}
