package io.kubesim.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubesim.registry.ResourceRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** One shared informer per kind, for every controller and simulated component. */
public final class InformerFactory implements AutoCloseable {

    private final ResourceRegistry registry;
    private final Map<Class<?>, Informer<?>> informers = new ConcurrentHashMap<>();
    private volatile boolean started;

    public InformerFactory(ResourceClient client) {
        this.registry = client.registry();
    }

    /** The informer of a kind (created on first use, started when the factory starts or already running). */
    @SuppressWarnings("unchecked")
    public synchronized <T extends HasMetadata> Informer<T> informer(Class<T> type) {
        Informer<T> informer = (Informer<T>) informers.computeIfAbsent(type, t -> new Informer<>(type, registry));
        if (started) {
            informer.start();
        }
        return informer;
    }

    /** Starts every informer and waits (bounded) for their first lists. */
    public synchronized void start() throws InterruptedException {
        started = true;
        for (Informer<?> i : informers.values()) {
            i.start();
        }
        for (Informer<?> i : informers.values()) {
            i.awaitSynced(60, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        informers.values().forEach(Informer::stop);
    }
}
