/**
 * kube-controller-manager's controllers, each a reconciler behind the shared controller loop:
 * ReplicaSet / ReplicationController, Deployment, garbage collector, namespace, Service endpoints
 * and event expiry. They act only through the in-process client.
 */
package io.kubesim.controllers;
