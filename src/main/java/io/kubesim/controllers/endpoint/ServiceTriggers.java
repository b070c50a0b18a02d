package io.kubesim.controllers.endpoint;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.kubesim.controller.Informer;

import java.util.function.Consumer;

/** Enqueues a Service's key when it changes or when a pod it selects (before or after the change) does. */
public final class ServiceTriggers {

    /** How often every Service is reconciled again without an event. */
    public static final java.time.Duration RESYNC = java.time.Duration.ofSeconds(30);

    private ServiceTriggers() {
    }

    public static void register(Informer<Service> services, Informer<Pod> pods, Consumer<String> enqueue) {
        services.addHandler(new Informer.Handler<>() {
            @Override
            public void onAdd(Service s) {
                enqueue.accept(Informer.keyOf(s));
            }

            @Override
            public void onUpdate(Service old, Service s) {
                enqueue.accept(Informer.keyOf(s));
            }

            @Override
            public void onDelete(Service s) {
                enqueue.accept(Informer.keyOf(s));
            }
        });
        pods.addHandler(new Informer.Handler<>() {
            @Override
            public void onAdd(Pod p) {
                selecting(services, p, null, enqueue);
            }

            @Override
            public void onUpdate(Pod old, Pod p) {
                selecting(services, p, old, enqueue);
            }

            @Override
            public void onDelete(Pod p) {
                selecting(services, p, null, enqueue);
            }
        });
    }

    private static void selecting(Informer<Service> services, Pod pod, Pod old, Consumer<String> enqueue) {
        for (Service s : services.inNamespace(pod.getMetadata().getNamespace())) {
            if (ServiceBackends.selects(s, pod) || (old != null && ServiceBackends.selects(s, old))) {
                enqueue.accept(Informer.keyOf(s));
            }
        }
    }
}
