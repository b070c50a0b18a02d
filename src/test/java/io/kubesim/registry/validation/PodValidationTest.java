package io.kubesim.registry.validation;

import static io.kubesim.registry.validation.Fixtures.DNS1123_LABEL_MSG;
import static io.kubesim.registry.validation.Fixtures.DNS1123_SUBDOMAIN_MSG;
import static io.kubesim.registry.validation.Fixtures.LABEL_VALUE_MSG;
import static io.kubesim.registry.validation.Fixtures.container;
import static io.kubesim.registry.validation.Fixtures.httpProbe;
import static io.kubesim.registry.validation.Fixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.EphemeralContainerBuilder;
import io.fabric8.kubernetes.api.model.ExecActionBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LifecycleBuilder;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.TCPSocketActionBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodValidationTest {

    private static final String C0 = "spec.containers[0]";

    private static Container c0(Pod p) {
        return p.getSpec().getContainers().get(0);
    }

    private static Arguments c(String name, Consumer<Pod> change, String... expected) {
        return Arguments.of(name, change, List.of(expected));
    }

    private static Probe probe(Consumer<Probe> change) {
        Probe p = httpProbe();
        change.accept(p);
        return p;
    }

    static Stream<Arguments> containerCases() {
        return Stream.of(
                c("valid", p -> { }),
                c("no containers", p -> p.getSpec().setContainers(List.of()), "spec.containers: Required value"),
                c("duplicate container", p -> p.getSpec().setContainers(List.of(container("app"), container("app"))),
                        "spec.containers[1].name: Duplicate value: \"app\""),
                c("init container named like a container", p -> p.getSpec().setInitContainers(List.of(container("app"))),
                        "spec.initContainers[0].name: Duplicate value: \"app\""),
                c("container name", p -> c0(p).setName("App"),
                        C0 + ".name: Invalid value: \"App\": " + DNS1123_LABEL_MSG),
                c("missing container name", p -> c0(p).setName(null), C0 + ".name: Required value"),
                c("missing image", p -> c0(p).setImage(""), C0 + ".image: Required value"),
                c("image whitespace", p -> c0(p).setImage(" nginx"),
                        C0 + ".image: Invalid value: \" nginx\": must not have leading or trailing whitespace"),
                c("pull policy", p -> c0(p).setImagePullPolicy("Sometimes"), C0 + ".imagePullPolicy: Unsupported "
                        + "value: \"Sometimes\": supported values: \"Always\", \"IfNotPresent\", \"Never\""),
                c("termination message policy missing", p -> c0(p).setTerminationMessagePolicy(null),
                        C0 + ".terminationMessagePolicy: Required value"),
                c("container port missing", p -> c0(p).getPorts().get(0).setContainerPort(null),
                        C0 + ".ports[0].containerPort: Required value"),
                c("container port range", p -> c0(p).getPorts().get(0).setContainerPort(70000),
                        C0 + ".ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive"),
                c("host port range", p -> c0(p).getPorts().get(0).setHostPort(-1),
                        C0 + ".ports[0].hostPort: Invalid value: -1: must be between 1 and 65535, inclusive"),
                c("protocol", p -> c0(p).getPorts().get(0).setProtocol("HTTP"), C0 + ".ports[0].protocol: "
                        + "Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\""),
                c("protocol missing", p -> c0(p).getPorts().get(0).setProtocol(null),
                        C0 + ".ports[0].protocol: Required value"),
                c("port name rules", p -> c0(p).getPorts().get(0).setName("web--1-"),
                        C0 + ".ports[0].name: Invalid value: \"web--1-\": must not contain consecutive hyphens",
                        C0 + ".ports[0].name: Invalid value: \"web--1-\": must not begin or end with a hyphen"),
                c("port name length and letters", p -> c0(p).getPorts().get(0).setName("1234567890123456"),
                        C0 + ".ports[0].name: Invalid value: \"1234567890123456\": must be no more than 15 characters",
                        C0 + ".ports[0].name: Invalid value: \"1234567890123456\": must contain at least one letter (a-z)"),
                c("duplicate port names", p -> c0(p).setPorts(List.of(
                        new ContainerPortBuilder().withName("http").withContainerPort(80).withProtocol("TCP").build(),
                        new ContainerPortBuilder().withName("http").withContainerPort(81).withProtocol("TCP").build())),
                        C0 + ".ports[1].name: Duplicate value: \"http\""),
                c("host port conflict", p -> {
                    p.getSpec().setContainers(List.of(container("a"), container("b")));
                    p.getSpec().getContainers().forEach(x -> x.getPorts().get(0).setHostPort(8080));
                }, "spec.containers[1].ports[0].hostPort: Duplicate value: \"TCP//8080\""),
                c("hostNetwork needs hostPort = containerPort", p -> p.getSpec().setHostNetwork(true),
                        C0 + ".ports[0].hostPort: Invalid value: 0: must match `containerPort` when `hostNetwork` is true"),
                c("regular container restartPolicy", p -> c0(p).setRestartPolicy("Always"),
                        C0 + ".restartPolicy: Forbidden: may not be set for non-init containers"));
    }

    static Stream<Arguments> envAndResourceCases() {
        String fieldPaths = "\"metadata.name\", \"metadata.namespace\", \"metadata.uid\", \"spec.nodeName\", "
                + "\"spec.serviceAccountName\", \"status.hostIP\", \"status.hostIPs\", \"status.podIP\", \"status.podIPs\"";
        return Stream.of(
                c("env name missing", p -> c0(p).setEnv(List.of(new EnvVarBuilder().withValue("x").build())),
                        C0 + ".env[0].name: Required value"),
                c("env name with =", p -> c0(p).setEnv(List.of(new EnvVarBuilder().withName("A=B").build())),
                        C0 + ".env[0].name: Invalid value: \"A=B\": a valid environment variable name must consist only"
                                + " of printable ASCII characters other than '='"),
                c("env valueFrom without source", p -> c0(p).setEnv(List.of(new EnvVarBuilder().withName("A")
                        .withNewValueFrom().endValueFrom().build())), C0 + ".env[0].valueFrom: Invalid value: \"\": must "
                                + "specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"),
                c("env fieldRef not supported", p -> c0(p).setEnv(List.of(new EnvVarBuilder().withName("A")
                        .withNewValueFrom().withNewFieldRef("v1", "spec.restartPolicy").endValueFrom().build())),
                        C0 + ".env[0].valueFrom.fieldRef.fieldPath: Unsupported value: \"spec.restartPolicy\": supported"
                                + " values: " + fieldPaths),
                c("env fieldRef unknown label", p -> c0(p).setEnv(List.of(new EnvVarBuilder().withName("A")
                        .withNewValueFrom().withNewFieldRef("v1", "spec.bogus").endValueFrom().build())),
                        C0 + ".env[0].valueFrom.fieldRef.fieldPath: Invalid value: \"spec.bogus\": error converting "
                                + "fieldPath: field label not supported: spec.bogus"),
                c("env configMapKeyRef without key", p -> c0(p).setEnv(List.of(new EnvVarBuilder().withName("A")
                        .withNewValueFrom().withNewConfigMapKeyRef(null, "cm", null).endValueFrom().build())),
                        C0 + ".env[0].valueFrom.configMapKeyRef.key: Required value"),
                c("request above limit", p -> c0(p).setResources(resources("2", "1")),
                        C0 + ".resources.requests: Invalid value: \"2\": must be less than or equal to cpu limit of 1"),
                c("quantities are printed canonically", p -> c0(p).setResources(resources("1000m", "500m")),
                        C0 + ".resources.requests: Invalid value: \"1\": must be less than or equal to cpu limit of 500m"),
                c("request equal to limit", p -> c0(p).setResources(resources("0.5", "500m"))),
                c("unparsable quantity", p -> c0(p).setResources(new ResourceRequirementsBuilder()
                        .addToLimits("cpu", new Quantity("abc")).build()), C0 + ".resources.limits[cpu]: Invalid value:"
                                + " \"abc\": quantities must match the regular expression "
                                + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
                c("negative quantity", p -> c0(p).setResources(new ResourceRequirementsBuilder()
                        .addToLimits("memory", new Quantity("-1Gi")).build()),
                        C0 + ".resources.limits[memory]: Invalid value: \"-1Gi\": must be greater than or equal to 0"),
                c("non-standard resource", p -> c0(p).setResources(new ResourceRequirementsBuilder()
                        .addToLimits("gpu", new Quantity("1")).build()),
                        C0 + ".resources.limits[gpu]: Invalid value: \"gpu\": must be a standard resource type or fully "
                                + "qualified",
                        C0 + ".resources.limits[gpu]: Invalid value: \"gpu\": must be a standard resource for containers"),
                c("extended resources may not overcommit", p -> c0(p).setResources(new ResourceRequirementsBuilder()
                        .addToLimits("example.com/gpu", new Quantity("2"))
                        .addToRequests("example.com/gpu", new Quantity("1")).build()),
                        C0 + ".resources.requests: Invalid value: \"1\": must be equal to example.com/gpu limit of 2"),
                c("extended resources need a limit", p -> c0(p).setResources(new ResourceRequirementsBuilder()
                        .addToRequests("example.com/gpu", new Quantity("1")).build()),
                        C0 + ".resources.limits: Required value: Limit must be set for non overcommitable resources"),
                c("extended resources are integers", p -> c0(p).setResources(new ResourceRequirementsBuilder()
                        .addToLimits("example.com/gpu", new Quantity("500m")).build()),
                        C0 + ".resources.limits[example.com/gpu]: Invalid value: \"500m\": must be an integer"));
    }

    private static io.fabric8.kubernetes.api.model.ResourceRequirements resources(String request, String limit) {
        return new ResourceRequirementsBuilder().addToRequests("cpu", new Quantity(request))
                .addToLimits("cpu", new Quantity(limit)).build();
    }

    static Stream<Arguments> probeCases() {
        return Stream.of(
                c("valid probes", p -> {
                    c0(p).setLivenessProbe(httpProbe());
                    c0(p).setReadinessProbe(httpProbe());
                    c0(p).setStartupProbe(httpProbe());
                }),
                c("no handler", p -> c0(p).setLivenessProbe(probe(x -> x.setHttpGet(null))),
                        C0 + ".livenessProbe: Required value: must specify a handler type"),
                c("two handlers", p -> c0(p).setReadinessProbe(probe(x -> x.setExec(
                        new ExecActionBuilder().withCommand("true").build()))),
                        C0 + ".readinessProbe.httpGet: Forbidden: may not specify more than 1 handler type"),
                c("liveness successThreshold", p -> c0(p).setLivenessProbe(probe(x -> x.setSuccessThreshold(2))),
                        C0 + ".livenessProbe.successThreshold: Invalid value: 2: must be 1"),
                c("startup successThreshold", p -> c0(p).setStartupProbe(probe(x -> x.setSuccessThreshold(3))),
                        C0 + ".startupProbe.successThreshold: Invalid value: 3: must be 1"),
                c("readiness successThreshold may be higher", p -> c0(p).setReadinessProbe(
                        probe(x -> x.setSuccessThreshold(3)))),
                c("negative failureThreshold", p -> c0(p).setReadinessProbe(probe(x -> x.setFailureThreshold(-1))),
                        C0 + ".readinessProbe.failureThreshold: Invalid value: -1: must be greater than or equal to 0"),
                c("negative periodSeconds", p -> c0(p).setReadinessProbe(probe(x -> x.setPeriodSeconds(-5))),
                        C0 + ".readinessProbe.periodSeconds: Invalid value: -5: must be greater than or equal to 0"),
                c("httpGet port", p -> c0(p).setLivenessProbe(probe(x -> x.getHttpGet().setPort(new IntOrString(0)))),
                        C0 + ".livenessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive"),
                c("httpGet scheme", p -> c0(p).setLivenessProbe(probe(x -> x.getHttpGet().setScheme("FTP"))),
                        C0 + ".livenessProbe.httpGet.scheme: Unsupported value: \"FTP\": supported values: \"HTTP\", "
                                + "\"HTTPS\""),
                c("httpGet path", p -> c0(p).setLivenessProbe(probe(x -> x.getHttpGet().setPath(""))),
                        C0 + ".livenessProbe.httpGet.path: Required value"),
                c("tcpSocket named port", p -> c0(p).setLivenessProbe(probe(x -> {
                    x.setHttpGet(null);
                    x.setTcpSocket(new TCPSocketActionBuilder().withPort(new IntOrString("Web")).build());
                })), C0 + ".livenessProbe.tcpSocket.port: Invalid value: \"Web\": must contain only alpha-numeric "
                        + "characters (a-z, 0-9), and hyphens (-)"),
                c("exec without command", p -> c0(p).setLivenessProbe(probe(x -> {
                    x.setHttpGet(null);
                    x.setExec(new ExecActionBuilder().build());
                })), C0 + ".livenessProbe.exec.command: Required value"),
                c("readiness grace period", p -> c0(p).setReadinessProbe(
                        probe(x -> x.setTerminationGracePeriodSeconds(10L))),
                        C0 + ".readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for "
                                + "readinessProbes"),
                c("liveness grace period", p -> c0(p).setLivenessProbe(probe(x -> x.setTerminationGracePeriodSeconds(0L))),
                        C0 + ".livenessProbe.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0"),
                c("preStop without handler", p -> c0(p).setLifecycle(new LifecycleBuilder()
                        .withPreStop(new LifecycleHandler()).build()),
                        C0 + ".lifecycle.preStop: Required value: must specify a handler type"),
                c("preStop sleep longer than grace", p -> c0(p).setLifecycle(new LifecycleBuilder()
                        .withNewPreStop().withNewSleep(60L).endPreStop().build()),
                        C0 + ".lifecycle.preStop.sleep: Invalid value: 60: must be non-negative and less than "
                                + "terminationGracePeriodSeconds (30)"),
                c("init container probe", p -> {
                    Container init = container("init");
                    init.setLivenessProbe(httpProbe());
                    p.getSpec().setInitContainers(List.of(init));
                }, "spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without "
                        + "restartPolicy=Always"),
                c("sidecar probe allowed", p -> {
                    Container init = container("init");
                    init.setRestartPolicy("Always");
                    init.setLivenessProbe(httpProbe());
                    p.getSpec().setInitContainers(List.of(init));
                }),
                c("init restartPolicy value", p -> {
                    Container init = container("init");
                    init.setRestartPolicy("Never");
                    p.getSpec().setInitContainers(List.of(init));
                }, "spec.initContainers[0].restartPolicy: Unsupported value: \"Never\": supported values: \"Always\""));
    }

    static Stream<Arguments> specCases() {
        return Stream.of(
                c("restartPolicy", p -> p.getSpec().setRestartPolicy("Sometimes"), "spec.restartPolicy: Unsupported "
                        + "value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\""),
                c("restartPolicy missing", p -> p.getSpec().setRestartPolicy(null), "spec.restartPolicy: Required value"),
                c("dnsPolicy", p -> p.getSpec().setDnsPolicy("Bogus"), "spec.dnsPolicy: Unsupported value: \"Bogus\": "
                        + "supported values: \"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\""),
                c("dnsPolicy None needs dnsConfig", p -> p.getSpec().setDnsPolicy("None"),
                        "spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None"),
                c("grace period missing", p -> p.getSpec().setTerminationGracePeriodSeconds(null),
                        "spec.terminationGracePeriodSeconds: Required value"),
                c("negative grace period is accepted", p -> p.getSpec().setTerminationGracePeriodSeconds(-1L)),
                c("activeDeadlineSeconds", p -> p.getSpec().setActiveDeadlineSeconds(0L),
                        "spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive"),
                c("nodeSelector value", p -> p.getSpec().setNodeSelector(Map.of("zone", "a b")),
                        "spec.nodeSelector: Invalid value: \"a b\": " + LABEL_VALUE_MSG),
                c("serviceAccountName", p -> p.getSpec().setServiceAccountName("Bad_SA"),
                        "spec.serviceAccountName: Invalid value: \"Bad_SA\": " + DNS1123_SUBDOMAIN_MSG),
                c("deprecated serviceAccount is converted", p -> p.getSpec().setServiceAccount("Bad_SA"),
                        "spec.serviceAccountName: Invalid value: \"Bad_SA\": " + DNS1123_SUBDOMAIN_MSG),
                c("nodeName", p -> p.getSpec().setNodeName("Node_1"),
                        "spec.nodeName: Invalid value: \"Node_1\": " + DNS1123_SUBDOMAIN_MSG),
                c("hostname", p -> p.getSpec().setHostname("web.1"), "spec.hostname: Invalid value: \"web.1\": must "
                        + "not contain dots"),
                c("toleration operator", p -> p.getSpec().setTolerations(List.of(toleration("k", "Maybe", "", "NoSchedule",
                        null))), "spec.tolerations[0].operator: Unsupported value: \"Maybe\": supported values: "
                                + "\"Equal\", \"Exists\""),
                c("toleration effect", p -> p.getSpec().setTolerations(List.of(toleration("k", "Equal", "v", "Sometimes",
                        null))), "spec.tolerations[0].effect: Unsupported value: \"Sometimes\": supported values: "
                                + "\"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\""),
                c("toleration without key", p -> p.getSpec().setTolerations(List.of(toleration(null, "Equal", "", "",
                        null))), "spec.tolerations[0].operator: Invalid value: \"Equal\": operator must be Exists when "
                                + "`key` is empty, which means \"match all values and all keys\""),
                c("toleration Exists with value", p -> p.getSpec().setTolerations(List.of(toleration("k", "Exists", "x",
                        "", null))), "spec.tolerations[0].operator: Invalid value: \"x\": value must be empty when "
                                + "`operator` is 'Exists'"),
                c("tolerationSeconds needs NoExecute", p -> p.getSpec().setTolerations(List.of(toleration("k", "Exists",
                        "", "NoSchedule", 60L))), "spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect "
                                + "must be 'NoExecute' when `tolerationSeconds` is set"),
                c("toleration value", p -> p.getSpec().setTolerations(List.of(toleration("k", "Equal", "a b", "",
                        null))), "spec.tolerations[0].operator: Invalid value: \"a b\": " + LABEL_VALUE_MSG),
                c("mirror pod needs a node", p -> p.getMetadata().setAnnotations(Map.of("kubernetes.io/config.mirror",
                        "x")), "metadata.annotations[kubernetes.io/config.mirror]: Invalid value: \"x\": must set "
                                + "spec.nodeName if mirror pod annotation is set"),
                c("pod deletion cost", p -> p.getMetadata().setAnnotations(Map.of(
                        "controller.kubernetes.io/pod-deletion-cost", "+5")),
                        "metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: \"+5\": must "
                                + "be a 32bit integer"),
                c("ephemeral containers on create", p -> p.getSpec().setEphemeralContainers(List.of(
                        new EphemeralContainerBuilder().withName("debug").withImage("busybox").build())),
                        "spec.ephemeralContainers: Forbidden: cannot be set on create"),
                c("nodeName with scheduling gates", p -> {
                    p.getSpec().setNodeName("node-1");
                    p.getSpec().setSchedulingGates(List.of(new io.fabric8.kubernetes.api.model.PodSchedulingGate(
                            "example.com/gate")));
                }, "spec.nodeName: Forbidden: cannot be set until all schedulingGates have been cleared"),
                c("metadata is validated", p -> p.getMetadata().setName(null),
                        "metadata.name: Required value: name or generateName is required"));
    }

    private static io.fabric8.kubernetes.api.model.Toleration toleration(String key, String op, String value,
            String effect, Long seconds) {
        return new io.fabric8.kubernetes.api.model.Toleration(effect, key, op, seconds, value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"containerCases", "envAndResourceCases", "probeCases", "specCases"})
    void createValidation(String name, Consumer<Pod> change, List<String> expected) {
        assertThat(strings(PodValidation.validatePod(Fixtures.pod(change)))).containsExactlyElementsOf(expected);
    }

    @Test
    void toleratesNulls() {
        assertThat(strings(PodValidation.validatePod(null))).containsExactly(
                "metadata.name: Required value: name or generateName is required",
                "metadata.namespace: Required value",
                "spec.terminationGracePeriodSeconds: Required value",
                "spec.containers: Required value",
                "spec.restartPolicy: Required value",
                "spec.dnsPolicy: Required value");
        Pod p = Fixtures.pod(x -> x.getSpec().setContainers(java.util.Arrays.asList((Container) null)));
        assertThat(strings(PodValidation.validatePod(p))).contains("spec.containers[0].name: Required value",
                "spec.containers[0].image: Required value");
    }
}
