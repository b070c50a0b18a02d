package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeSource;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.ProjectedVolumeSource;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** File-projecting volume sources (secret, configMap, downwardAPI, projected) and the shared path rules. */
final class VolumeProjectionValidation {

    private static final String FILE_MODE = "must be a number between 0 and 0777 (octal), both inclusive";
    private static final Set<String> VOLUME_FIELD_PATHS = new TreeSet<>(List.of("metadata.name",
            "metadata.namespace", "metadata.labels", "metadata.annotations", "metadata.uid"));

    private VolumeProjectionValidation() {
    }

    static List<FieldError> secret(SecretVolumeSource s, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (s.getSecretName() == null || s.getSecretName().isEmpty()) {
            errs.add(FieldError.required(path.child("secretName").toString(), ""));
        }
        errs.addAll(mode(s.getDefaultMode(), path.child("defaultMode")));
        errs.addAll(items(s.getItems(), path.child("items")));
        return errs;
    }

    static List<FieldError> configMap(ConfigMapVolumeSource c, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (c.getName() == null || c.getName().isEmpty()) {
            errs.add(FieldError.required(path.child("name").toString(), ""));
        }
        errs.addAll(mode(c.getDefaultMode(), path.child("defaultMode")));
        errs.addAll(items(c.getItems(), path.child("items")));
        return errs;
    }

