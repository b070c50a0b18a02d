package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.Event;
import io.kubesim.selection.LabelRules;
import java.util.ArrayList;
import java.util.List;

/**
 * core/v1 Event validation: {@code legacyValidateEvent}, the only rules upstream applies to events created or
 * updated through the core/v1 API (no metadata or immutability rules for that version).
 */
public final class EventValidation {

    private EventValidation() {
    }

    /** Create validation of a core/v1 Event. */
    public static List<FieldError> validate(Event event) {
        Event e = event == null ? new Event() : event;
        List<FieldError> errs = new ArrayList<>();
        String ns = e.getMetadata() == null || e.getMetadata().getNamespace() == null ? ""
                : e.getMetadata().getNamespace();
        String involvedNs = e.getInvolvedObject() == null || e.getInvolvedObject().getNamespace() == null ? ""
                : e.getInvolvedObject().getNamespace();
        boolean legacy = e.getEventTime() == null || e.getEventTime().getTime() == null
                || e.getEventTime().getTime().isEmpty();
        String mismatch = "does not match event.namespace";
        String involvedPath = FieldPath.root("involvedObject").child("namespace").toString();
        if (legacy) {
            boolean bad = involvedNs.isEmpty() ? !ns.isEmpty() && !ns.equals("default") : !ns.equals(involvedNs);
            if (bad) {
                errs.add(FieldError.invalid(involvedPath, involvedNs, mismatch));
            }
        } else {
            if (involvedNs.isEmpty() && !ns.equals("default") && !ns.equals("kube-system")) {
                errs.add(FieldError.invalid(involvedPath, involvedNs, mismatch));
            }
            errs.addAll(newStyle(e));
        }
        for (String msg : LabelRules.isDNS1123Subdomain(ns)) {
            errs.add(FieldError.invalid("namespace", ns, msg));
        }
        return errs;
    }

    /** Update validation of a core/v1 Event (the same legacy rules on the new object). */
    public static List<FieldError> validateUpdate(Event newEvent, Event oldEvent) {
        return validate(newEvent);
    }

    private static List<FieldError> newStyle(Event e) {
        List<FieldError> errs = new ArrayList<>();
        String controller = nz(e.getReportingComponent());
        if (controller.isEmpty()) {
            errs.add(FieldError.required("reportingController", ""));
        }
        for (String msg : LabelRules.isQualifiedName(controller)) {
            errs.add(FieldError.invalid("reportingController", controller, msg));
        }
        errs.addAll(limited("reportingInstance", nz(e.getReportingInstance()), 128, true));
        errs.addAll(limited("action", nz(e.getAction()), 128, true));
        errs.addAll(limited("reason", nz(e.getReason()), 128, true));
        errs.addAll(limited("message", nz(e.getMessage()), 1024, false));
        return errs;
    }

    private static List<FieldError> limited(String field, String value, int limit, boolean required) {
        List<FieldError> errs = new ArrayList<>();
        if (required && value.isEmpty()) {
            errs.add(FieldError.required(field, ""));
        }
        if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > limit) {
            errs.add(FieldError.invalid(field, "", "can have at most " + limit + " characters"));
        }
        return errs;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
