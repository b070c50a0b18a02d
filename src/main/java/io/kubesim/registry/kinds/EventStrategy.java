package io.kubesim.registry.kinds;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.kubesim.registry.ResourceStrategy;
import io.kubesim.registry.ResourceType;
import io.kubesim.registry.defaults.Defaults;
import io.kubesim.registry.validation.EventValidation;
import io.kubesim.registry.validation.FieldError;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** core/v1 Event, with the involvedObject / reason / source / type field selectors. */
final class EventStrategy implements ResourceStrategy<Event> {

    private static final ResourceType TYPE = ResourceType.of("", "v1", "Event", "events", Event.class)
            .shortNames("ev").build();

    @Override
    public ResourceType type() {
        return TYPE;
    }

    @Override
    public void applyDefaults(Event object) {
        Defaults.event(object);
    }

    @Override
    public List<FieldError> validate(Event object) {
        return EventValidation.validate(object);
    }

    @Override
    public List<FieldError> validateUpdate(Event object, Event old) {
        return EventValidation.validateUpdate(object, old);
    }

    @Override
    public Map<String, Function<Event, String>> selectableFields() {
        return Map.ofEntries(
                Map.entry("involvedObject.kind", e -> ref(e).getKind()),
                Map.entry("involvedObject.namespace", e -> ref(e).getNamespace()),
                Map.entry("involvedObject.name", e -> ref(e).getName()),
                Map.entry("involvedObject.uid", e -> ref(e).getUid()),
                Map.entry("involvedObject.apiVersion", e -> ref(e).getApiVersion()),
                Map.entry("involvedObject.resourceVersion", e -> ref(e).getResourceVersion()),
                Map.entry("involvedObject.fieldPath", e -> ref(e).getFieldPath()),
                Map.entry("reason", Event::getReason),
                Map.entry("reportingComponent", Event::getReportingComponent),
                Map.entry("source", e -> e.getSource() == null ? "" : e.getSource().getComponent()),
                Map.entry("type", Event::getType));
    }

    private static ObjectReference ref(Event e) {
        return e.getInvolvedObject() == null ? new ObjectReference() : e.getInvolvedObject();
    }
}
