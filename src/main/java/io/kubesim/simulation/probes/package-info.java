/**
 * Where a probe's outcome comes from, in order: a real httpGet / tcpSocket / grpc (grpc.health.v1) probe when the pod is
 * mapped to an allow-listed host ({@code kubesim.io/probe-host}, loopback only by default; nothing
 * else is ever contacted), else the pod's declared behaviour, else success.
 */
package io.kubesim.simulation.probes;
