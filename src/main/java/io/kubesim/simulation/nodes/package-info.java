/**
 * Simulated nodes: the configured pool, each node's kubelet heartbeat (lease renewals and node
 * status), reachability (the {@code kubesim.io/unreachable} annotation stops a node's kubelet), pod
 * IP allocation from the node's podCIDR, and the node lifecycle controller with taint eviction.
 */
package io.kubesim.simulation.nodes;
