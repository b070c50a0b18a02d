package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Minimal core/v1 Node validation ({@code ValidateNode}, {@code ValidateNodeUpdate}): name, taints (reported at
 * {@code metadata.taints} as upstream does), pod CIDRs and the update immutabilities. Status quantities and the
 * deprecated config source are not checked.
 */
public final class NodeValidation {

    private static final FieldPath POD_CIDRS = FieldPath.root("spec").child("podCIDRs");

    private NodeValidation() {
    }

    /** Create validation. */
    public static List<FieldError> validate(Node node) {
        Node n = node == null ? new Node() : node;
        NodeSpec spec = n.getSpec() == null ? new NodeSpec() : n.getSpec();
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validate(n.getMetadata(), false,
                NameRule.DNS1123_SUBDOMAIN, "Node"));
        errs.addAll(TolerationValidation.nodeTaints(spec.getTaints(), FieldPath.root("metadata").child("taints")));
        List<String> cidrs = podCidrs(spec);
        for (int i = 0; i < cidrs.size(); i++) {
            errs.addAll(IpAddresses.validateCidr(POD_CIDRS.index(i), cidrs.get(i)));
        }
        if (cidrs.size() > 1) {
            if (!IpAddresses.isDualStack(cidrs, true) || cidrs.size() > 2) {
                errs.add(FieldError.invalid(POD_CIDRS.toString(), cidrs,
                        "may specify no more than one CIDR for each IP family"));
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < cidrs.size(); i++) {
                if (!seen.add(cidrs.get(i))) {
                    errs.add(FieldError.duplicate(POD_CIDRS.index(i).toString(), cidrs.get(i)));
                }
            }
        }
        return errs;
    }

    /** Update validation: podCIDRs and providerID may only be set once; externalID never changes. */
    public static List<FieldError> validateUpdate(Node newNode, Node oldNode) {
        Node n = newNode == null ? new Node() : newNode;
        Node o = oldNode == null ? new Node() : oldNode;
        NodeSpec ns = n.getSpec() == null ? new NodeSpec() : n.getSpec();
        NodeSpec os = o.getSpec() == null ? new NodeSpec() : o.getSpec();
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validateUpdate(n.getMetadata(), o.getMetadata(),
                "Node"));
        errs.addAll(podCidrsUnchanged(podCidrs(ns), podCidrs(os)));
        String oldProvider = os.getProviderID() == null ? "" : os.getProviderID();
        if (!oldProvider.isEmpty() && !oldProvider.equals(ns.getProviderID())) {
            errs.add(FieldError.forbidden(FieldPath.root("spec").child("providerID").toString(),
                    "node updates may not change providerID except from \"\" to valid"));
        }
        if (ns.getTaints() != null && !ns.getTaints().isEmpty()) {
            errs.addAll(TolerationValidation.nodeTaints(ns.getTaints(), FieldPath.root("metadata").child("taints")));
        }
        if (!Objects.equals(nz(ns.getExternalID()), nz(os.getExternalID()))) {
            errs.add(FieldError.forbidden(FieldPath.root("spec").child("externalID").toString(), "may not be updated"));
        }
        return errs;
    }

    /** Pod CIDRs may only be set once (one error per changed entry, as upstream). */
    private static List<FieldError> podCidrsUnchanged(List<String> newCidrs, List<String> oldCidrs) {
        List<FieldError> errs = new ArrayList<>();
        String msg = "node updates may not change podCIDR except from \"\" to valid";
        if (oldCidrs.isEmpty()) {
            return errs;
        }
        if (oldCidrs.size() != newCidrs.size()) {
            return List.of(FieldError.forbidden(POD_CIDRS.toString(), msg));
        }
        for (int i = 0; i < oldCidrs.size(); i++) {
            if (!oldCidrs.get(i).equals(newCidrs.get(i))) {
                errs.add(FieldError.forbidden(POD_CIDRS.toString(), msg));
            }
        }
        return errs;
    }

    /** v1 → internal conversion: {@code podCIDRs} defaults to {@code [podCIDR]}. */
    private static List<String> podCidrs(NodeSpec spec) {
        if (spec.getPodCIDRs() != null && !spec.getPodCIDRs().isEmpty()) {
            List<String> out = new ArrayList<>();
            spec.getPodCIDRs().forEach(c -> out.add(nz(c)));
            return out;
        }
        return spec.getPodCIDR() == null || spec.getPodCIDR().isEmpty() ? List.of() : List.of(spec.getPodCIDR());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
