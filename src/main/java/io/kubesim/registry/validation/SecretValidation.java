package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * core/v1 Secret validation ({@code ValidateSecret}, {@code ValidateSecretUpdate}). As in the v1 → internal
 * conversion, {@code stringData} entries are merged over {@code data} before the checks.
 */
public final class SecretValidation {

    private static final FieldPath DATA = FieldPath.root("data");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SecretValidation() {
    }

    /** Create validation: keys, total size ≤ 1 MiB, the required keys of the well-known types. */
    public static List<FieldError> validate(Secret secret) {
        Secret s = secret == null ? new Secret() : secret;
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validate(s.getMetadata(), true,
                NameRule.DNS1123_SUBDOMAIN, "Secret"));
        Map<String, byte[]> data = data(s);
        long total = 0;
        for (Map.Entry<String, byte[]> e : data.entrySet()) {
            errs.addAll(ConfigMapValidation.keyErrors(e.getKey(), DATA.key(e.getKey())));
            total += e.getValue().length;
        }
        if (total > ConfigMapValidation.MAX_SIZE) {
            errs.add(FieldError.tooLong(DATA.toString(), "", ConfigMapValidation.MAX_SIZE));
        }
        errs.addAll(typeRules(s, data));
        return errs;
    }

    /** Update validation: {@code type} is immutable; {@code immutable: true} freezes the data. */
    public static List<FieldError> validateUpdate(Secret newSecret, Secret oldSecret) {
        Secret n = newSecret == null ? new Secret() : newSecret;
        Secret o = oldSecret == null ? new Secret() : oldSecret;
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validateUpdate(n.getMetadata(), o.getMetadata(),
                "Secret"));
        String newType = n.getType() == null ? "" : n.getType();
        if (!newType.equals(o.getType() == null ? "" : o.getType())) {
            errs.add(FieldError.invalid("type", GoFormat.named(newType), "field is immutable"));
        }
        if (Boolean.TRUE.equals(o.getImmutable())) {
            String msg = "field is immutable when `immutable` is set";
            if (!Boolean.TRUE.equals(n.getImmutable())) {
                errs.add(FieldError.forbidden("immutable", msg));
            }
            if (!sameData(data(n), data(o))) {
                errs.add(FieldError.forbidden("data", msg));
            }
        }
        errs.addAll(validate(n));
        return errs;
    }

    private static List<FieldError> typeRules(Secret s, Map<String, byte[]> data) {
        List<FieldError> errs = new ArrayList<>();
        switch (s.getType() == null ? "" : s.getType()) {
            case "kubernetes.io/service-account-token" -> errs.addAll(serviceAccountName(s));
            case "kubernetes.io/dockercfg" -> errs.addAll(jsonKey(data, ".dockercfg"));
            case "kubernetes.io/dockerconfigjson" -> errs.addAll(jsonKey(data, ".dockerconfigjson"));
            case "kubernetes.io/basic-auth" -> {
                if (!data.containsKey("username") && !data.containsKey("password")) {
                    errs.add(FieldError.required(DATA.key("username").toString(), ""));
                    errs.add(FieldError.required(DATA.key("password").toString(), ""));
                }
            }
            case "kubernetes.io/ssh-auth" -> {
                if (data.get("ssh-privatekey") == null || data.get("ssh-privatekey").length == 0) {
                    errs.add(FieldError.required(DATA.key("ssh-privatekey").toString(), ""));
                }
            }
            case "kubernetes.io/tls" -> List.of("tls.crt", "tls.key").stream().filter(k -> !data.containsKey(k))
                    .forEach(k -> errs.add(FieldError.required(DATA.key(k).toString(), "")));
            default -> {
            }
        }
        return errs;
    }

    private static List<FieldError> serviceAccountName(Secret s) {
        Map<String, String> ann = s.getMetadata() == null || s.getMetadata().getAnnotations() == null ? Map.of()
                : s.getMetadata().getAnnotations();
        String sa = "kubernetes.io/service-account.name";
        if (ann.get(sa) == null || ann.get(sa).isEmpty()) {
            return List.of(FieldError.required(FieldPath.root("metadata").child("annotations").key(sa).toString(), ""));
        }
        return List.of();
    }

    /** The key must exist and hold a JSON object; the parse error text is Jackson's, not Go's. */
    private static List<FieldError> jsonKey(Map<String, byte[]> data, String key) {
        if (!data.containsKey(key)) {
            return List.of(FieldError.required(DATA.key(key).toString(), ""));
        }
        try {
            if (!JSON.readTree(data.get(key)).isObject()) {
                throw new IllegalArgumentException("json: cannot unmarshal into Go value of type map[string]interface {}");
            }
            return List.of();
        } catch (RuntimeException e) {
            return List.of(FieldError.invalid(DATA.key(key).toString(), "<secret contents redacted>",
                    String.valueOf(e.getMessage())));
        }
    }

    /** {@code data} (base64-decoded) with {@code stringData} merged over it, sorted by key. */
    static Map<String, byte[]> data(Secret s) {
        Map<String, byte[]> out = new TreeMap<>();
        if (s.getData() != null) {
            s.getData().forEach((k, v) -> {
                if (k != null) {
                    out.put(k, decode(v));
                }
            });
        }
        if (s.getStringData() != null) {
            s.getStringData().forEach((k, v) -> {
                if (k != null) {
                    out.put(k, v == null ? new byte[0] : v.getBytes(StandardCharsets.UTF_8));
                }
            });
        }
        return out;
    }

    private static byte[] decode(String v) {
        if (v == null) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(v);
        } catch (IllegalArgumentException e) {
            return v.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static boolean sameData(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> e : a.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return Objects.equals(a.size(), b.size());
    }
}
