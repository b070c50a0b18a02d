package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import java.util.ArrayList;
import java.util.List;

/** core/v1 Endpoints validation ({@code ValidateEndpoints}, {@code ValidateEndpointsUpdate}). */
public final class EndpointsValidation {

    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");

    private EndpointsValidation() {
    }

    /** Create validation. */
    public static List<FieldError> validate(Endpoints endpoints) {
        Endpoints e = endpoints == null ? new Endpoints() : endpoints;
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validate(e.getMetadata(), true,
                NameRule.DNS1123_SUBDOMAIN, "Endpoints"));
        List<EndpointSubset> subsets = e.getSubsets() == null ? List.of() : e.getSubsets();
        for (int i = 0; i < subsets.size(); i++) {
            errs.addAll(subset(subsets.get(i) == null ? new EndpointSubset() : subsets.get(i),
                    FieldPath.root("subsets").index(i)));
        }
        return errs;
    }

    /** Update validation: metadata update rules plus the create rules (node names may change). */
    public static List<FieldError> validateUpdate(Endpoints newEndpoints, Endpoints oldEndpoints) {
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validateUpdate(
                newEndpoints == null ? null : newEndpoints.getMetadata(),
                oldEndpoints == null ? null : oldEndpoints.getMetadata(), "Endpoints"));
        errs.addAll(validate(newEndpoints));
        return errs;
    }

    private static List<FieldError> subset(EndpointSubset ss, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        List<EndpointAddress> ready = ss.getAddresses() == null ? List.of() : ss.getAddresses();
        List<EndpointAddress> notReady = ss.getNotReadyAddresses() == null ? List.of() : ss.getNotReadyAddresses();
        if (ready.isEmpty() && notReady.isEmpty()) {
            errs.add(FieldError.required(path.toString(), "must specify `addresses` or `notReadyAddresses`"));
        }
        for (int i = 0; i < ready.size(); i++) {
            errs.addAll(address(ready.get(i), path.child("addresses").index(i)));
        }
        for (int i = 0; i < notReady.size(); i++) {
            errs.addAll(address(notReady.get(i), path.child("notReadyAddresses").index(i)));
        }
        List<EndpointPort> ports = ss.getPorts() == null ? List.of() : ss.getPorts();
        for (int i = 0; i < ports.size(); i++) {
            errs.addAll(port(ports.get(i) == null ? new EndpointPort() : ports.get(i), ports.size() > 1,
                    path.child("ports").index(i)));
        }
        return errs;
    }

    private static List<FieldError> address(EndpointAddress a, FieldPath path) {
        EndpointAddress addr = a == null ? new EndpointAddress() : a;
        String ip = addr.getIp() == null ? "" : addr.getIp();
        List<FieldError> errs = new ArrayList<>(IpAddresses.validateIp(path.child("ip"), ip));
        if (addr.getHostname() != null && !addr.getHostname().isEmpty()) {
            errs.addAll(LabelValidation.dns1123Label(addr.getHostname(), path.child("hostname")));
        }
        if (addr.getNodeName() != null) {
            for (String msg : NameRule.DNS1123_SUBDOMAIN.messages(addr.getNodeName(), false)) {
                errs.add(FieldError.invalid(path.child("nodeName").toString(), addr.getNodeName(), msg));
            }
        }
        errs.addAll(IpAddresses.validateNonSpecialIp(path.child("ip"), ip));
        return errs;
    }

    private static List<FieldError> port(EndpointPort p, boolean requireName, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String name = p.getName() == null ? "" : p.getName();
        if (requireName && name.isEmpty()) {
            errs.add(FieldError.required(path.child("name").toString(), ""));
        } else if (!name.isEmpty()) {
            errs.addAll(LabelValidation.dns1123Label(name, path.child("name")));
        }
        int number = p.getPort() == null ? 0 : p.getPort();
        for (String msg : Formats.isValidPortNum(number)) {
            errs.add(FieldError.invalid(path.child("port").toString(), number, msg));
        }
        String protocol = p.getProtocol() == null ? "" : p.getProtocol();
        if (protocol.isEmpty()) {
            errs.add(FieldError.required(path.child("protocol").toString(), ""));
        } else if (!PROTOCOLS.contains(protocol)) {
            errs.add(FieldError.notSupported(path.child("protocol").toString(), GoFormat.named(protocol), PROTOCOLS));
        }
        if (p.getAppProtocol() != null) {
            errs.addAll(LabelValidation.qualifiedName(p.getAppProtocol(), path.child("appProtocol")));
        }
        return errs;
    }
}
