package io.kubesim.registry.kinds;

import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.kubesim.registry.ResourceStrategy;
import io.kubesim.registry.ResourceType;
import io.kubesim.registry.defaults.Defaults;
import io.kubesim.registry.validation.FieldError;
import io.kubesim.registry.validation.NameRule;
import io.kubesim.registry.validation.ObjectMetaValidation;

import java.util.ArrayList;
import java.util.List;

/** discovery.k8s.io/v1 EndpointSlice. */
final class EndpointSliceStrategy implements ResourceStrategy<EndpointSlice> {

    private static final ResourceType TYPE = ResourceType.of("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices",
            EndpointSlice.class).build();
    private static final List<String> ADDRESS_TYPES = List.of("IPv4", "IPv6", "FQDN");

    @Override
    public ResourceType type() {
        return TYPE;
    }

    @Override
    public void applyDefaults(EndpointSlice object) {
        Defaults.endpointSlice(object);
    }

    @Override
    public List<FieldError> validate(EndpointSlice object) {
        List<FieldError> errors = new ArrayList<>(ObjectMetaValidation.validate(object.getMetadata(), true,
                NameRule.DNS1123_SUBDOMAIN, "EndpointSlice"));
        String type = object.getAddressType();
        if (type == null || type.isEmpty()) {
            errors.add(FieldError.required("addressType", ""));
        } else if (!ADDRESS_TYPES.contains(type)) {
            errors.add(FieldError.notSupported("addressType", type, ADDRESS_TYPES));
        }
        if (object.getEndpoints() != null && object.getEndpoints().size() > 1000) {
            errors.add(FieldError.tooMany("endpoints", object.getEndpoints().size(), 1000));
        }
        return errors;
    }

    @Override
    public List<FieldError> validateUpdate(EndpointSlice object, EndpointSlice old) {
        List<FieldError> errors = new ArrayList<>(validate(object));
        if (old.getAddressType() != null && !old.getAddressType().equals(object.getAddressType())) {
            errors.add(FieldError.invalid("addressType", object.getAddressType(), "field is immutable"));
        }
        return errors;
    }
}
