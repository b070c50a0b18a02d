package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pod validation of core validation ({@code ValidatePodCreate}, {@code ValidatePodUpdate},
 * {@code ValidatePodTemplateSpec}, {@code ValidatePodSpec}). Like kube-apiserver these expect defaulted objects:
 * fields that the server defaults (restartPolicy, dnsPolicy, terminationGracePeriodSeconds, imagePullPolicy,
 * terminationMessagePolicy, port protocols, probe thresholds) are reported as required or invalid when missing.
 */
public final class PodValidation {

    static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";
    private static final String DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";
    private static final FieldPath META = FieldPath.root("metadata");
    private static final FieldPath SPEC = FieldPath.root("spec");

    private PodValidation() {
    }

    /** Create validation of a Pod ({@code ValidatePodCreate}). */
    public static List<FieldError> validatePod(Pod pod) {
        Pod p = pod == null ? new Pod() : pod;
        PodSpec spec = p.getSpec() == null ? new PodSpec() : p.getSpec();
        List<FieldError> errs = metadataAndSpec(p);
        if (spec.getEphemeralContainers() != null && !spec.getEphemeralContainers().isEmpty()) {
            errs.add(FieldError.forbidden(SPEC.child("ephemeralContainers").toString(), "cannot be set on create"));
        }
        if (spec.getNodeName() != null && !spec.getNodeName().isEmpty() && spec.getSchedulingGates() != null
                && !spec.getSchedulingGates().isEmpty()) {
            errs.add(FieldError.forbidden(SPEC.child("nodeName").toString(),
                    "cannot be set until all schedulingGates have been cleared"));
        }
        return errs;
    }

    /**
     * Update validation of a Pod ({@code ValidatePodUpdate}): only container images, activeDeadlineSeconds (down),
     * added tolerations, removed scheduling gates and a negative grace period set to 1 may change. The message's
     * diff part is simplified, see {@link PodUpdateValidation}.
     */
    public static List<FieldError> validatePodUpdate(Pod newPod, Pod oldPod) {
        return PodUpdateValidation.validate(newPod == null ? new Pod() : newPod, oldPod == null ? new Pod() : oldPod);
    }

    /** {@code ValidatePodTemplateSpec} at {@code path} (e.g. {@code spec.template}). */
    public static List<FieldError> validatePodTemplateSpec(PodTemplateSpec template, String path) {
        PodTemplateSpec t = template == null ? new PodTemplateSpec() : template;
        FieldPath p = FieldPath.root(path == null ? "" : path);
        ObjectMeta meta = t.getMetadata() == null ? new ObjectMeta() : t.getMetadata();
        PodSpec spec = t.getSpec() == null ? new PodSpec() : t.getSpec();
        List<FieldError> errs = new ArrayList<>(LabelValidation.validateLabels(meta.getLabels(), p.child("labels")));
        errs.addAll(ObjectMetaValidation.validateAnnotations(meta.getAnnotations(), p.child("annotations")));
        errs.addAll(podSpecificAnnotations(meta.getAnnotations(), spec, p.child("annotations")));
        errs.addAll(PodSpecValidation.validate(spec, p.child("spec"), false));
        if (spec.getEphemeralContainers() != null && !spec.getEphemeralContainers().isEmpty()) {
            errs.add(FieldError.forbidden(p.child("spec", "ephemeralContainers").toString(),
                    "ephemeral containers not allowed in pod template"));
        }
        return errs;
    }

    /** {@code ValidatePodSpec} at {@code path}, with pod-template semantics (hostPort 0 allowed with hostNetwork). */
    public static List<FieldError> validatePodSpec(PodSpec spec, String path) {
        return PodSpecValidation.validate(spec, FieldPath.root(path == null ? "" : path), false);
    }

    /** {@code validatePodMetadataAndSpec}: shared by create and update. */
    static List<FieldError> metadataAndSpec(Pod p) {
        ObjectMeta meta = p.getMetadata() == null ? new ObjectMeta() : p.getMetadata();
        PodSpec spec = p.getSpec() == null ? new PodSpec() : p.getSpec();
        List<FieldError> errs = new ArrayList<>(
                ObjectMetaValidation.validate(meta, true, NameRule.DNS1123_SUBDOMAIN, "Pod"));
        errs.addAll(podSpecificAnnotations(meta.getAnnotations(), spec, META.child("annotations")));
        errs.addAll(PodSpecValidation.validate(spec, SPEC, true));
        if (PodSpecValidation.serviceAccountName(spec).isEmpty()) {
            errs.addAll(tokenWithoutServiceAccount(spec.getVolumes()));
        }
        errs.addAll(ContainerValidation.imageWhitespace(spec.getContainers(), SPEC.child("containers")));
        errs.addAll(ContainerValidation.imageWhitespace(spec.getInitContainers(), SPEC.child("initContainers")));
        return errs;
    }

    private static List<FieldError> tokenWithoutServiceAccount(List<Volume> volumes) {
        List<FieldError> errs = new ArrayList<>();
        for (int vi = 0; volumes != null && vi < volumes.size(); vi++) {
            Volume v = volumes.get(vi);
            if (v == null || v.getProjected() == null || v.getProjected().getSources() == null) {
                continue;
            }
            List<VolumeProjection> sources = v.getProjected().getSources();
            for (int si = 0; si < sources.size(); si++) {
                if (sources.get(si) != null && sources.get(si).getServiceAccountToken() != null) {
                    errs.add(FieldError.forbidden(SPEC.child("volumes").index(vi).child("projected", "sources")
                            .index(si).child("serviceAccountToken").toString(),
                            "must not be specified when serviceAccountName is not set"));
                }
            }
        }
        return errs;
    }

    /** {@code ValidatePodSpecificAnnotations}: mirror pods need a node, pod-deletion-cost must be an int32. */
    static List<FieldError> podSpecificAnnotations(Map<String, String> annotations, PodSpec spec, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (annotations == null) {
            return errs;
        }
        if (annotations.containsKey(MIRROR_ANNOTATION) && (spec.getNodeName() == null || spec.getNodeName().isEmpty())) {
            errs.add(FieldError.invalid(path.key(MIRROR_ANNOTATION).toString(), nz(annotations.get(MIRROR_ANNOTATION)),
                    "must set spec.nodeName if mirror pod annotation is set"));
        }
        if (annotations.containsKey(DELETION_COST) && !isInt32(nz(annotations.get(DELETION_COST)))) {
            errs.add(FieldError.invalid(path.key(DELETION_COST).toString(), nz(annotations.get(DELETION_COST)),
                    "must be a 32bit integer"));
        }
        return errs;
    }

    /** {@code GetDeletionCostFromPodAnnotations}: no plus sign, no leading zeros, fits in int32. */
    private static boolean isInt32(String value) {
        if (value.isEmpty() || !(value.charAt(0) == '-' || value.equals("0")
                || (value.charAt(0) >= '1' && value.charAt(0) <= '9'))) {
            return false;
        }
        try {
            Integer.parseInt(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
