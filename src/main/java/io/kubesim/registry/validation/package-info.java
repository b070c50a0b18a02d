/**
 * The kube-apiserver's validation rules for the kinds kubesim serves, as pure functions over fabric8 model
 * objects that return {@link io.kubesim.registry.validation.FieldError} lists with upstream field paths and messages.
 *
 * <p>Entry points, one class per kind: {@link io.kubesim.registry.validation.ObjectMetaValidation},
 * {@link io.kubesim.registry.validation.PodValidation}, {@link io.kubesim.registry.validation.ReplicaSetValidation},
 * {@link io.kubesim.registry.validation.DeploymentValidation},
 * {@link io.kubesim.registry.validation.ReplicationControllerValidation},
 * {@link io.kubesim.registry.validation.ServiceValidation}, {@link io.kubesim.registry.validation.NamespaceValidation},
 * {@link io.kubesim.registry.validation.NodeValidation}, {@link io.kubesim.registry.validation.ConfigMapValidation},
 * {@link io.kubesim.registry.validation.SecretValidation}, {@link io.kubesim.registry.validation.EndpointsValidation},
 * {@link io.kubesim.registry.validation.EventValidation} and {@link io.kubesim.registry.validation.LeaseValidation}.
 *
 * <p>Contract shared by all of them: they never throw, accept {@code null} anywhere (a missing field is Go's zero
 * value), and expect objects that went through defaulting first, as kube-apiserver validates after defaulting.
 * Map entries are checked in sorted key order (Go's order is random), so results are deterministic.
 */
package io.kubesim.registry.validation;
