package io.kubesim.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** How the {@code scale} subresource reads and writes a kind's replica counts. */
public interface ScaleAccess<T extends HasMetadata> {

    int specReplicas(T object);

    void setSpecReplicas(T object, int replicas);

    int statusReplicas(T object);

    /** The label selector rendered as a string, e.g. {@code app=web}. */
    String selector(T object);
}
