package io.kubesim.registry.kinds;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.kubesim.registry.ResourceStrategy;
import io.kubesim.registry.ResourceType;
import io.kubesim.registry.defaults.Defaults;
import io.kubesim.registry.validation.EndpointsValidation;
import io.kubesim.registry.validation.FieldError;

import java.util.List;

/** core/v1 Endpoints (created on update, as upstream allows). */
final class EndpointsStrategy implements ResourceStrategy<Endpoints> {

    private static final ResourceType TYPE = ResourceType.of("", "v1", "Endpoints", "endpoints", Endpoints.class)
            .shortNames("ep").allowCreateOnUpdate().build();

    @Override
    public ResourceType type() {
        return TYPE;
    }

    @Override
    public void applyDefaults(Endpoints object) {
        Defaults.endpoints(object);
    }

    @Override
    public List<FieldError> validate(Endpoints object) {
        return EndpointsValidation.validate(object);
    }

    @Override
    public List<FieldError> validateUpdate(Endpoints object, Endpoints old) {
        return EndpointsValidation.validateUpdate(object, old);
    }
}
