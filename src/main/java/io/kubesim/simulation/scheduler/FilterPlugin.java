package io.kubesim.simulation.scheduler;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * One scheduler filter: null when the node passes, else the reason counted in the
 * {@code FailedScheduling} message (e.g. {@code node(s) were unschedulable}).
 */
interface FilterPlugin {

    String filter(Pod pod, Requests requests, Node node, NodeUsage.Totals used);

    /** Whether evicting lower-priority pods could make the node fit (only resource shortages). */
    default boolean resolvableByPreemption() {
        return false;
    }
}
