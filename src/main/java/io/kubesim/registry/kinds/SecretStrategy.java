package io.kubesim.registry.kinds;

import io.fabric8.kubernetes.api.model.Secret;
import io.kubesim.registry.ResourceStrategy;
import io.kubesim.registry.ResourceType;
import io.kubesim.registry.defaults.Defaults;
import io.kubesim.registry.validation.FieldError;
import io.kubesim.registry.validation.SecretValidation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** core/v1 Secret. */
final class SecretStrategy implements ResourceStrategy<Secret> {

    private static final ResourceType TYPE = ResourceType.of("", "v1", "Secret", "secrets", Secret.class).build();

    @Override
    public ResourceType type() {
        return TYPE;
    }

    @Override
    public void applyDefaults(Secret object) {
        Defaults.secret(object);
    }

    @Override
    public List<FieldError> validate(Secret object) {
        return SecretValidation.validate(object);
    }

    @Override
    public List<FieldError> validateUpdate(Secret object, Secret old) {
        return SecretValidation.validateUpdate(object, old);
    }

    @Override
    public Map<String, Function<Secret, String>> selectableFields() {
        return Map.of("type", Secret::getType);
    }
}
