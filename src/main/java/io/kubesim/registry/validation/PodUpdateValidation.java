package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSchedulingGate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ValidatePodUpdate}. The Forbidden message keeps upstream's header verbatim; upstream appends a
 * {@code cmp.Diff} of the internal Go structs, which is replaced here by {@link SpecDiff}'s line diff of the JSON
 * specs (one {@code -}/{@code +} line per changed JSON path).
 */
final class PodUpdateValidation {

    static final String UPDATABLE_FIELDS = "`spec.containers[*].image`,`spec.initContainers[*].image`,"
            + "`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),"
            + "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FieldPath SPEC = FieldPath.root("spec");

    private PodUpdateValidation() {
    }

    static List<FieldError> validate(Pod newPod, Pod oldPod) {
        ObjectMeta newMeta = newPod.getMetadata() == null ? new ObjectMeta() : newPod.getMetadata();
        ObjectMeta oldMeta = oldPod.getMetadata() == null ? new ObjectMeta() : oldPod.getMetadata();
        PodSpec n = newPod.getSpec() == null ? new PodSpec() : newPod.getSpec();
        PodSpec o = oldPod.getSpec() == null ? new PodSpec() : oldPod.getSpec();
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validateUpdate(newMeta, oldMeta, "Pod"));
        errs.addAll(PodValidation.metadataAndSpec(newPod));
        errs.addAll(mirrorAnnotation(newMeta.getAnnotations(), oldMeta.getAnnotations()));
        errs.addAll(PodValidation.podSpecificAnnotations(newMeta.getAnnotations(), n,
                FieldPath.root("metadata").child("annotations")));
        if (containerCountChanged(n.getContainers(), o.getContainers(), SPEC.child("containers"), errs)
                || containerCountChanged(n.getInitContainers(), o.getInitContainers(), SPEC.child("initContainers"),
                        errs)) {
            return errs;
        }
        if (!activeDeadline(n.getActiveDeadlineSeconds(), o.getActiveDeadlineSeconds(), errs)) {
            return errs;
        }
        errs.addAll(TolerationValidation.onlyAdded(n.getTolerations(), o.getTolerations(), SPEC.child("tolerations")));
        errs.addAll(onlyDeletedGates(n.getSchedulingGates(), o.getSchedulingGates()));
        errs.addAll(specUnchanged(n, o));
        return errs;
    }

    private static boolean containerCountChanged(List<Container> news, List<Container> olds, FieldPath path,
            List<FieldError> errs) {
        List<Container> n = news == null ? List.of() : news;
        if (n.size() != (olds == null ? 0 : olds.size())) {
            errs.add(FieldError.forbidden(path.toString(), "pod updates may not add or remove containers"));
            return true;
        }
        for (int i = 0; i < n.size(); i++) {
            String image = ContainerValidation.orEmpty(n.get(i)).getImage() == null ? ""
                    : n.get(i).getImage();
            if (image.isEmpty()) {
                errs.add(FieldError.required(path.index(i).child("image").toString(), ""));
            }
            if (!image.equals(image.strip())) {
                errs.add(FieldError.invalid(path.index(i).child("image").toString(), image,
                        "must not have leading or trailing whitespace"));
            }
        }
        return false;
    }

    /** Returns false when validation must stop (upstream returns early for these two cases). */
    private static boolean activeDeadline(Long n, Long o, List<FieldError> errs) {
        String f = SPEC.child("activeDeadlineSeconds").toString();
        if (n != null) {
            if (n < 0 || n > Integer.MAX_VALUE) {
                errs.add(FieldError.invalid(f, n, Formats.inclusiveRangeError(0, Integer.MAX_VALUE)));
                return false;
            }
            if (o != null && o < n) {
                errs.add(FieldError.invalid(f, n, "must be less than or equal to previous value"));
                return false;
            }
        } else if (o != null) {
            errs.add(FieldError.invalid(f, null, "must not update from a positive integer to nil value"));
        }
        return true;
    }

    private static List<FieldError> onlyDeletedGates(List<PodSchedulingGate> news, List<PodSchedulingGate> olds) {
        List<FieldError> errs = new ArrayList<>();
        Map<String, Integer> added = new LinkedHashMap<>();
        for (int i = 0; news != null && i < news.size(); i++) {
            added.put(news.get(i) == null ? "" : String.valueOf(news.get(i).getName()), i);
        }
        for (PodSchedulingGate g : olds == null ? List.<PodSchedulingGate>of() : olds) {
            added.remove(g == null ? "" : String.valueOf(g.getName()));
        }
        added.forEach((gate, i) -> errs.add(FieldError.forbidden(
                SPEC.child("schedulingGates").index(i).child("name").toString(),
                "only deletion is allowed, but found new scheduling gate '" + gate + "'")));
        return errs;
    }

    private static List<FieldError> mirrorAnnotation(Map<String, String> n, Map<String, String> o) {
        Map<String, String> news = n == null ? Map.of() : n;
        Map<String, String> olds = o == null ? Map.of() : o;
        String f = FieldPath.root("metadata").child("annotations").key(PodValidation.MIRROR_ANNOTATION).toString();
        if (olds.containsKey(PodValidation.MIRROR_ANNOTATION)) {
            if (!Objects.equals(news.get(PodValidation.MIRROR_ANNOTATION), olds.get(PodValidation.MIRROR_ANNOTATION))
                    || !news.containsKey(PodValidation.MIRROR_ANNOTATION)) {
                return List.of(FieldError.forbidden(f, "may not remove or update mirror pod annotation"));
            }
        } else if (news.containsKey(PodValidation.MIRROR_ANNOTATION)) {
            return List.of(FieldError.forbidden(f, "may not add mirror pod annotation"));
        }
        return List.of();
    }

    /**
     * Compares the specs after copying the updatable fields from the old spec into the new one. Equal specs (the
     * common case: metadata or status writes) skip the tree diff.
     */
    private static List<FieldError> specUnchanged(PodSpec n, PodSpec o) {
        if (Objects.equals(n, o)) {
            return List.of();
        }
        ObjectNode oldTree = SpecDiff.normalize(JSON.valueToTree(o));
        ObjectNode munged = SpecDiff.normalize(JSON.valueToTree(n));
        List<FieldError> errs = new ArrayList<>();
        copyImages(munged, oldTree, "containers");
        copyImages(munged, oldTree, "initContainers");
        for (String field : List.of("activeDeadlineSeconds", "schedulingGates", "tolerations")) {
            copy(munged, oldTree, field);
        }
        JsonNode oldGrace = oldTree.get("terminationGracePeriodSeconds");
        JsonNode newGrace = munged.get("terminationGracePeriodSeconds");
        if (oldGrace != null && oldGrace.asLong() < 0 && newGrace != null && newGrace.asLong() == 1) {
            copy(munged, oldTree, "terminationGracePeriodSeconds");
        }
        if (o.getSchedulingGates() != null && !o.getSchedulingGates().isEmpty()) {
            errs.addAll(nodeSelectorAdditions(n.getNodeSelector(), o.getNodeSelector()));
            copy(munged, oldTree, "nodeSelector");
        }
        if (!SpecDiff.normalize(munged).equals(oldTree)) {
            errs.add(FieldError.forbidden(SPEC.toString(), "pod updates may not change fields other than "
                    + UPDATABLE_FIELDS + "\n" + SpecDiff.diff(oldTree, SpecDiff.normalize(munged))));
        }
        return errs;
    }

    private static List<FieldError> nodeSelectorAdditions(Map<String, String> n, Map<String, String> o) {
        Map<String, String> news = n == null ? Map.of() : n;
        for (Map.Entry<String, String> e : (o == null ? Map.<String, String>of() : o).entrySet()) {
            if (!news.containsKey(e.getKey()) || !Objects.equals(news.get(e.getKey()), e.getValue())) {
                return List.of(FieldError.invalid(SPEC.child("nodeSelector").toString(), n,
                        "only additions to spec.nodeSelector are allowed (no mutations or deletions)"));
            }
        }
        return List.of();
    }

    private static void copyImages(ObjectNode munged, ObjectNode old, String list) {
        JsonNode n = munged.get(list);
        JsonNode o = old.get(list);
        for (int i = 0; n != null && o != null && i < n.size() && i < o.size(); i++) {
            if (n.get(i) instanceof ObjectNode target && o.get(i) instanceof ObjectNode source) {
                copy(target, source, "image");
            }
        }
    }

    private static void copy(ObjectNode target, ObjectNode source, String field) {
        if (source.has(field)) {
            target.set(field, source.get(field).deepCopy());
        } else {
            target.remove(field);
        }
    }
}
