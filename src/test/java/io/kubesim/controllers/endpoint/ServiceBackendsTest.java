package io.kubesim.controllers.endpoint;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceBackendsTest {

    private static Service service(Object targetPort) {
        return new ServiceBuilder().withNewMetadata().withName("web").withNamespace("ns").endMetadata().withNewSpec()
                .addToSelector("app", "web").addNewPort().withName("http").withPort(80).withProtocol("TCP")
                .withTargetPort(new io.fabric8.kubernetes.api.model.IntOrString(targetPort)).endPort().endSpec().build();
    }

    private static Pod pod(String name, String ip, String phase, boolean ready, String portName, boolean deleting) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("ns").addToLabels("app", "web")
                .withDeletionTimestamp(deleting ? "2026-01-01T00:00:00Z" : null).endMetadata()
                .withNewSpec().addNewContainer().withName("c").addNewPort().withName(portName).withContainerPort(8080)
                .withProtocol("TCP").endPort().endContainer().endSpec()
                .withNewStatus().withPhase(phase).withPodIP(ip)
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition().endStatus().build();
    }

    @Test
    void selectsRunningPodsWithAnIpAndANamedPort() {
        List<Pod> pods = List.of(pod("b", "10.0.0.2", "Running", true, "http", false),
                pod("a", "10.0.0.1", "Running", false, "http", false),
                pod("no-ip", null, "Pending", false, "http", false),
                pod("done", "10.0.0.3", "Succeeded", false, "http", false),
                pod("other-port", "10.0.0.4", "Running", true, "metrics", false),
                pod("leaving", "10.0.0.5", "Running", true, "http", true));
        var backends = ServiceBackends.backends(service("http"), pods, false);
        assertThat(backends).extracting(b -> b.pod().getMetadata().getName()).containsExactly("a", "b");
        assertThat(backends.get(0).ports()).singleElement().satisfies(p -> assertThat(p.port()).isEqualTo(8080));

        var withTerminating = ServiceBackends.backends(service("http"), pods, true);
        assertThat(withTerminating).extracting(b -> b.pod().getMetadata().getName()).containsExactly("a", "b", "leaving");
        assertThat(withTerminating.get(2).terminating()).isTrue();
    }

    @Test
    void numericTargetPortNeedsNoContainerPort() {
        var backends = ServiceBackends.backends(service(9090),
                List.of(pod("x", "10.0.0.9", "Running", true, "metrics", false)), false);
        assertThat(backends).singleElement().satisfies(b -> assertThat(b.ports().get(0).port()).isEqualTo(9090));
    }

    @Test
    void subsetsSplitReadyFromNotReadySortedByIp() {
        List<Pod> pods = List.of(pod("b", "10.0.0.20", "Running", true, "http", false),
                pod("a", "10.0.0.3", "Running", true, "http", false),
                pod("c", "10.0.0.1", "Running", false, "http", false));
        List<EndpointSubset> subsets = EndpointsController.subsets(ServiceBackends.backends(service("http"), pods, false),
                false);
        assertThat(subsets).hasSize(1);
        assertThat(subsets.get(0).getAddresses()).extracting(EndpointAddress::getIp).containsExactly("10.0.0.20", "10.0.0.3");
        assertThat(subsets.get(0).getNotReadyAddresses()).extracting(EndpointAddress::getIp).containsExactly("10.0.0.1");
        assertThat(EndpointsController.subsets(ServiceBackends.backends(service("http"), pods, false), true).get(0)
                .getNotReadyAddresses()).isNull();
    }
}
