package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.ResourceFieldSelector;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code env} and {@code envFrom} rules of core validation ({@code ValidateEnv}, {@code ValidateEnvFrom}), with the
 * relaxed variable-name rule that is the default since RelaxedEnvironmentVariableValidation went GA.
 */
final class EnvValidation {

    static final Set<String> ENV_FIELD_PATHS = new TreeSet<>(List.of("metadata.name", "metadata.namespace",
            "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs",
            "status.podIP", "status.podIPs"));
    static final Set<String> RESOURCE_FIELD_PATHS = new TreeSet<>(List.of("limits.cpu", "limits.memory",
            "limits.ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage"));
    private static final Set<String> DOWNWARD_LABELS = Set.of("metadata.annotations", "metadata.labels",
            "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.restartPolicy",
            "spec.serviceAccountName", "spec.schedulerName", "status.phase", "status.hostIP", "status.hostIPs",
            "status.podIP", "status.podIPs");

    private EnvValidation() {
    }

    static List<FieldError> validateEnv(List<EnvVar> vars, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; vars != null && i < vars.size(); i++) {
            EnvVar ev = vars.get(i) == null ? new EnvVar() : vars.get(i);
            FieldPath idx = path.index(i);
            String name = str(ev.getName());
            if (name.isEmpty()) {
                errs.add(FieldError.required(idx.child("name").toString(), ""));
            } else {
                for (String msg : Formats.isRelaxedEnvVarName(name)) {
                    errs.add(FieldError.invalid(idx.child("name").toString(), name, msg));
                }
            }
            errs.addAll(valueFrom(ev, idx.child("valueFrom")));
        }
        return errs;
    }

    private static List<FieldError> valueFrom(EnvVar ev, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        EnvVarSource src = ev.getValueFrom();
        if (src == null) {
            return errs;
        }
        int sources = (src.getFieldRef() != null ? 1 : 0) + (src.getResourceFieldRef() != null ? 1 : 0)
                + (src.getConfigMapKeyRef() != null ? 1 : 0) + (src.getSecretKeyRef() != null ? 1 : 0);
        errs.addAll(sourceErrors(src, path));
        if (sources == 0) {
            errs.add(FieldError.invalid(path.toString(), "",
                    "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"));
        } else if (!str(ev.getValue()).isEmpty()) {
            errs.add(FieldError.invalid(path.toString(), "", "may not be specified when `value` is not empty"));
        } else if (sources > 1) {
            errs.add(FieldError.invalid(path.toString(), "", "may not have more than one field specified at a time"));
        }
        return errs;
    }

    private static List<FieldError> sourceErrors(EnvVarSource src, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (src.getFieldRef() != null) {
            errs.addAll(objectFieldSelector(src.getFieldRef(), ENV_FIELD_PATHS, path.child("fieldRef")));
        }
        if (src.getResourceFieldRef() != null) {
            errs.addAll(resourceFieldSelector(src.getResourceFieldRef(), false, path.child("resourceFieldRef")));
        }
        if (src.getConfigMapKeyRef() != null) {
            ConfigMapKeySelector s = src.getConfigMapKeyRef();
            errs.addAll(keySelector(s.getName(), s.getKey(), path.child("configMapKeyRef")));
        }
        if (src.getSecretKeyRef() != null) {
            SecretKeySelector s = src.getSecretKeyRef();
            errs.addAll(keySelector(s.getName(), s.getKey(), path.child("secretKeyRef")));
        }
        return errs;
    }

    /** {@code validateObjectFieldSelector} (downward API field references). */
    static List<FieldError> objectFieldSelector(ObjectFieldSelector fs, Set<String> expressions, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (str(fs.getApiVersion()).isEmpty()) {
            return List.of(FieldError.required(path.child("apiVersion").toString(), ""));
        }
        String fieldPath = str(fs.getFieldPath());
        if (fieldPath.isEmpty()) {
            return List.of(FieldError.required(path.child("fieldPath").toString(), ""));
        }
        String conversionError = convertDownwardLabel(fs.getApiVersion(), fieldPath);
        if (conversionError != null) {
            return List.of(FieldError.invalid(path.child("fieldPath").toString(), fieldPath,
                    "error converting fieldPath: " + conversionError));
        }
        String internal = fieldPath.equals("spec.host") ? "spec.nodeName" : fieldPath;
        String[] sub = splitSubscript(internal);
        if (sub != null) {
            String key = sub[0].equals("metadata.annotations") ? sub[1].toLowerCase(java.util.Locale.ROOT) : sub[1];
            errs.addAll(LabelValidation.qualifiedName(key, path));
        } else if (!expressions.contains(internal)) {
            errs.add(FieldError.notSupported(path.child("fieldPath").toString(), internal, expressions));
        }
        return errs;
    }

    /** {@code ConvertDownwardAPIFieldLabel}: the error text, or {@code null} when the label converts. */
    private static String convertDownwardLabel(String version, String label) {
        if (!"v1".equals(version)) {
            return "unsupported pod version: " + version;
        }
        String[] sub = splitSubscript(label);
        if (sub != null) {
            return sub[0].equals("metadata.annotations") || sub[0].equals("metadata.labels") ? null
                    : "field label does not support subscript: " + label;
        }
        return DOWNWARD_LABELS.contains(label) || label.equals("spec.host") ? null
                : "field label not supported: " + label;
    }

    /** {@code fieldpath.SplitMaybeSubscriptedPath}: {@code metadata.labels['k']} → {path, key}. */
    private static String[] splitSubscript(String p) {
        if (!p.endsWith("']")) {
            return null;
        }
        int open = p.indexOf("['");
        if (open <= 0) {
            return null;
        }
        return new String[] {p.substring(0, open), p.substring(open + 2, p.length() - 2)};
    }

    /** {@code validateContainerResourceFieldSelector} without the divisor rules. */
    static List<FieldError> resourceFieldSelector(ResourceFieldSelector fs, boolean volume, FieldPath path) {
        String resource = str(fs.getResource());
        if (volume && str(fs.getContainerName()).isEmpty()) {
            return List.of(FieldError.required(path.child("containerName").toString(), ""));
        }
        if (resource.isEmpty()) {
            return List.of(FieldError.required(path.child("resource").toString(), ""));
        }
        if (!RESOURCE_FIELD_PATHS.contains(resource) && !resource.startsWith("requests.hugepages-")
                && !resource.startsWith("limits.hugepages-")) {
            return List.of(FieldError.notSupported(path.child("resource").toString(), resource,
                    RESOURCE_FIELD_PATHS));
        }
        return List.of();
    }

    private static List<FieldError> keySelector(String name, String key, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (String msg : NameRule.DNS1123_SUBDOMAIN.messages(str(name), false)) {
            errs.add(FieldError.invalid(path.child("name").toString(), str(name), msg));
        }
        if (str(key).isEmpty()) {
            errs.add(FieldError.required(path.child("key").toString(), ""));
        } else {
            for (String msg : Formats.isConfigMapKey(key)) {
                errs.add(FieldError.invalid(path.child("key").toString(), key, msg));
            }
        }
        return errs;
    }

    static List<FieldError> validateEnvFrom(List<EnvFromSource> vars, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; vars != null && i < vars.size(); i++) {
            EnvFromSource ev = vars.get(i) == null ? new EnvFromSource() : vars.get(i);
            FieldPath idx = path.index(i);
            String prefix = str(ev.getPrefix());
            if (!prefix.isEmpty()) {
                for (String msg : Formats.isRelaxedEnvVarName(prefix)) {
                    errs.add(FieldError.invalid(idx.child("prefix").toString(), prefix, msg));
                }
            }
            int sources = 0;
            if (ev.getConfigMapRef() != null) {
                sources++;
                errs.addAll(envSourceName(ev.getConfigMapRef().getName(), idx.child("configMapRef")));
            }
            if (ev.getSecretRef() != null) {
                sources++;
                errs.addAll(envSourceName(ev.getSecretRef().getName(), idx.child("secretRef")));
            }
            if (sources == 0) {
                errs.add(FieldError.invalid(path.toString(), "", "must specify one of: `configMapRef` or `secretRef`"));
            } else if (sources > 1) {
                errs.add(FieldError.invalid(path.toString(), "", "may not have more than one field specified at a time"));
            }
        }
        return errs;
    }

    /** The referenced name is validated as a generateName prefix upstream (trailing dash masked). */
    private static List<FieldError> envSourceName(String name, FieldPath path) {
        if (str(name).isEmpty()) {
            return List.of(FieldError.required(path.child("name").toString(), ""));
        }
        List<FieldError> errs = new ArrayList<>();
        for (String msg : NameRule.DNS1123_SUBDOMAIN.messages(name, true)) {
            errs.add(FieldError.invalid(path.child("name").toString(), name, msg));
        }
        return errs;
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }
}
