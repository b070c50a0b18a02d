package io.kubesim.registry.kinds;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.kubesim.registry.ResourceStrategy;
import io.kubesim.registry.ResourceType;
import io.kubesim.registry.ScaleAccess;
import io.kubesim.registry.defaults.Defaults;
import io.kubesim.registry.validation.DeploymentValidation;
import io.kubesim.registry.validation.FieldError;

import java.time.Instant;
import java.util.List;

/** apps/v1 Deployment (its /status keeps the stored labels, as upstream). */
final class DeploymentStrategy implements ResourceStrategy<Deployment> {

    private static final ResourceType TYPE = ResourceType.of("apps", "v1", "Deployment", "deployments", Deployment.class)
            .shortNames("deploy").categories("all").subresources("status", "scale").tracksGeneration().build();

    @Override
    public ResourceType type() {
        return TYPE;
    }

    @Override
    public void applyDefaults(Deployment object) {
        Defaults.deployment(object);
    }

    @Override
    public void prepareForCreate(Deployment object, Instant now) {
        object.setStatus(new DeploymentStatus()); // Go's zero status: "status": {} on the wire
    }

    @Override
    public void prepareForStatusUpdate(Deployment object, Deployment old) {
        object.getMetadata().setLabels(old.getMetadata().getLabels());
    }

    @Override
    public List<FieldError> validate(Deployment object) {
        return BehaviorAdmission.plus(DeploymentValidation.validate(object),
                BehaviorAdmission.template(object.getSpec() == null ? null : object.getSpec().getTemplate()));
    }

    @Override
    public List<FieldError> validateUpdate(Deployment object, Deployment old) {
        return BehaviorAdmission.plus(DeploymentValidation.validateUpdate(object, old),
                BehaviorAdmission.template(object.getSpec() == null ? null : object.getSpec().getTemplate()));
    }

    @Override
    public ScaleAccess<Deployment> scale() {
        return new ScaleAccess<>() {
            @Override
            public int specReplicas(Deployment o) {
                return o.getSpec().getReplicas() == null ? 0 : o.getSpec().getReplicas();
            }

            @Override
            public void setSpecReplicas(Deployment o, int replicas) {
                o.getSpec().setReplicas(replicas);
            }

            @Override
            public int statusReplicas(Deployment o) {
                DeploymentStatus s = o.getStatus();
                return s == null || s.getReplicas() == null ? 0 : s.getReplicas();
            }

            @Override
            public String selector(Deployment o) {
                return Selectors.render(o.getSpec().getSelector());
            }
        };
    }
}
