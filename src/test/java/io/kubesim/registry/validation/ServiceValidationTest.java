package io.kubesim.registry.validation;

import static io.kubesim.registry.validation.Fixtures.LABEL_VALUE_MSG;
import static io.kubesim.registry.validation.Fixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceValidationTest {

    private static Arguments c(String name, Consumer<Service> change, String... expected) {
        return Arguments.of(name, change, List.of(expected));
    }

    private static ServicePort port(String name, int port) {
        return new ServicePortBuilder().withName(name).withPort(port).withProtocol("TCP")
                .withTargetPort(new IntOrString(port)).build();
    }

    private static ServicePort p0(Service s) {
        return s.getSpec().getPorts().get(0);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                c("valid", s -> { }),
                c("headless without ports", s -> {
                    s.getSpec().setClusterIP("None");
                    s.getSpec().setPorts(List.of());
                }),
                c("ports required", s -> s.getSpec().setPorts(List.of()), "spec.ports: Required value"),
                c("names required with several ports", s -> s.getSpec().setPorts(List.of(port(null, 80), port(null, 81))),
                        "spec.ports[0].name: Required value", "spec.ports[1].name: Required value"),
                c("duplicate port names", s -> s.getSpec().setPorts(List.of(port("web", 80), port("web", 81))),
                        "spec.ports[1].name: Duplicate value: \"web\""),
                c("duplicate protocol and port", s -> s.getSpec().setPorts(List.of(port("a", 80), port("b", 80))),
                        "spec.ports[1]: Duplicate value: {\"Name\":\"\",\"Protocol\":\"TCP\",\"AppProtocol\":null,"
                                + "\"Port\":80,\"TargetPort\":0,\"NodePort\":0}"),
                c("port range", s -> p0(s).setPort(0),
                        "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive"),
                c("protocol", s -> p0(s).setProtocol("HTTP"), "spec.ports[0].protocol: Unsupported value: \"HTTP\": "
                        + "supported values: \"SCTP\", \"TCP\", \"UDP\""),
                c("named targetPort", s -> p0(s).setTargetPort(new IntOrString("HTTP_PORT")),
                        "spec.ports[0].targetPort: Invalid value: \"HTTP_PORT\": must contain only alpha-numeric "
                                + "characters (a-z, 0-9), and hyphens (-)",
                        "spec.ports[0].targetPort: Invalid value: \"HTTP_PORT\": must contain at least one letter (a-z)"),
                c("targetPort range", s -> p0(s).setTargetPort(new IntOrString(70000)),
                        "spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive"),
                c("nodePort on ClusterIP", s -> p0(s).setNodePort(30080),
                        "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"),
                c("type", s -> s.getSpec().setType("Bogus"), "spec.type: Unsupported value: \"Bogus\": supported "
                        + "values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\""),
                c("clusterIP", s -> s.getSpec().setClusterIP("10.96.0.300"), "spec.clusterIPs[0]: Invalid value: "
                        + "\"10.96.0.300\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"),
                c("clusterIPs must start with clusterIP", s -> s.getSpec().setClusterIPs(List.of("10.96.0.11")),
                        "spec.clusterIPs: Invalid value: [\"10.96.0.11\"]: first value must match `clusterIP`"),
                c("headless NodePort", s -> {
                    s.getSpec().setType("NodePort");
                    s.getSpec().setClusterIP("None");
                    s.getSpec().setExternalTrafficPolicy("Cluster");
                }, "spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services"),
                c("NodePort needs externalTrafficPolicy", s -> s.getSpec().setType("NodePort"),
                        "spec.externalTrafficPolicy: Required value"),
                c("LoadBalancer needs allocateLoadBalancerNodePorts", s -> {
                    s.getSpec().setType("LoadBalancer");
                    s.getSpec().setExternalTrafficPolicy("Cluster");
                }, "allocateLoadBalancerNodePorts: Required value"),
                c("externalTrafficPolicy on ClusterIP", s -> s.getSpec().setExternalTrafficPolicy("Local"),
                        "spec.externalTrafficPolicy: Invalid value: \"Local\": may only be set for externally-accessible"
                                + " services"),
                c("selector", s -> s.getSpec().setSelector(Map.of("app", "a b")),
                        "spec.selector: Invalid value: \"a b\": " + LABEL_VALUE_MSG),
                c("sessionAffinity", s -> s.getSpec().setSessionAffinity("Sticky"), "spec.sessionAffinity: Unsupported"
                        + " value: \"Sticky\": supported values: \"ClientIP\", \"None\""),
                c("ClientIP affinity without config", s -> s.getSpec().setSessionAffinity("ClientIP"),
                        "spec.sessionAffinityConfig: Required value: when session affinity type is ClientIP"),
                c("ExternalName without name", s -> {
                    s.getSpec().setType("ExternalName");
                    s.getSpec().setClusterIP(null);
                    s.getSpec().setInternalTrafficPolicy(null);
                }, "spec.externalName: Required value"),
                c("ExternalName with clusterIP", s -> {
                    s.getSpec().setType("ExternalName");
                    s.getSpec().setExternalName("db.example.com.");
                    s.getSpec().setInternalTrafficPolicy(null);
                }, "spec.clusterIPs: Forbidden: may not be set for ExternalName services"),
                c("externalIPs", s -> s.getSpec().setExternalIPs(List.of("127.0.0.1")),
                        "spec.externalIPs[0]: Invalid value: \"127.0.0.1\": may not be in the loopback range "
                                + "(127.0.0.0/8, ::1/128)",
                        "spec.externalTrafficPolicy: Required value"),
                c("internalTrafficPolicy missing", s -> s.getSpec().setInternalTrafficPolicy(null),
                        "spec.internalTrafficPolicy: Required value"),
                c("source ranges on ClusterIP", s -> s.getSpec().setLoadBalancerSourceRanges(List.of("10.0.0.0/8", "x")),
                        "spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'",
                        "spec.LoadBalancerSourceRanges[1]: Invalid value: \"x\": must be a valid CIDR value, (e.g. "
                                + "10.9.8.0/24 or 2001:db8::/64)"),
                c("service name is a DNS-1035 label", s -> s.getMetadata().setName("1web"),
                        "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric"
                                + " characters or '-', start with an alphabetic character, and end with an alphanumeric "
                                + "character (e.g. 'my-name',  or 'abc-123', regex used for validation is "
                                + "'[a-z]([-a-z0-9]*[a-z0-9])?')"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void create(String name, Consumer<Service> change, List<String> expected) {
        Service s = Fixtures.service();
        change.accept(s);
        assertThat(strings(ServiceValidation.validate(s))).containsExactlyElementsOf(expected);
    }

    @Test
    void clusterIpIsImmutable() {
        Service old = Fixtures.service();
        old.getMetadata().setResourceVersion("9");
        Service changed = Fixtures.service();
        changed.getMetadata().setResourceVersion("9");
        changed.getSpec().setClusterIP("10.96.0.11");
        assertThat(strings(ServiceValidation.validateUpdate(changed, old))).containsExactly(
                "spec.clusterIPs[0]: Invalid value: [\"10.96.0.11\"]: may not change once set");
        Service same = Fixtures.service();
        same.getMetadata().setResourceVersion("9");
        same.getSpec().setClusterIPs(List.of("10.96.0.10"));
        assertThat(strings(ServiceValidation.validateUpdate(same, old))).isEmpty();
        assertThat(strings(ServiceValidation.validate(null))).contains("spec.ports: Required value",
                "spec.sessionAffinity: Required value", "spec.type: Required value");
    }
}
