package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** core/v1 ConfigMap validation ({@code ValidateConfigMap}, {@code ValidateConfigMapUpdate}). */
public final class ConfigMapValidation {

    /** {@code core.MaxSecretSize}, shared by ConfigMaps and Secrets. */
    public static final int MAX_SIZE = 1024 * 1024;

    private ConfigMapValidation() {
    }

    /** Create validation: keys, no key in both data and binaryData, total size ≤ 1 MiB. */
    public static List<FieldError> validate(ConfigMap configMap) {
        ConfigMap cm = configMap == null ? new ConfigMap() : configMap;
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validate(cm.getMetadata(), true,
                NameRule.DNS1123_SUBDOMAIN, "ConfigMap"));
        Map<String, String> data = sorted(cm.getData());
        Map<String, String> binary = sorted(cm.getBinaryData());
        long total = 0;
        for (Map.Entry<String, String> e : data.entrySet()) {
            FieldPath p = FieldPath.root("data").key(e.getKey());
            errs.addAll(keyErrors(e.getKey(), p));
            if (binary.containsKey(e.getKey())) {
                errs.add(FieldError.invalid(p.toString(), e.getKey(), "duplicate of key present in binaryData"));
            }
            total += e.getValue() == null ? 0 : e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        for (Map.Entry<String, String> e : binary.entrySet()) {
            errs.addAll(keyErrors(e.getKey(), FieldPath.root("binaryData").key(e.getKey())));
            total += decodedLength(e.getValue());
        }
        if (total > MAX_SIZE) {
            errs.add(FieldError.tooLong("", "", MAX_SIZE));
        }
        return errs;
    }

    /** Update validation: once {@code immutable: true}, neither the flag nor the data may change. */
    public static List<FieldError> validateUpdate(ConfigMap newConfigMap, ConfigMap oldConfigMap) {
        ConfigMap n = newConfigMap == null ? new ConfigMap() : newConfigMap;
        ConfigMap o = oldConfigMap == null ? new ConfigMap() : oldConfigMap;
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validateUpdate(n.getMetadata(), o.getMetadata(),
                "ConfigMap"));
        if (Boolean.TRUE.equals(o.getImmutable())) {
            String msg = "field is immutable when `immutable` is set";
            if (!Boolean.TRUE.equals(n.getImmutable())) {
                errs.add(FieldError.forbidden("immutable", msg));
            }
            if (!Objects.equals(sorted(n.getData()), sorted(o.getData()))) {
                errs.add(FieldError.forbidden("data", msg));
            }
            if (!Objects.equals(sorted(n.getBinaryData()), sorted(o.getBinaryData()))) {
                errs.add(FieldError.forbidden("binaryData", msg));
            }
        }
        errs.addAll(validate(n));
        return errs;
    }

    static List<FieldError> keyErrors(String key, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (String msg : Formats.isConfigMapKey(key)) {
            errs.add(FieldError.invalid(path.toString(), key, msg));
        }
        return errs;
    }

    /** Size of a base64 value after decoding (the raw length if it is not valid base64). */
    static long decodedLength(String base64) {
        if (base64 == null) {
            return 0;
        }
        try {
            return Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException e) {
            return base64.length();
        }
    }

    static Map<String, String> sorted(Map<String, String> m) {
        return m == null ? new TreeMap<>() : new TreeMap<>(LabelValidation.nonNullKeys(m));
    }
}
