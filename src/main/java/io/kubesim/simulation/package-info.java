/**
 * The simulated cluster: a configured node pool whose simulated kubelets renew leases and run pods
 * through their real lifecycle (phases, container states, probes, back-off, graceful deletion), a
 * scheduler with the default filter plugins, and the node lifecycle controller. Everything acts
 * through the in-process client, so it obeys the same validation and watch as any API client.
 */
package io.kubesim.simulation;
