package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubesim.selection.LabelRules;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code metadata} validation of apimachinery's {@code api/validation/objectmeta.go}, plus the extra finalizer-name
 * rule that core's {@code ValidateObjectMeta} wrapper adds for built-in kinds.
 */
public final class ObjectMetaValidation {

    /** {@code TotalAnnotationSizeLimitB}. */
    public static final int TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

    private static final FieldPath META = FieldPath.root("metadata");
    private static final Set<String> STANDARD_FINALIZERS = Set.of("kubernetes", "orphan", "foregroundDeletion");
    private static final Set<String> CORE_VALIDATED_KINDS = Set.of("Pod", "PodTemplate", "ReplicationController",
            "Service", "Endpoints", "Node", "Namespace", "ConfigMap", "Secret", "ServiceAccount", "LimitRange",
            "ResourceQuota", "PersistentVolume", "PersistentVolumeClaim", "ReplicaSet", "Deployment", "StatefulSet",
            "DaemonSet", "ControllerRevision");

    private ObjectMetaValidation() {
    }

    /**
     * Create-time metadata validation ({@code ValidateObjectMeta}) at {@code metadata}. Built-in kinds validated by
     * core's wrapper ({@code kind} in a known set, e.g. {@code Pod}) also get the standard-finalizer-name rule.
     */
    public static List<FieldError> validate(ObjectMeta meta, boolean namespaced, NameRule nameRule, String kind) {
        ObjectMeta m = meta == null ? new ObjectMeta() : meta;
        NameRule rule = nameRule == null ? NameRule.DNS1123_SUBDOMAIN : nameRule;
        List<FieldError> errs = new ArrayList<>();
        String generateName = str(m.getGenerateName());
        if (!generateName.isEmpty()) {
            for (String msg : rule.messages(generateName, true)) {
                errs.add(FieldError.invalid(META.child("generateName").toString(), generateName, msg));
            }
        }
        String name = str(m.getName());
        if (name.isEmpty()) {
            errs.add(FieldError.required(META.child("name").toString(), "name or generateName is required"));
        } else {
            for (String msg : rule.messages(name, false)) {
                errs.add(FieldError.invalid(META.child("name").toString(), name, msg));
            }
        }
        errs.addAll(validateNamespace(str(m.getNamespace()), namespaced));
        errs.addAll(validateCommon(m));
        errs.addAll(kubeFinalizerNames(m, kind));
        return errs;
    }

    /** Generic update validation ({@code ValidateObjectMetaUpdate}), without kind-specific rules. */
    public static List<FieldError> validateUpdate(ObjectMeta newMeta, ObjectMeta oldMeta) {
        return validateUpdate(newMeta, oldMeta, null);
    }

    /** Update validation; for built-in kinds (see {@link #validate}) also the standard-finalizer-name rule. */
    public static List<FieldError> validateUpdate(ObjectMeta newMeta, ObjectMeta oldMeta, String kind) {
        ObjectMeta n = newMeta == null ? new ObjectMeta() : newMeta;
        ObjectMeta o = oldMeta == null ? new ObjectMeta() : oldMeta;
        List<FieldError> errs = new ArrayList<>();
        if (o.getDeletionTimestamp() != null) {
            errs.addAll(noNewFinalizers(n.getFinalizers(), o.getFinalizers()));
        }
        if (str(n.getResourceVersion()).isEmpty()) {
            errs.add(FieldError.invalid(META.child("resourceVersion").toString(), str(n.getResourceVersion()),
                    "must be specified for an update"));
        }
        if (num(n.getGeneration()) < num(o.getGeneration())) {
            errs.add(FieldError.invalid(META.child("generation").toString(), num(n.getGeneration()),
                    "must not be decremented"));
        }
        errs.addAll(immutable(str(n.getName()), str(o.getName()), "name"));
        errs.addAll(immutable(str(n.getNamespace()), str(o.getNamespace()), "namespace"));
        errs.addAll(immutable(str(n.getUid()), str(o.getUid()), "uid"));
        errs.addAll(immutable(n.getCreationTimestamp(), o.getCreationTimestamp(), "creationTimestamp"));
        errs.addAll(immutable(n.getDeletionTimestamp(), o.getDeletionTimestamp(), "deletionTimestamp"));
        errs.addAll(immutable(n.getDeletionGracePeriodSeconds(), o.getDeletionGracePeriodSeconds(),
                "deletionGracePeriodSeconds"));
        errs.addAll(LabelValidation.validateLabels(n.getLabels(), META.child("labels")));
        errs.addAll(validateAnnotations(n.getAnnotations(), META.child("annotations")));
        errs.addAll(OwnerReferenceValidation.validateOwnerReferences(n.getOwnerReferences(), META.child("ownerReferences")));
        errs.addAll(validateFinalizers(n.getFinalizers(), META.child("finalizers")));
        errs.addAll(kubeFinalizerNames(n, kind));
        return errs;
    }

    /**
     * The storage-key rule every name must pass ({@code path.IsValidPathSegmentName}), as field errors at
     * {@code metadata.name}. Over REST upstream reports this as a 400, see {@link #nameParameterError}.
     */
    public static List<FieldError> validateNameSegment(String name) {
        List<FieldError> errs = new ArrayList<>();
        for (String msg : Formats.pathSegmentName(str(name), false)) {
            errs.add(FieldError.invalid(META.child("name").toString(), str(name), msg));
        }
        return errs;
    }

