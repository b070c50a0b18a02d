package io.kubesim.registry.kinds;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.kubesim.registry.ResourceStrategy;
import io.kubesim.registry.ResourceType;
import io.kubesim.registry.defaults.Defaults;
import io.kubesim.registry.validation.ConfigMapValidation;
import io.kubesim.registry.validation.FieldError;

import java.util.List;

/** core/v1 ConfigMap. */
final class ConfigMapStrategy implements ResourceStrategy<ConfigMap> {

    private static final ResourceType TYPE = ResourceType.of("", "v1", "ConfigMap", "configmaps", ConfigMap.class)
            .shortNames("cm").build();

    @Override
    public ResourceType type() {
        return TYPE;
    }

    @Override
    public void applyDefaults(ConfigMap object) {
        Defaults.configMap(object);
    }

    @Override
    public List<FieldError> validate(ConfigMap object) {
        return ConfigMapValidation.validate(object);
    }

    @Override
    public List<FieldError> validateUpdate(ConfigMap object, ConfigMap old) {
        return ConfigMapValidation.validateUpdate(object, old);
    }
}
