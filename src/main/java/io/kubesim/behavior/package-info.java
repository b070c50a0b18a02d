/**
 * The declared behaviour of simulated containers: the {@code kubesim.io/behavior} annotation on a pod
 * (or a pod template) describing start delays, image pull failures, exits per run, probe outcomes
 * over time and log lines. Pure data and its parser; the registry validates it on admission and the
 * simulated kubelet plays it.
 */
package io.kubesim.behavior;
