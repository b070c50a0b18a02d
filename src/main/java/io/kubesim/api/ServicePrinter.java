package io.kubesim.api;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static io.kubesim.api.Cells.items;
import static io.kubesim.api.Cells.text;

/**
 * Service rows ({@code printService}): NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE + wide SELECTOR. The apiserver
 * prints wide, so load-balancer addresses are never clipped.
 */
final class ServicePrinter implements TablePrinter {

    static final String TYPE_DOC = "type determines how the Service is exposed. Defaults to ClusterIP. Valid options "
            + "are ExternalName, ClusterIP, NodePort, and LoadBalancer. \"ClusterIP\" allocates a cluster-internal IP "
            + "address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not "
            + "specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is "
            + "\"None\", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a "
            + "virtual IP. \"NodePort\" builds on ClusterIP and allocates a port on every node which routes to the same "
            + "endpoints as the clusterIP. \"LoadBalancer\" builds on NodePort and creates an external load-balancer (if "
            + "supported in the current cloud) which routes to the same endpoints as the clusterIP. \"ExternalName\" "
            + "aliases this service to the specified externalName. Several other fields do not apply to ExternalName "
            + "services. More info: "
            + "https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types";
    static final String CLUSTER_IP_DOC = "clusterIP is the IP address of the service and is usually assigned randomly. "
            + "If an address is specified manually, is in-range (as per system configuration), and is not in use, it "
            + "will be allocated to the service; otherwise creation of the service will fail. This field may not be "
            + "changed through updates unless the type field is also being changed to ExternalName (which requires "
            + "this field to be blank) or the type field is being changed from ExternalName (in which case this field "
            + "may optionally be specified, as describe above).  Valid values are \"None\", empty string (\"\"), or a "
            + "valid IP address. Setting this to \"None\" makes a \"headless service\" (no virtual IP), which is useful "
            + "when direct endpoint connections are preferred and proxying is not required.  Only applies to types "
            + "ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type "
            + "ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. "
            + "More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies";
    static final String EXTERNAL_IPS_DOC = "externalIPs is a list of IP addresses for which nodes in the cluster will "
            + "also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible "
            + "for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers "
            + "that are not part of the Kubernetes system.";
    static final String PORTS_DOC = "The list of ports that are exposed by this service. More info: "
            + "https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies";
    static final String SELECTOR_DOC = "Route service traffic to pods with label keys and values matching this "
            + "selector. If empty or not present, the service is assumed to have an external process managing its "
            + "endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. "
            + "Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/";

    private static final List<Column> COLUMNS = List.of(Columns.NAME, Columns.string("Type", TYPE_DOC),
            Columns.string("Cluster-IP", CLUSTER_IP_DOC), Columns.string("External-IP", EXTERNAL_IPS_DOC),
            Columns.string("Port(s)", PORTS_DOC), Columns.AGE, Columns.wide("Selector", SELECTOR_DOC));

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode service, Instant now) {
        JsonNode spec = service.path("spec");
        return List.of(Cells.name(service), text(spec.path("type")), clusterIp(spec), externalIp(service),
                Cells.orNone(ports(spec.path("ports"))), Cells.age(service, now),
                LabelCells.formatLabels(spec.path("selector")));
    }

    /** {@code clusterIPs[0]}, falling back to {@code clusterIP} (as v1 conversion does), else {@code <none>}. */
    static String clusterIp(JsonNode spec) {
        List<JsonNode> ips = items(spec.path("clusterIPs"));
        return ips.isEmpty() ? Cells.orNone(text(spec.path("clusterIP"))) : text(ips.get(0));
    }

    /** {@code getServiceExternalIP} with {@code wide = true}. */
    static String externalIp(JsonNode service) {
        JsonNode spec = service.path("spec");
        List<String> externalIps = strings(spec.path("externalIPs"));
        return switch (text(spec.path("type"))) {
            case "ClusterIP", "NodePort" -> externalIps.isEmpty() ? Cells.NONE : String.join(",", externalIps);
            case "LoadBalancer" -> loadBalancerIp(service.path("status").path("loadBalancer"), externalIps);
            case "ExternalName" -> text(spec.path("externalName"));
            default -> Cells.UNKNOWN;
        };
    }

    private static String loadBalancerIp(JsonNode loadBalancer, List<String> externalIps) {
        TreeSet<String> ingress = new TreeSet<>(LabelCells.GO_ORDER);
        for (JsonNode i : items(loadBalancer.path("ingress"))) {
            String address = text(i.path("ip")).isEmpty() ? text(i.path("hostname")) : text(i.path("ip"));
            if (!address.isEmpty()) {
                ingress.add(address);
            }
        }
        if (!externalIps.isEmpty()) {
            List<String> all = new ArrayList<>(ingress);
            all.addAll(externalIps);
            return String.join(",", all);
        }
        return ingress.isEmpty() ? "<pending>" : String.join(",", ingress);
    }

    /** {@code makePortString}: {@code 80/TCP} or {@code 80:30080/TCP}, comma-joined. */
    static String ports(JsonNode ports) {
        List<String> pieces = new ArrayList<>();
        for (JsonNode p : items(ports)) {
            long port = Cells.integer(p.path("port"));
            long nodePort = Cells.integer(p.path("nodePort"));
            String protocol = text(p.path("protocol"));
            pieces.add(nodePort > 0 ? port + ":" + nodePort + "/" + protocol : port + "/" + protocol);
        }
        return String.join(",", pieces);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        items(array).forEach(n -> out.add(text(n)));
        return out;
    }
}
