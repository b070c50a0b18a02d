/**
 * The simulated kubelet: per pod a runtime state machine (sandbox, image pull, create, run, exit,
 * restart with back-off, probes, termination) advanced by an injected clock, and pure functions that
 * turn that state into the pod status the real kubelet would report.
 */
package io.kubesim.simulation.kubelet;
