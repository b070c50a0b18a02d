package io.kubesim.registry.kinds;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceSpec;
import io.fabric8.kubernetes.api.model.NamespaceStatus;
import io.kubesim.registry.ResourceStrategy;
import io.kubesim.registry.ResourceType;
import io.kubesim.registry.defaults.Defaults;
import io.kubesim.registry.validation.FieldError;
import io.kubesim.registry.validation.NameRule;
import io.kubesim.registry.validation.NamespaceValidation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * core/v1 Namespace. Deleting one only marks it Terminating while {@code spec.finalizers} holds it;
 * the namespace controller empties it and calls {@code /finalize}.
 */
final class NamespaceStrategy implements ResourceStrategy<Namespace> {

    private static final ResourceType TYPE = ResourceType.of("", "v1", "Namespace", "namespaces", Namespace.class)
            .shortNames("ns").clusterScoped().nameRule(NameRule.DNS1123_LABEL).subresources("status", "finalize").build();

    @Override
    public ResourceType type() {
        return TYPE;
    }

    @Override
    public void applyDefaults(Namespace object) {
        Defaults.namespace(object);
    }

    @Override
    public void prepareForCreate(Namespace object, Instant now) {
        Defaults.namespaceOnCreate(object);
    }

    /** Defaulting ran before generateName chose the name: the name label is set again now that it is known. */
    @Override
    public void canonicalize(Namespace object) {
        Defaults.namespace(object);
    }

    @Override
    public void prepareForUpdate(Namespace object, Namespace old) {
        object.setSpec(old.getSpec());
    }

    @Override
    public void prepareForFinalize(Namespace object, Namespace old) {
        NamespaceSpec spec = new NamespaceSpec(object.getSpec() == null ? null : object.getSpec().getFinalizers());
        Namespace kept = old;
        object.setMetadata(kept.getMetadata());
        object.setSpec(spec);
    }

    @Override
    public List<FieldError> validate(Namespace object) {
        return NamespaceValidation.validate(object);
    }

    @Override
    public List<FieldError> validateUpdate(Namespace object, Namespace old) {
        return NamespaceValidation.validateUpdate(object, old);
    }

    @Override
    public Map<String, Function<Namespace, String>> selectableFields() {
        return Map.of("status.phase", n -> n.getStatus() == null ? "" : n.getStatus().getPhase());
    }

    @Override
    public boolean deferDeletion(Namespace object) {
        return object.getSpec() != null && object.getSpec().getFinalizers() != null
                && !object.getSpec().getFinalizers().isEmpty();
    }

    @Override
    public void markDeleting(Namespace object) {
        if (object.getStatus() == null) {
            object.setStatus(new NamespaceStatus());
        }
        object.getStatus().setPhase("Terminating");
    }
}
