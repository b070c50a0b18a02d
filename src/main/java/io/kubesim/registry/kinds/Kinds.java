package io.kubesim.registry.kinds;

import io.kubesim.registry.ResourceCatalog;

/**
 * Every kind kubesim serves. Adding a kind = one strategy class + one line here.
 */
public final class Kinds {

    private Kinds() {
    }

    public static ResourceCatalog catalog() {
        return catalog(new ServiceIpAllocator("10.96.0.0/12"));
    }

    /** The catalog, allocating Service ClusterIPs with {@code ips}. */
    public static ResourceCatalog catalog(ServiceIpAllocator ips) {
        return new ResourceCatalog()
                .register(new NamespaceStrategy())
                .register(new NodeStrategy())
                .register(new PodStrategy())
                .register(new EventStrategy())
                .register(new ServiceStrategy(ips))
                .register(new EndpointsStrategy())
                .register(new EndpointSliceStrategy())
                .register(new ConfigMapStrategy())
                .register(new SecretStrategy())
                .register(new ReplicationControllerStrategy())
                .register(new ReplicaSetStrategy())
                .register(new DeploymentStrategy())
                .register(new LeaseStrategy());
    }
}
