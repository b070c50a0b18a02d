/**
 * The ReplicaSet controller of kube-controller-manager, also serving core/v1 ReplicationControllers through a
 * {@link io.kubesim.controllers.replicaset.ReplicaKind} adapter: it claims pods by controllerRef, keeps
 * {@code spec.replicas} active pods (slow-start creates, ranked deletes, expectations against informer lag) and
 * reports the status. Decisions (ranking, batch sizes, status) are pure planners; the owner-reference, pod and
 * time helpers are public because the Deployment controller shares them.
 */
package io.kubesim.controllers.replicaset;
