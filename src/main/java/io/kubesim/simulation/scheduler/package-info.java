/**
 * The simulated default scheduler: filter plugins (node name, unschedulable, taints and tolerations,
 * node affinity / selector, resources fit), least-allocated scoring, binding through
 * {@code pods/binding}, and {@code FailedScheduling} with the real message format.
 */
package io.kubesim.simulation.scheduler;
