package io.kubesim.registry.defaults;

import static io.kubesim.registry.defaults.PodDefaultsTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import org.junit.jupiter.api.Test;

class ServiceDefaultsTest {

    @Test
    void clusterIpServiceMatchesRealServer() {
        Service svc = read("""
                {"metadata":{"name":"web"},"spec":{"selector":{"app":"web"},
                 "ports":[{"port":80},{"name":"m","port":9090,"targetPort":"metrics"}]},
                 "status":{"loadBalancer":{"ingress":[{"ip":"1.2.3.4"}]}}}
                """, Service.class);
        Defaults.service(svc);
        Defaults.serviceOnCreate(svc);
        assertThat(PodDefaultsTest.tree(svc)).isEqualTo(PodDefaultsTest.JSON.readTree("""
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},"spec":{
                  "internalTrafficPolicy":"Cluster","ipFamilies":["IPv4"],"ipFamilyPolicy":"SingleStack",
                  "ports":[{"port":80,"protocol":"TCP","targetPort":80},
                           {"name":"m","port":9090,"protocol":"TCP","targetPort":"metrics"}],
                  "selector":{"app":"web"},"sessionAffinity":"None","type":"ClusterIP"},
                 "status":{"loadBalancer":{}}}
                """));
    }

    @Test
    void loadBalancerAndNodePort() {
        Service lb = read("{\"spec\":{\"type\":\"LoadBalancer\",\"ports\":[{\"port\":443,\"targetPort\":0}]},"
                + "\"status\":{\"loadBalancer\":{\"ingress\":[{\"ip\":\"1.2.3.4\"},{\"hostname\":\"lb.example\"}]}}}",
                Service.class);
        Defaults.service(lb);
        assertThat(lb.getSpec().getExternalTrafficPolicy()).isEqualTo("Cluster");
        assertThat(lb.getSpec().getInternalTrafficPolicy()).isEqualTo("Cluster");
        assertThat(lb.getSpec().getAllocateLoadBalancerNodePorts()).isTrue();
        assertThat(lb.getSpec().getPorts().get(0).getTargetPort().getIntVal()).isEqualTo(443);
        assertThat(lb.getStatus().getLoadBalancer().getIngress()).extracting("ipMode").containsExactly("VIP", null);

        Service np = read("{\"spec\":{\"type\":\"NodePort\",\"externalTrafficPolicy\":\"Local\"}}", Service.class);
        Defaults.service(np);
        assertThat(np.getSpec().getExternalTrafficPolicy()).isEqualTo("Local");
        assertThat(np.getSpec().getAllocateLoadBalancerNodePorts()).isNull();
    }

    @Test
    void externalNameAndExternalIps() {
        Service ext = read("{\"spec\":{\"type\":\"ExternalName\",\"externalName\":\"db.example.com\"}}", Service.class);
        Defaults.service(ext);
        Defaults.serviceOnCreate(ext);
        assertThat(ext.getSpec().getInternalTrafficPolicy()).isNull();
        assertThat(ext.getSpec().getExternalTrafficPolicy()).isNull();
        assertThat(ext.getSpec().getIpFamilies()).isEmpty();
        assertThat(ext.getSpec().getIpFamilyPolicy()).isNull();

        Service withIps = read("{\"spec\":{\"externalIPs\":[\"203.0.113.7\"]}}", Service.class);
        Defaults.service(withIps);
        assertThat(withIps.getSpec().getExternalTrafficPolicy()).isEqualTo("Cluster");
    }

    @Test
    void sessionAffinity() {
        Service clientIp = read("{\"spec\":{\"sessionAffinity\":\"ClientIP\"}}", Service.class);
        Defaults.service(clientIp);
        assertThat(clientIp.getSpec().getSessionAffinityConfig().getClientIP().getTimeoutSeconds()).isEqualTo(10800);

        Service none = read("{\"spec\":{\"sessionAffinityConfig\":{\"clientIP\":{\"timeoutSeconds\":5}}}}",
                Service.class);
        Defaults.service(none);
        assertThat(none.getSpec().getSessionAffinityConfig()).isNull();
    }

    @Test
    void ipFamiliesForHeadlessAndExplicitIps() {
        Service headless = read("{\"spec\":{\"clusterIP\":\"None\"}}", Service.class);
        Defaults.serviceOnCreate(headless);
        assertThat(headless.getSpec().getIpFamilyPolicy()).isEqualTo("RequireDualStack");
        assertThat(headless.getSpec().getIpFamilies()).containsExactly("IPv4", "IPv6");
        assertThat(headless.getSpec().getClusterIPs()).containsExactly("None");

        Service headlessSelector = read("{\"spec\":{\"clusterIP\":\"None\",\"selector\":{\"a\":\"b\"}}}", Service.class);
        Defaults.serviceOnCreate(headlessSelector);
        assertThat(headlessSelector.getSpec().getIpFamilyPolicy()).isEqualTo("SingleStack");
        assertThat(headlessSelector.getSpec().getIpFamilies()).containsExactly("IPv4");

        Service v6 = read("{\"spec\":{\"clusterIPs\":[\"fd00::10\"]}}", Service.class);
        Defaults.serviceOnCreate(v6);
        assertThat(v6.getSpec().getClusterIP()).isEqualTo("fd00::10");
        assertThat(v6.getSpec().getIpFamilies()).containsExactly("IPv6");

        Service updated = read("{\"spec\":{\"clusterIP\":\"10.96.0.10\"}}", Service.class);
        Service old = read("{\"spec\":{\"ipFamilyPolicy\":\"PreferDualStack\"}}", Service.class);
        Defaults.serviceOnUpdate(updated, old);
        assertThat(updated.getSpec().getIpFamilyPolicy()).isEqualTo("PreferDualStack");
    }

    @Test
    void endpointsAndSlicesGetPortDefaults() {
        Endpoints ep = read("{\"subsets\":[{\"ports\":[{\"port\":80},{\"port\":53,\"protocol\":\"UDP\"}]},{}]}",
                Endpoints.class);
        Defaults.endpoints(ep);
        assertThat(ep.getSubsets().get(0).getPorts()).extracting("protocol").containsExactly("TCP", "UDP");

        EndpointSlice slice = read("{\"addressType\":\"IPv4\",\"ports\":[{\"port\":80},{\"name\":\"dns\","
                + "\"port\":53,\"protocol\":\"UDP\"}]}", EndpointSlice.class);
        Defaults.endpointSlice(slice);
        assertThat(slice.getPorts()).extracting("name").containsExactly("", "dns");
        assertThat(slice.getPorts()).extracting("protocol").containsExactly("TCP", "UDP");
        assertThat(PodDefaultsTest.tree(slice).get("ports").get(0).toString())
                .isEqualTo("{\"name\":\"\",\"port\":80,\"protocol\":\"TCP\"}");
    }

    @Test
    void nullsAreTolerated() {
        Defaults.service(null);
        Defaults.serviceOnCreate(null);
        Defaults.serviceOnUpdate(null, null);
        Defaults.endpoints(null);
        Defaults.endpointSlice(null);
        Service empty = new Service();
        Defaults.service(empty);
        assertThat(empty.getSpec().getType()).isEqualTo("ClusterIP");
        Service nullPorts = read("{\"spec\":{\"ports\":[null,{\"port\":1}]}}", Service.class);
        Defaults.service(nullPorts);
        assertThat(nullPorts.getSpec().getPorts().get(1).getProtocol()).isEqualTo("TCP");
        Endpoints noSubsets = new Endpoints();
        Defaults.endpoints(noSubsets);
        assertThat(noSubsets.getSubsets()).isEmpty();
    }
}
