package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code ValidateVolumeMounts} of core validation (volume devices are not checked). */
final class MountValidation {

    private static final List<String> PROPAGATIONS = List.of("Bidirectional", "HostToContainer", "None");
    private static final List<String> RECURSIVE_READ_ONLY = List.of("Disabled", "Enabled", "IfPossible");

    private MountValidation() {
    }

    /** Mounts must name a volume that passed validation ({@code vols}), with unique mount paths. */
    static List<FieldError> volumeMounts(Container c, Map<String, Volume> vols, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> mountPoints = new HashSet<>();
        List<VolumeMount> mounts = c.getVolumeMounts();
        for (int i = 0; mounts != null && i < mounts.size(); i++) {
            VolumeMount m = mounts.get(i) == null ? new VolumeMount() : mounts.get(i);
            FieldPath idx = path.index(i);
            String name = str(m.getName());
            String mountPath = str(m.getMountPath());
            if (name.isEmpty()) {
                errs.add(FieldError.required(idx.child("name").toString(), ""));
            }
            if (!vols.containsKey(name)) {
                errs.add(FieldError.notFound(idx.child("name").toString(), name));
            }
            if (mountPath.isEmpty()) {
                errs.add(FieldError.required(idx.child("mountPath").toString(), ""));
            }
            if (!mountPoints.add(mountPath)) {
                errs.add(FieldError.invalid(idx.child("mountPath").toString(), mountPath, "must be unique"));
            }
            errs.addAll(subPaths(m, vols.get(name), idx, path));
            errs.addAll(propagation(m, c, path.child("mountPropagation")));
            errs.addAll(recursiveReadOnly(m, path.child("recursiveReadOnly")));
        }
        return errs;
    }

    /** Upstream reports sub-path errors at the list path ({@code volumeMounts.subPath}), not at the item. */
    private static List<FieldError> subPaths(VolumeMount m, Volume vol, FieldPath idx, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String subPath = str(m.getSubPath());
        String expr = str(m.getSubPathExpr());
        if (vol != null && vol.getImage() != null) {
            if (!subPath.isEmpty()) {
                errs.add(FieldError.invalid(idx.child("subPath").toString(), subPath,
                        "not allowed in image volume sources"));
            }
            if (!expr.isEmpty()) {
                errs.add(FieldError.invalid(idx.child("subPathExpr").toString(), expr,
                        "not allowed in image volume sources"));
            }
        }
        if (!subPath.isEmpty()) {
            errs.addAll(VolumeProjectionValidation.localDescending(subPath, path.child("subPath")));
        }
        if (!expr.isEmpty()) {
            if (!subPath.isEmpty()) {
                errs.add(FieldError.invalid(idx.child("subPathExpr").toString(), expr,
                        "subPathExpr and subPath are mutually exclusive"));
            }
            errs.addAll(VolumeProjectionValidation.localDescending(expr, path.child("subPathExpr")));
        }
        return errs;
    }

    private static List<FieldError> propagation(VolumeMount m, Container c, FieldPath path) {
        if (m.getMountPropagation() == null) {
            return List.of();
        }
        List<FieldError> errs = new ArrayList<>();
        String mode = m.getMountPropagation();
        if (!PROPAGATIONS.contains(mode)) {
            errs.add(FieldError.notSupported(path.toString(), GoFormat.named(mode), PROPAGATIONS));
        }
        boolean privileged = c.getSecurityContext() != null
                && Boolean.TRUE.equals(c.getSecurityContext().getPrivileged());
        if (mode.equals("Bidirectional") && !privileged) {
            errs.add(FieldError.forbidden(path.toString(),
                    "Bidirectional mount propagation is available only to privileged containers"));
        }
        return errs;
    }

    private static List<FieldError> recursiveReadOnly(VolumeMount m, FieldPath path) {
        String rro = m.getRecursiveReadOnly();
        if (rro == null || rro.equals("Disabled")) {
            return List.of();
        }
        if (!RECURSIVE_READ_ONLY.contains(rro)) {
            return List.of(FieldError.notSupported(path.toString(), GoFormat.named(rro), RECURSIVE_READ_ONLY));
        }
        List<FieldError> errs = new ArrayList<>();
        if (!Boolean.TRUE.equals(m.getReadOnly())) {
            errs.add(FieldError.forbidden(path.toString(), "may only be specified when readOnly is true"));
        }
        if (m.getMountPropagation() != null && !m.getMountPropagation().equals("None")) {
            errs.add(FieldError.forbidden(path.toString(),
                    "may only be specified when mountPropagation is None or not specified"));
        }
        return errs;
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }
}
