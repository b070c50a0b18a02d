package io.kubesim.registry.kinds;

import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerStatus;
import io.kubesim.registry.ResourceStrategy;
import io.kubesim.registry.ResourceType;
import io.kubesim.registry.ScaleAccess;
import io.kubesim.registry.defaults.Defaults;
import io.kubesim.registry.validation.FieldError;
import io.kubesim.registry.validation.ReplicationControllerValidation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** core/v1 ReplicationController: the ReplicaSet's twin with an equality-only selector. */
final class ReplicationControllerStrategy implements ResourceStrategy<ReplicationController> {

    private static final ResourceType TYPE = ResourceType.of("", "v1", "ReplicationController", "replicationcontrollers",
                    ReplicationController.class)
            .shortNames("rc").categories("all").subresources("status", "scale").tracksGeneration().build();

    @Override
    public ResourceType type() {
        return TYPE;
    }

    @Override
    public void applyDefaults(ReplicationController object) {
        Defaults.replicationController(object);
    }

    @Override
    public void prepareForCreate(ReplicationController object, Instant now) {
        ReplicationControllerStatus zero = new ReplicationControllerStatus(); // replicas is not omitempty
        zero.setReplicas(0);
        object.setStatus(zero);
    }

    @Override
    public List<FieldError> validate(ReplicationController object) {
        return BehaviorAdmission.plus(ReplicationControllerValidation.validate(object),
                BehaviorAdmission.template(object.getSpec() == null ? null : object.getSpec().getTemplate()));
    }

    @Override
    public List<FieldError> validateUpdate(ReplicationController object, ReplicationController old) {
        return BehaviorAdmission.plus(ReplicationControllerValidation.validateUpdate(object, old),
                BehaviorAdmission.template(object.getSpec() == null ? null : object.getSpec().getTemplate()));
    }

    @Override
    public Map<String, Function<ReplicationController, String>> selectableFields() {
        return Map.of("status.replicas", rc -> Integer.toString(rc.getStatus() == null
                || rc.getStatus().getReplicas() == null ? 0 : rc.getStatus().getReplicas()));
    }

    @Override
    public ScaleAccess<ReplicationController> scale() {
        return new ScaleAccess<>() {
            @Override
            public int specReplicas(ReplicationController o) {
                return o.getSpec().getReplicas() == null ? 0 : o.getSpec().getReplicas();
            }

            @Override
            public void setSpecReplicas(ReplicationController o, int replicas) {
                o.getSpec().setReplicas(replicas);
            }

            @Override
            public int statusReplicas(ReplicationController o) {
                ReplicationControllerStatus s = o.getStatus();
                return s == null || s.getReplicas() == null ? 0 : s.getReplicas();
            }

            @Override
            public String selector(ReplicationController o) {
                return Selectors.render(o.getSpec().getSelector());
            }
        };
    }
}
