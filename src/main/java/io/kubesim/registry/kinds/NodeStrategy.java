package io.kubesim.registry.kinds;

import io.fabric8.kubernetes.api.model.Node;
import io.kubesim.registry.ResourceStrategy;
import io.kubesim.registry.ResourceType;
import io.kubesim.registry.defaults.Defaults;
import io.kubesim.registry.validation.FieldError;
import io.kubesim.registry.validation.NodeValidation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** core/v1 Node. */
final class NodeStrategy implements ResourceStrategy<Node> {

    private static final ResourceType TYPE = ResourceType.of("", "v1", "Node", "nodes", Node.class)
            .shortNames("no").clusterScoped().subresources("status").build();

    @Override
    public ResourceType type() {
        return TYPE;
    }

    @Override
    public void applyDefaults(Node object) {
        Defaults.node(object);
    }

    @Override
    public List<FieldError> validate(Node object) {
        return NodeValidation.validate(object);
    }

    @Override
    public List<FieldError> validateUpdate(Node object, Node old) {
        return NodeValidation.validateUpdate(object, old);
    }

    @Override
    public List<FieldError> validateStatusUpdate(Node object, Node old) {
        return NodeValidation.validateUpdate(object, old);
    }

    @Override
    public Map<String, Function<Node, String>> selectableFields() {
        return Map.of("spec.unschedulable", n -> Boolean.toString(n.getSpec() != null
                && Boolean.TRUE.equals(n.getSpec().getUnschedulable())));
    }
}
