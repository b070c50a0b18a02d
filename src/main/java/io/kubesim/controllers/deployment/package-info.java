/**
 * The Deployment controller: ReplicaSets named by pod-template-hash, revisions, RollingUpdate and
 * Recreate, pause, history cleanup, proportional scaling and the Progressing / Available conditions.
 */
package io.kubesim.controllers.deployment;
