/**
 * Kubernetes resource quantities ({@code 500m}, {@code 1Gi}, {@code 1e3}): parsing to exact decimals
 * and Go's canonical formatting. Pure; used by defaulting, validation, the scheduler and the kubelet.
 */
package io.kubesim.quantity;
