package io.kubesim.api;

/** The per-kind Table printers kubesim ships, keyed by apiVersion and kind like the apiserver's. */
final class Printers {

    private Printers() {
    }

    /** A registry with every printer; kinds without one get {@link TablePrinters#DEFAULT}. */
    static TablePrinters all() {
        return new TablePrinters()
                .register("v1", "Pod", new PodPrinter())
                .register("v1", "Node", new NodePrinter())
                .register("v1", "Namespace", ConfigPrinters.namespace())
                .register("v1", "ConfigMap", ConfigPrinters.configMap())
                .register("v1", "Secret", ConfigPrinters.secret())
                .register("v1", "Service", new ServicePrinter())
                .register("v1", "Endpoints", EndpointPrinters.endpoints())
                .register("v1", "Event", new EventPrinter())
                .register("v1", "ReplicationController", WorkloadPrinters.replicationController())
                .register("apps/v1", "ReplicaSet", WorkloadPrinters.replicaSet())
                .register("apps/v1", "Deployment", WorkloadPrinters.deployment())
                .register("coordination.k8s.io/v1", "Lease", ConfigPrinters.lease())
                .register("discovery.k8s.io/v1", "EndpointSlice", EndpointPrinters.endpointSlice());
    }
}
