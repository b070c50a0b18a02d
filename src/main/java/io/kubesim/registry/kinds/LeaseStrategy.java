package io.kubesim.registry.kinds;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.kubesim.registry.ResourceStrategy;
import io.kubesim.registry.ResourceType;
import io.kubesim.registry.defaults.Defaults;
import io.kubesim.registry.validation.FieldError;
import io.kubesim.registry.validation.LeaseValidation;

import java.util.List;

/** coordination.k8s.io/v1 Lease (node heartbeats, leader election). */
final class LeaseStrategy implements ResourceStrategy<Lease> {

    private static final ResourceType TYPE = ResourceType.of("coordination.k8s.io", "v1", "Lease", "leases", Lease.class)
            .build();

    @Override
    public ResourceType type() {
        return TYPE;
    }

    @Override
    public void applyDefaults(Lease object) {
        Defaults.lease(object);
    }

    @Override
    public List<FieldError> validate(Lease object) {
        return LeaseValidation.validate(object);
    }

    @Override
    public List<FieldError> validateUpdate(Lease object, Lease old) {
        return LeaseValidation.validateUpdate(object, old);
    }
}
