package io.kubesim.registry;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.kubesim.registry.kinds.ServiceIpAllocator;

import java.util.List;
import java.util.Map;

/**
 * The {@code default/kubernetes} Service every cluster has (the apiserver's own, on the first
 * ClusterIP, port 443 → 6443) and its Endpoints.
 */
final class KubernetesService {

    private final ResourceRegistry registry;
    private final ServiceIpAllocator ips;

    KubernetesService(ResourceRegistry registry, ServiceIpAllocator ips) {
        this.registry = registry;
        this.ips = ips;
    }

    void ensure() {
        try {
            registry.get(registry.catalog().strategy(Service.class), "default", "kubernetes");
            return;
        } catch (ApiException e) {
            if (e.code() != 404) {
                throw e;
            }
        }
        Service svc = new Service();
        svc.setMetadata(meta());
        ServiceSpec spec = new ServiceSpec();
        spec.setClusterIP(ips.first());
        spec.setType("ClusterIP");
        spec.setSessionAffinity("None");
        ServicePort port = new ServicePort();
        port.setName("https");
        port.setPort(443);
        port.setProtocol("TCP");
        port.setTargetPort(new IntOrString(6443));
        spec.setPorts(List.of(port));
        svc.setSpec(spec);
        create(svc);
        Endpoints ep = new Endpoints();
        ep.setMetadata(meta());
        EndpointSubset subset = new EndpointSubset();
        EndpointAddress address = new EndpointAddress();
        address.setIp("172.18.0.2");
        subset.setAddresses(List.of(address));
        EndpointPort p = new EndpointPort();
        p.setName("https");
        p.setPort(6443);
        p.setProtocol("TCP");
        subset.setPorts(List.of(p));
        ep.setSubsets(List.of(subset));
        create(ep);
        create(slice());
    }

    /** The apiserver's own EndpointSlice for it (as the real apiserver's endpoint reconciler writes it). */
    private static io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice slice() {
        var slice = new io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice();
        ObjectMeta m = new ObjectMeta();
        m.setName("kubernetes");
        m.setNamespace("default");
        m.setLabels(Map.of("kubernetes.io/service-name", "kubernetes",
                "endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io"));
        slice.setMetadata(m);
        slice.setAddressType("IPv4");
        var endpoint = new io.fabric8.kubernetes.api.model.discovery.v1.Endpoint();
        endpoint.setAddresses(List.of("172.18.0.2"));
        endpoint.setConditions(new io.fabric8.kubernetes.api.model.discovery.v1.EndpointConditions(true, true, null));
        slice.setEndpoints(List.of(endpoint));
        var port = new io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort();
        port.setName("https");
        port.setPort(6443);
        port.setProtocol("TCP");
        slice.setPorts(List.of(port));
        return slice;
    }

    private static ObjectMeta meta() {
        ObjectMeta m = new ObjectMeta();
        m.setName("kubernetes");
        m.setNamespace("default");
        m.setLabels(Map.of("component", "apiserver", "provider", "kubernetes"));
        return m;
    }

    private void create(io.fabric8.kubernetes.api.model.HasMetadata o) {
        try {
            registry.create(o, WriteOptions.manager("kube-apiserver"));
        } catch (ApiException e) {
            if (e.reason() != StatusReason.ALREADY_EXISTS) {
                throw e;
            }
        }
    }
}