    private static List<FieldError> items(List<KeyToPath> items, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            errs.addAll(keyToPath(items.get(i) == null ? new KeyToPath() : items.get(i), path.index(i)));
        }
        return errs;
    }

    private static List<FieldError> keyToPath(KeyToPath kp, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (kp.getKey() == null || kp.getKey().isEmpty()) {
            errs.add(FieldError.required(path.child("key").toString(), ""));
        }
        String p = kp.getPath() == null ? "" : kp.getPath();
        if (p.isEmpty()) {
            errs.add(FieldError.required(path.child("path").toString(), ""));
        }
        errs.addAll(localNonReserved(p, path.child("path")));
        errs.addAll(mode(kp.getMode(), path.child("mode")));
        return errs;
    }

    static List<FieldError> downwardApi(DownwardAPIVolumeSource d, FieldPath path) {
        List<FieldError> errs = new ArrayList<>(mode(d.getDefaultMode(), path.child("defaultMode")));
        for (DownwardAPIVolumeFile f : d.getItems() == null ? List.<DownwardAPIVolumeFile>of() : d.getItems()) {
            errs.addAll(downwardFile(f == null ? new DownwardAPIVolumeFile() : f, path));
        }
        return errs;
    }

    /** {@code validateDownwardAPIVolumeFile}: note upstream reports at the source path, not the item index. */
    private static List<FieldError> downwardFile(DownwardAPIVolumeFile file, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String p = file.getPath() == null ? "" : file.getPath();
        if (p.isEmpty()) {
            errs.add(FieldError.required(path.child("path").toString(), ""));
        }
        errs.addAll(localNonReserved(p, path.child("path")));
        if (file.getFieldRef() != null) {
            errs.addAll(EnvValidation.objectFieldSelector(file.getFieldRef(), VOLUME_FIELD_PATHS,
                    path.child("fieldRef")));
            if (file.getResourceFieldRef() != null) {
                errs.add(FieldError.invalid(path.toString(), "resource",
                        "fieldRef and resourceFieldRef can not be specified simultaneously"));
            }
        } else if (file.getResourceFieldRef() != null) {
            errs.addAll(EnvValidation.resourceFieldSelector(file.getResourceFieldRef(), true,
                    path.child("resourceFieldRef")));
        } else {
            errs.add(FieldError.required(path.toString(), "one of fieldRef and resourceFieldRef is required"));
        }
        errs.addAll(mode(file.getMode(), path.child("mode")));
        return errs;
    }

    static List<FieldError> projected(ProjectedVolumeSource p, FieldPath path) {
        List<FieldError> errs = new ArrayList<>(mode(p.getDefaultMode(), path.child("defaultMode")));
        Set<String> paths = new HashSet<>();
        List<VolumeProjection> sources = p.getSources() == null ? List.of() : p.getSources();
        for (int i = 0; i < sources.size(); i++) {
            VolumeProjection s = sources.get(i) == null ? new VolumeProjection() : sources.get(i);
            errs.addAll(projection(s, path.child("sources").index(i), path, paths));
        }
        return errs;
    }

    private static List<FieldError> projection(VolumeProjection s, FieldPath src, FieldPath path, Set<String> paths) {
        List<FieldError> errs = new ArrayList<>();
        if (s.getSecret() != null) {
            errs.addAll(projectedItems(s.getSecret().getName(), s.getSecret().getItems(), src.child("secret"), path,
                    paths));
        }
        if (s.getConfigMap() != null) {
            errs.addAll(projectedItems(s.getConfigMap().getName(), s.getConfigMap().getItems(),
                    src.child("configMap"), path, paths));
        }
        if (s.getDownwardAPI() != null) {
            errs.addAll(projectedDownward(s.getDownwardAPI().getItems(), src.child("downwardAPI"), path, paths));
        }
        if (s.getServiceAccountToken() != null) {
            errs.addAll(token(s.getServiceAccountToken(), src.child("serviceAccountToken"), path));
        }
        long count = java.util.stream.Stream.of(s.getSecret(), s.getConfigMap(), s.getDownwardAPI(),
                s.getServiceAccountToken(), s.getClusterTrustBundle(), s.getPodCertificate())
                .filter(java.util.Objects::nonNull).count();
        if (count > 1) {
            errs.add(FieldError.forbidden(src.toString(), "may not specify more than 1 volume type per source"));
        }
        return errs;
    }

    private static List<FieldError> projectedItems(String name, List<KeyToPath> items, FieldPath src,
            FieldPath projected, Set<String> paths) {
        List<FieldError> errs = new ArrayList<>();
        String n = name == null ? "" : name;
        if (n.isEmpty()) {
            errs.add(FieldError.required(src.child("name").toString(), ""));
        }
        for (int i = 0; items != null && i < items.size(); i++) {
            KeyToPath kp = items.get(i) == null ? new KeyToPath() : items.get(i);
            errs.addAll(keyToPath(kp, src.child("items").index(i)));
            if (kp.getPath() != null && !kp.getPath().isEmpty() && !paths.add(kp.getPath())) {
                errs.add(FieldError.invalid(projected.toString(), n, "conflicting duplicate paths"));
            }
        }
        return errs;
    }

    private static List<FieldError> projectedDownward(List<DownwardAPIVolumeFile> items, FieldPath src,
            FieldPath projected, Set<String> paths) {
        List<FieldError> errs = new ArrayList<>();
        for (DownwardAPIVolumeFile f : items == null ? List.<DownwardAPIVolumeFile>of() : items) {
            DownwardAPIVolumeFile file = f == null ? new DownwardAPIVolumeFile() : f;
            errs.addAll(downwardFile(file, src));
            if (file.getPath() != null && !file.getPath().isEmpty() && !paths.add(file.getPath())) {
                errs.add(FieldError.invalid(projected.toString(), file.getPath(), "conflicting duplicate paths"));
            }
        }
        return errs;
    }

    private static List<FieldError> token(ServiceAccountTokenProjection t, FieldPath src, FieldPath projected) {
        List<FieldError> errs = new ArrayList<>();
        long exp = t.getExpirationSeconds() == null ? 0 : t.getExpirationSeconds();
        if (exp < 600) {
            errs.add(FieldError.invalid(src.child("expirationSeconds").toString(), exp,
                    "may not specify a duration less than 10 minutes"));
        }
        if (exp > (1L << 32)) {
            errs.add(FieldError.invalid(src.child("expirationSeconds").toString(), exp,
                    "may not specify a duration larger than 2^32 seconds"));
        }
        String p = t.getPath() == null ? "" : t.getPath();
        if (p.isEmpty()) {
            errs.add(FieldError.required(projected.child("path").toString(), ""));
        } else {
            errs.addAll(localNonReserved(p, projected.child("path")));
        }
        return errs;
    }

    private static List<FieldError> mode(Integer mode, FieldPath path) {
        if (mode != null && (mode > 0777 || mode < 0)) {
            return List.of(FieldError.invalid(path.toString(), mode, FILE_MODE));
        }
        return List.of();
    }

    /** {@code validatePathNoBacksteps}. */
    static List<FieldError> noBacksteps(String target, FieldPath path) {
        for (String part : target.split("/", -1)) {
            if (part.equals("..")) {
                return List.of(FieldError.invalid(path.toString(), target, "must not contain '..'"));
            }
        }
        return List.of();
    }

    /** {@code validateLocalDescendingPath}: relative and without backsteps. */
    static List<FieldError> localDescending(String target, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (target.startsWith("/")) {
            errs.add(FieldError.invalid(path.toString(), target, "must be a relative path"));
        }
        errs.addAll(noBacksteps(target, path));
        return errs;
    }

    /** {@code ValidateLocalNonReservedPath}. */
    static List<FieldError> localNonReserved(String target, FieldPath path) {
        List<FieldError> errs = new ArrayList<>(localDescending(target, path));
        if (target.startsWith("..") && !target.startsWith("../")) {
            errs.add(FieldError.invalid(path.toString(), target, "must not start with '..'"));
        }
        return errs;
    }
}
