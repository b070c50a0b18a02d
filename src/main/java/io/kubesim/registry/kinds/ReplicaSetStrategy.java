package io.kubesim.registry.kinds;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.kubesim.registry.ResourceStrategy;
import io.kubesim.registry.ResourceType;
import io.kubesim.registry.ScaleAccess;
import io.kubesim.registry.defaults.Defaults;
import io.kubesim.registry.validation.FieldError;
import io.kubesim.registry.validation.ReplicaSetValidation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** apps/v1 ReplicaSet. */
final class ReplicaSetStrategy implements ResourceStrategy<ReplicaSet> {

    private static final ResourceType TYPE = ResourceType.of("apps", "v1", "ReplicaSet", "replicasets", ReplicaSet.class)
            .shortNames("rs").categories("all").subresources("status", "scale").tracksGeneration().build();

    @Override
    public ResourceType type() {
        return TYPE;
    }

    @Override
    public void applyDefaults(ReplicaSet object) {
        Defaults.replicaSet(object);
    }

    @Override
    public void prepareForCreate(ReplicaSet object, Instant now) {
        ReplicaSetStatus zero = new ReplicaSetStatus(); // Go's zero status: replicas is not omitempty
        zero.setReplicas(0);
        object.setStatus(zero);
    }

    @Override
    public List<FieldError> validate(ReplicaSet object) {
        return BehaviorAdmission.plus(ReplicaSetValidation.validate(object),
                BehaviorAdmission.template(object.getSpec() == null ? null : object.getSpec().getTemplate()));
    }

    @Override
    public List<FieldError> validateUpdate(ReplicaSet object, ReplicaSet old) {
        return BehaviorAdmission.plus(ReplicaSetValidation.validateUpdate(object, old),
                BehaviorAdmission.template(object.getSpec() == null ? null : object.getSpec().getTemplate()));
    }

    @Override
    public Map<String, Function<ReplicaSet, String>> selectableFields() {
        return Map.of("status.replicas", rs -> Integer.toString(rs.getStatus() == null
                || rs.getStatus().getReplicas() == null ? 0 : rs.getStatus().getReplicas()));
    }

    @Override
    public ScaleAccess<ReplicaSet> scale() {
        return new ScaleAccess<>() {
            @Override
            public int specReplicas(ReplicaSet o) {
                return o.getSpec().getReplicas() == null ? 0 : o.getSpec().getReplicas();
            }

            @Override
            public void setSpecReplicas(ReplicaSet o, int replicas) {
                o.getSpec().setReplicas(replicas);
            }

            @Override
            public int statusReplicas(ReplicaSet o) {
                ReplicaSetStatus s = o.getStatus();
                return s == null || s.getReplicas() == null ? 0 : s.getReplicas();
            }

            @Override
            public String selector(ReplicaSet o) {
                return Selectors.render(o.getSpec().getSelector());
            }
        };
    }
}
