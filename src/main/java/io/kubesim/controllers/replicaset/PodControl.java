package io.kubesim.controllers.replicaset;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.kubesim.controller.ClientException;
import io.kubesim.controller.Deletion;
import io.kubesim.controller.EventRecorder;
import io.kubesim.controller.ResourceClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code RealPodControl}: creates pods from a template and deletes pods on behalf of a controller, recording
 * {@code SuccessfulCreate} / {@code FailedCreate} / {@code SuccessfulDelete} / {@code FailedDelete} events on it.
 */
final class PodControl {

    private final ResourceClient client;
    private final EventRecorder events;
    private final EventRecorder.Source source;

    PodControl(ResourceClient client, EventRecorder events, String component) {
        this.client = client;
        this.events = events;
        this.source = new EventRecorder.Source(component, null);
    }

    /**
     * Creates one pod named {@code <owner>-xxxxx}; returns null on success (or when the namespace is terminating,
     * where every create fails and upstream stays silent), else the failure.
     */
    RuntimeException create(HasMetadata owner, PodTemplateSpec template, OwnerReference controllerRef) {
        Pod pod = fromTemplate(owner, template, controllerRef);
        if (pod.getMetadata().getLabels() == null || pod.getMetadata().getLabels().isEmpty()) {
            return new IllegalStateException("unable to create pods, no labels");
        }
        try {
            Pod created = client.create(pod);
            events.normal(owner, null, source, "SuccessfulCreate", "Created pod: " + created.getMetadata().getName());
            return null;
        } catch (ClientException e) {
            if (namespaceTerminating(e)) {
                return null;
            }
            events.warning(owner, null, source, "FailedCreate", "Error creating: " + e.getMessage());
            return e;
        }
    }

    /** Deletes a pod with its own grace period; NotFound is returned (callers ignore it) without an event. */
    RuntimeException delete(HasMetadata owner, String namespace, String name) {
        try {
            if (!client.delete(Pod.class, namespace, name, Deletion.defaults())) {
                return new ClientException(404, "NotFound", "pods \"" + name + "\" not found");
            }
            events.normal(owner, null, source, "SuccessfulDelete", "Deleted pod: " + name);
            return null;
        } catch (ClientException e) {
            if (!e.isNotFound()) {
                events.warning(owner, null, source, "FailedDelete", "Error deleting: " + e.getMessage());
            }
            return e;
        }
    }

    /** {@code GetPodFromTemplate}: labels, annotations, finalizers and spec of the template, plus the controllerRef. */
    static Pod fromTemplate(HasMetadata owner, PodTemplateSpec template, OwnerReference controllerRef) {
        ObjectMeta tm = template == null || template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
        ObjectMeta m = new ObjectMeta();
        m.setNamespace(owner.getMetadata().getNamespace());
        m.setGenerateName(owner.getMetadata().getName() + "-");
        m.setLabels(copy(tm.getLabels()));
        m.setAnnotations(copy(tm.getAnnotations()));
        m.setFinalizers(tm.getFinalizers() == null ? null : new ArrayList<>(tm.getFinalizers()));
        m.setOwnerReferences(controllerRef == null ? null : new ArrayList<>(List.of(ControllerRefManager.copy(controllerRef))));
        Pod pod = new Pod();
        pod.setMetadata(m);
        PodSpec spec = template == null || template.getSpec() == null ? new PodSpec() : template.getSpec();
        pod.setSpec(new PodSpecBuilder(spec).build());
        return pod;
    }

    private static Map<String, String> copy(Map<String, String> m) {
        return m == null ? null : new LinkedHashMap<>(m);
    }

    private static boolean namespaceTerminating(ClientException e) {
        return e.code() == 403 && e.getMessage() != null && e.getMessage().contains("because it is being terminated");
    }
}
