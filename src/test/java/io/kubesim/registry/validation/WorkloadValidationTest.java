package io.kubesim.registry.validation;

import static io.kubesim.registry.validation.Fixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorkloadValidationTest {

    private static final String MISMATCH = "spec.template.metadata.labels: Invalid value: {\"app\":\"web\"}: "
            + "`selector` does not match template `labels`";

    private static Arguments c(String name, Consumer<ReplicaSet> change, String... expected) {
        return Arguments.of(name, change, List.of(expected));
    }

    static Stream<Arguments> replicaSetCases() {
        return Stream.of(
                c("valid", rs -> { }),
                c("selector missing", rs -> rs.getSpec().setSelector(null), "spec.selector: Required value", MISMATCH),
                c("empty selector", rs -> rs.getSpec().setSelector(new LabelSelector()),
                        "spec.selector: Invalid value: {}: empty selector is invalid for deployment"),
                c("selector mismatch", rs -> rs.getSpec().getSelector().setMatchLabels(Map.of("app", "db")), MISMATCH),
                c("template without labels", rs -> rs.getSpec().getTemplate().getMetadata().setLabels(null),
                        "spec.template.metadata.labels: Invalid value: null: `selector` does not match template "
                                + "`labels`"),
                c("matchExpressions match", rs -> rs.getSpec().setSelector(new LabelSelectorBuilder()
                        .addNewMatchExpression().withKey("app").withOperator("In").withValues("web", "api")
                        .endMatchExpression().build())),
                c("bad operator", rs -> rs.getSpec().setSelector(new LabelSelectorBuilder().addNewMatchExpression()
                        .withKey("app").withOperator("Maybe").withValues("web").endMatchExpression().build()),
                        "spec.selector.matchExpressions[0].operator: Invalid value: \"Maybe\": not a valid selector "
                                + "operator",
                        "spec.selector: Invalid value: {\"matchExpressions\":[{\"key\":\"app\",\"operator\":\"Maybe\","
                                + "\"values\":[\"web\"]}]}: invalid label selector"),
                c("In without values", rs -> rs.getSpec().setSelector(new LabelSelectorBuilder().addNewMatchExpression()
                        .withKey("app").withOperator("In").endMatchExpression().build()),
                        "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is "
                                + "'In' or 'NotIn'",
                        "spec.selector: Invalid value: {\"matchExpressions\":[{\"key\":\"app\",\"operator\":\"In\"}]}: "
                                + "invalid label selector"),
                c("negative replicas", rs -> rs.getSpec().setReplicas(-1),
                        "spec.replicas: Invalid value: -1: must be greater than or equal to 0"),
                c("negative minReadySeconds", rs -> rs.getSpec().setMinReadySeconds(-1),
                        "spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0"),
                c("restartPolicy must be Always", rs -> rs.getSpec().getTemplate().getSpec().setRestartPolicy("Never"),
                        "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\""),
                c("template container", rs -> rs.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(null),
                        "spec.template.spec.containers[0].image: Required value"),
                c("activeDeadlineSeconds", rs -> rs.getSpec().getTemplate().getSpec().setActiveDeadlineSeconds(10L),
                        "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not "
                                + "Supported"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replicaSetCases")
    void replicaSet(String name, Consumer<ReplicaSet> change, List<String> expected) {
        ReplicaSet rs = Fixtures.replicaSet();
        change.accept(rs);
        assertThat(strings(ReplicaSetValidation.validate(rs))).containsExactlyElementsOf(expected);
    }

    private static Arguments d(String name, Consumer<Deployment> change, String... expected) {
        return Arguments.of(name, change, List.of(expected));
    }

    private static RollingUpdateDeployment rolling(Deployment d) {
        return d.getSpec().getStrategy().getRollingUpdate();
    }

    static Stream<Arguments> deploymentCases() {
        String ru = "spec.strategy.rollingUpdate";
        return Stream.of(
                d("valid", x -> { }),
                d("strategy type", x -> {
                    x.getSpec().getStrategy().setType("Bogus");
                    x.getSpec().getStrategy().setRollingUpdate(null);
                }, "spec.strategy: Unsupported value: {\"Type\":\"Bogus\",\"RollingUpdate\":null}: supported values: "
                        + "\"Recreate\", \"RollingUpdate\""),
                d("Recreate with rollingUpdate", x -> x.getSpec().getStrategy().setType("Recreate"),
                        ru + ": Forbidden: may not be specified when strategy `type` is 'Recreate'"),
                d("RollingUpdate without parameters", x -> x.getSpec().getStrategy().setRollingUpdate(null),
                        ru + ": Required value: this should be defaulted and never be nil"),
                d("both zero", x -> {
                    rolling(x).setMaxSurge(new IntOrString(0));
                    rolling(x).setMaxUnavailable(new IntOrString(0));
                }, ru + ".maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0"),
                d("zero percent and zero", x -> {
                    rolling(x).setMaxSurge(new IntOrString(0));
                    rolling(x).setMaxUnavailable(new IntOrString("0%"));
                }, ru + ".maxUnavailable: Invalid value: \"0%\": may not be 0 when `maxSurge` is 0"),
                d("maxSurge not a percent", x -> rolling(x).setMaxSurge(new IntOrString("abc")),
                        ru + ".maxSurge: Invalid value: \"abc\": a valid percent string must be a numeric string "
                                + "followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is "
                                + "'[0-9]+%')"),
                d("maxUnavailable above 100%", x -> rolling(x).setMaxUnavailable(new IntOrString("150%")),
                        ru + ".maxUnavailable: Invalid value: \"150%\": must not be greater than 100%"),
                d("negative maxUnavailable", x -> rolling(x).setMaxUnavailable(new IntOrString(-1)),
                        ru + ".maxUnavailable: Invalid value: -1: must be greater than or equal to 0"),
                d("negative revisionHistoryLimit", x -> x.getSpec().setRevisionHistoryLimit(-1),
                        "spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0"),
                d("progress deadline not above minReadySeconds", x -> {
                    x.getSpec().setMinReadySeconds(10);
                    x.getSpec().setProgressDeadlineSeconds(10);
                }, "spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds"),
                d("selector mismatch", x -> x.getSpec().getSelector().setMatchLabels(Map.of("app", "db")), MISMATCH),
                d("template activeDeadlineSeconds (upstream says ReplicaSet)", x -> x.getSpec().getTemplate().getSpec()
                        .setActiveDeadlineSeconds(5L), "spec.template.spec.activeDeadlineSeconds: Forbidden: "
                                + "activeDeadlineSeconds in ReplicaSet is not Supported"),
                d("negative replicas", x -> x.getSpec().setReplicas(-3),
                        "spec.replicas: Invalid value: -3: must be greater than or equal to 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deploymentCases")
    void deployment(String name, Consumer<Deployment> change, List<String> expected) {
        Deployment d = Fixtures.deployment();
        change.accept(d);
        assertThat(strings(DeploymentValidation.validate(d))).containsExactlyElementsOf(expected);
    }

    private static Arguments r(String name, Consumer<ReplicationController> change, String... expected) {
        return Arguments.of(name, change, List.of(expected));
    }

    static Stream<Arguments> replicationControllerCases() {
        return Stream.of(
                r("valid", rc -> { }),
                r("selector missing", rc -> rc.getSpec().setSelector(null), "spec.selector: Required value"),
                r("selector mismatch", rc -> rc.getSpec().setSelector(Map.of("app", "db")), MISMATCH),
                r("template missing", rc -> rc.getSpec().setTemplate(null), "spec.template: Required value"),
                r("negative replicas", rc -> rc.getSpec().setReplicas(-1),
                        "spec.replicas: Invalid value: -1: must be greater than or equal to 0"),
                r("restartPolicy", rc -> rc.getSpec().getTemplate().getSpec().setRestartPolicy("OnFailure"),
                        "spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": supported values: "
                                + "\"Always\""),
                r("activeDeadlineSeconds", rc -> rc.getSpec().getTemplate().getSpec().setActiveDeadlineSeconds(1L),
                        "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in "
                                + "ReplicationController is not Supported"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replicationControllerCases")
    void replicationController(String name, Consumer<ReplicationController> change, List<String> expected) {
        ReplicationController rc = Fixtures.replicationController();
        change.accept(rc);
        assertThat(strings(ReplicationControllerValidation.validate(rc))).containsExactlyElementsOf(expected);
    }

    @Test
    void appsV1SelectorIsImmutable() {
        ReplicaSet oldRs = Fixtures.replicaSet();
        oldRs.getMetadata().setResourceVersion("3");
        ReplicaSet newRs = Fixtures.replicaSet();
        newRs.getMetadata().setResourceVersion("3");
        newRs.getSpec().getSelector().setMatchLabels(Map.of("app", "web", "tier", "front"));
        newRs.getSpec().getTemplate().getMetadata().setLabels(Map.of("app", "web", "tier", "front"));
        assertThat(strings(ReplicaSetValidation.validateUpdate(newRs, oldRs))).containsExactly(
                "spec.selector: Invalid value: {\"matchLabels\":{\"app\":\"web\",\"tier\":\"front\"}}: field is immutable");
        assertThat(strings(ReplicaSetValidation.validateUpdate(oldRs, oldRs))).isEmpty();

        Deployment oldD = Fixtures.deployment();
        oldD.getMetadata().setResourceVersion("3");
        Deployment newD = Fixtures.deployment();
        newD.getMetadata().setResourceVersion("3");
        newD.getSpec().setReplicas(5);
        assertThat(strings(DeploymentValidation.validateUpdate(newD, oldD))).isEmpty();
        newD.getSpec().getSelector().setMatchLabels(Map.of("app", "web2"));
        newD.getSpec().getTemplate().getMetadata().setLabels(Map.of("app", "web2"));
        assertThat(strings(DeploymentValidation.validateUpdate(newD, oldD))).containsExactly(
                "spec.selector: Invalid value: {\"matchLabels\":{\"app\":\"web2\"}}: field is immutable");
    }

    @Test
    void replicationControllerSelectorMayChange() {
        ReplicationController oldRc = Fixtures.replicationController();
        oldRc.getMetadata().setResourceVersion("3");
        ReplicationController newRc = Fixtures.replicationController();
        newRc.getMetadata().setResourceVersion("3");
        newRc.getSpec().setSelector(Map.of("app", "web", "v", "2"));
        newRc.getSpec().getTemplate().getMetadata().setLabels(Map.of("app", "web", "v", "2"));
        assertThat(strings(ReplicationControllerValidation.validateUpdate(newRc, oldRc))).isEmpty();
        assertThat(strings(ReplicationControllerValidation.validate(null))).startsWith(
                "metadata.name: Required value: name or generateName is required");
        assertThat(strings(DeploymentValidation.validate(null))).contains("spec.selector: Required value",
                "spec.strategy: Unsupported value: {\"Type\":\"\",\"RollingUpdate\":null}: supported values: "
                        + "\"Recreate\", \"RollingUpdate\"");
    }
}
