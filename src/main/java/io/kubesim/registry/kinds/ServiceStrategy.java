package io.kubesim.registry.kinds;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.kubesim.registry.ResourceStrategy;
import io.kubesim.registry.ResourceType;
import io.kubesim.registry.defaults.Defaults;
import io.kubesim.registry.validation.FieldError;
import io.kubesim.registry.validation.NameRule;
import io.kubesim.registry.validation.ServiceValidation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** core/v1 Service (DNS-1035 names; clusterIP allocation lives in the service IP allocator). */
final class ServiceStrategy implements ResourceStrategy<Service> {

    private final ServiceIpAllocator ips;

    ServiceStrategy(ServiceIpAllocator ips) {
        this.ips = ips;
    }

    private static final ResourceType TYPE = ResourceType.of("", "v1", "Service", "services", Service.class)
            .shortNames("svc").categories("all").nameRule(NameRule.DNS1035_LABEL).subresources("status").build();

    @Override
    public ResourceType type() {
        return TYPE;
    }

    @Override
    public void applyDefaults(Service object) {
        Defaults.service(object);
    }

    @Override
    public void prepareForCreate(Service object, Instant now) {
        ServiceSpec spec = object.getSpec();
        if (spec != null && !"ExternalName".equals(spec.getType())) {
            String requested = spec.getClusterIP();
            if (requested == null || requested.isEmpty()) {
                if (spec.getClusterIPs() != null && !spec.getClusterIPs().isEmpty()) {
                    requested = spec.getClusterIPs().get(0);
                }
            }
            if (requested == null || requested.isEmpty()) {
                spec.setClusterIP(ips.allocate());
                spec.setClusterIPs(null);
            } else if (!"None".equals(requested)) {
                ips.claim(requested, object.getMetadata().getName());
                spec.setClusterIP(requested);
            }
        }
        Defaults.serviceOnCreate(object);
    }

    @Override
    public void prepareForUpdate(Service object, Service old) {
        Defaults.serviceOnUpdate(object, old);
    }

    @Override
    public List<FieldError> validate(Service object) {
        return ServiceValidation.validate(object);
    }

    @Override
    public List<FieldError> validateUpdate(Service object, Service old) {
        return ServiceValidation.validateUpdate(object, old);
    }

    @Override
    public Map<String, Function<Service, String>> selectableFields() {
        return Map.of("spec.clusterIP", s -> spec(s).getClusterIP(), "spec.type", s -> spec(s).getType());
    }

    private static ServiceSpec spec(Service s) {
        return s.getSpec() == null ? new ServiceSpec() : s.getSpec();
    }
}