    /** The 400 BadRequest message of the store's key function for a bad name, e.g. {@code Name parameter invalid: "a/b": may not contain '/'}. */
    public static Optional<String> nameParameterError(String name) {
        List<String> msgs = Formats.pathSegmentName(str(name), false);
        if (msgs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Name parameter invalid: " + GoFormat.quote(str(name)) + ": " + String.join(";", msgs));
    }

    /** {@code ValidateAnnotations}: keys are qualified names after lower-casing; total size limit. */
    public static List<FieldError> validateAnnotations(Map<String, String> annotations, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (annotations == null) {
            return errs;
        }
        long total = 0;
        for (Map.Entry<String, String> e : new TreeMap<>(LabelValidation.nonNullKeys(annotations)).entrySet()) {
            for (String msg : LabelRules.isQualifiedName(e.getKey().toLowerCase(java.util.Locale.ROOT))) {
                errs.add(FieldError.invalid(path.toString(), e.getKey(), msg));
            }
            total += bytes(e.getKey()) + bytes(e.getValue());
        }
        if (total > TOTAL_ANNOTATION_SIZE_LIMIT) {
            errs.add(FieldError.tooLong(path.toString(), "", TOTAL_ANNOTATION_SIZE_LIMIT));
        }
        return errs;
    }

    /** {@code ValidateFinalizers}: qualified names; orphan and foregroundDeletion are exclusive. */
    public static List<FieldError> validateFinalizers(List<String> finalizers, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (finalizers == null) {
            return errs;
        }
        for (String f : finalizers) {
            for (String msg : LabelRules.isQualifiedName(str(f))) {
                errs.add(FieldError.invalid(path.toString(), str(f), msg));
            }
        }
        if (finalizers.contains("orphan") && finalizers.contains("foregroundDeletion")) {
            errs.add(FieldError.invalid(path.toString(), finalizers,
                    "finalizer orphan and foregroundDeletion cannot be both set"));
        }
        return errs;
    }

    /** Core's {@code validateKubeFinalizerName}: an unqualified finalizer must be a standard one. */
    static List<FieldError> kubeFinalizerName(String finalizer, FieldPath path) {
        String f = str(finalizer);
        if (!f.contains("/") && !STANDARD_FINALIZERS.contains(f)) {
            return List.of(FieldError.invalid(path.toString(), f,
                    "name is neither a standard finalizer name nor is it fully qualified"));
        }
        return List.of();
    }

    private static List<FieldError> kubeFinalizerNames(ObjectMeta m, String kind) {
        List<FieldError> errs = new ArrayList<>();
        if (kind == null || !CORE_VALIDATED_KINDS.contains(kind) || m.getFinalizers() == null) {
            return errs;
        }
        for (int i = 0; i < m.getFinalizers().size(); i++) {
            errs.addAll(kubeFinalizerName(m.getFinalizers().get(i), META.child("finalizers").index(i)));
        }
        return errs;
    }

    private static List<FieldError> validateNamespace(String namespace, boolean namespaced) {
        FieldPath path = META.child("namespace");
        if (!namespaced) {
            return namespace.isEmpty() ? List.of()
                    : List.of(FieldError.forbidden(path.toString(), "not allowed on this type"));
        }
        if (namespace.isEmpty()) {
            return List.of(FieldError.required(path.toString(), ""));
        }
        List<FieldError> errs = new ArrayList<>();
        for (String msg : NameRule.DNS1123_LABEL.messages(namespace, false)) {
            errs.add(FieldError.invalid(path.toString(), namespace, msg));
        }
        return errs;
    }

    private static List<FieldError> validateCommon(ObjectMeta m) {
        List<FieldError> errs = new ArrayList<>();
        if (num(m.getGeneration()) < 0) {
            errs.add(FieldError.invalid(META.child("generation").toString(), num(m.getGeneration()),
                    "must be greater than or equal to 0"));
        }
        errs.addAll(LabelValidation.validateLabels(m.getLabels(), META.child("labels")));
        errs.addAll(validateAnnotations(m.getAnnotations(), META.child("annotations")));
        errs.addAll(OwnerReferenceValidation.validateOwnerReferences(m.getOwnerReferences(), META.child("ownerReferences")));
        errs.addAll(validateFinalizers(m.getFinalizers(), META.child("finalizers")));
        return errs;
    }

    private static List<FieldError> noNewFinalizers(List<String> newList, List<String> oldList) {
        Set<String> extra = new TreeSet<>(newList == null ? List.of() : newList);
        extra.removeAll(oldList == null ? List.of() : oldList);
        if (extra.isEmpty()) {
            return List.of();
        }
        return List.of(FieldError.forbidden(META.child("finalizers").toString(),
                "no new finalizers can be added if the object is being deleted, found new finalizers "
                        + GoFormat.goSyntax(new ArrayList<>(extra))));
    }

    private static List<FieldError> immutable(Object newValue, Object oldValue, String field) {
        if (Objects.equals(newValue, oldValue)) {
            return List.of();
        }
        return List.of(FieldError.invalid(META.child(field).toString(), newValue, "field is immutable"));
    }

    private static long bytes(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static long num(Long v) {
        return v == null ? 0 : v;
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }
}
