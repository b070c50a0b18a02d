package io.kubesim.api;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static io.kubesim.api.Cells.age;
import static io.kubesim.api.Cells.items;
import static io.kubesim.api.Cells.name;
import static io.kubesim.api.Cells.text;

/** Endpoints and discovery.k8s.io EndpointSlice rows ({@code printEndpoints}, {@code printEndpointSlice}). */
final class EndpointPrinters {

    static final String SUBSETS_DOC = "The set of all endpoints is the union of all subsets. Addresses are placed into "
            + "subsets according to the IPs they share. A single address with multiple ports, some of which are ready "
            + "and some of which are not (because they come from different containers) will result in the address "
            + "being displayed in different subsets for the different ports. No address will appear in both Addresses "
            + "and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service.";
    // EndpointSlice column docs come from discovery/v1beta1, as upstream's AddHandlers takes them.
    static final String ADDRESS_TYPE_DOC = "addressType specifies the type of address carried by this EndpointSlice. "
            + "All addresses in this slice must be the same type. This field is immutable after creation. The following "
            + "address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 "
            + "Address. * FQDN: Represents a Fully Qualified Domain Name.";
    static final String SLICE_PORTS_DOC = "ports specifies the list of network ports exposed by each endpoint in this "
            + "slice. Each port must have a unique name. When ports is empty, it indicates that there are no defined "
            + "ports. When a port is defined with a nil port value, it indicates \"all ports\". Each slice may include a "
            + "maximum of 100 ports.";
    static final String SLICE_ENDPOINTS_DOC = "endpoints is a list of unique endpoints in this slice. Each slice may "
            + "include a maximum of 1000 endpoints.";

    /** How many entries a cell lists before {@code + N more...}. */
    private static final int MAX = 3;

    private EndpointPrinters() {
    }

    /** NAME ENDPOINTS AGE. */
    static TablePrinter endpoints() {
        return new SimplePrinter(List.of(Columns.NAME, Columns.string("Endpoints", SUBSETS_DOC), Columns.AGE),
                (o, now) -> List.of(name(o), formatEndpoints(o.path("subsets")), age(o, now)));
    }

    /** NAME ADDRESSTYPE PORTS ENDPOINTS AGE. */
    static TablePrinter endpointSlice() {
        return new SimplePrinter(List.of(Columns.NAME, Columns.string("AddressType", ADDRESS_TYPE_DOC),
                Columns.string("Ports", SLICE_PORTS_DOC), Columns.string("Endpoints", SLICE_ENDPOINTS_DOC),
                Columns.AGE),
                (o, now) -> List.of(name(o), text(o.path("addressType")), slicePorts(o.path("ports")),
                        sliceEndpoints(o.path("endpoints")), age(o, now)));
    }

    /**
     * {@code formatEndpoints(endpoints, nil)}: {@code ip:port} per address and port (bare IPs for port-less
     * subsets), the first three listed, then {@code + N more...}; {@code <none>} without subsets.
     */
    static String formatEndpoints(JsonNode subsets) {
        List<JsonNode> all = items(subsets);
        if (all.isEmpty()) {
            return Cells.NONE;
        }
        List<String> list = new ArrayList<>();
        boolean more = false;
        int count = 0;
        for (JsonNode subset : all) {
            List<JsonNode> addresses = items(subset.path("addresses"));
            List<JsonNode> ports = items(subset.path("ports"));
            if (ports.isEmpty()) {
                count += addresses.size();
                more |= addUpToMax(list, addresses, null);
                continue;
            }
            for (JsonNode port : ports) {
                count += addresses.size();
                more |= addUpToMax(list, addresses, Cells.integer(port.path("port")));
            }
        }
        String ret = String.join(",", list);
        return more ? ret + " + " + (count - MAX) + " more..." : ret;
    }

    /** Adds addresses until the list holds {@link #MAX}; true when one did not fit. */
    private static boolean addUpToMax(List<String> list, List<JsonNode> addresses, Long port) {
        for (JsonNode address : addresses) {
            if (list.size() == MAX) {
                return true;
            }
            String ip = text(address.path("ip"));
            list.add(port == null ? ip : joinHostPort(ip, port));
        }
        return false;
    }

    /** Go's {@code net.JoinHostPort}: brackets around hosts that contain a colon. */
    static String joinHostPort(String host, long port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** {@code formatDiscoveryPorts}: the port number, else its name, else {@code *}. */
    static String slicePorts(JsonNode ports) {
        List<String> values = new ArrayList<>();
        for (JsonNode port : items(ports)) {
            if (Cells.present(port.path("port"))) {
                values.add(Long.toString(Cells.integer(port.path("port"))));
            } else if (Cells.present(port.path("name"))) {
                values.add(text(port.path("name")));
            } else {
                values.add("*");
            }
        }
        return listWithMore(values);
    }

    /** {@code formatDiscoveryEndpoints}: every address of every endpoint. */
    static String sliceEndpoints(JsonNode endpoints) {
        List<String> values = new ArrayList<>();
        for (JsonNode endpoint : items(endpoints)) {
            items(endpoint.path("addresses")).forEach(a -> values.add(text(a)));
        }
        return listWithMore(values);
    }

    /** {@code listWithMoreString}: the first three, then {@code + N more...}; {@code <unset>} when empty. */
    private static String listWithMore(List<String> values) {
        String ret = String.join(",", values.subList(0, Math.min(MAX, values.size())));
        if (values.size() > MAX) {
            return ret + " + " + (values.size() - MAX) + " more...";
        }
        return ret.isEmpty() ? "<unset>" : ret;
    }
}
