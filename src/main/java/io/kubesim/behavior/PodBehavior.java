package io.kubesim.behavior;

import java.util.Map;

/**
 * The declared behaviour of a pod's containers, by container name ({@code *} applies to containers
 * not named).
 */
public record PodBehavior(Map<String, ContainerBehavior> containers) {

    /** The annotation that carries the behaviour, on a pod or a pod template. */
    public static final String ANNOTATION = "kubesim.io/behavior";

    public static final PodBehavior NONE = new PodBehavior(Map.of());

    public ContainerBehavior container(String name) {
        ContainerBehavior b = containers.get(name);
        if (b == null) {
            b = containers.get("*");
        }
        return b == null ? ContainerBehavior.DEFAULT : b;
    }
}
