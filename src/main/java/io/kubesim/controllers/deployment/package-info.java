/**
 * The Deployment controller: ReplicaSets named by pod-template-hash, revisions, RollingUpdate and
 * Recreate, pause, history cleanup, proportional scaling and the Progressing / Available conditions.
 * Decisions are pure planners over the Deployment and its ReplicaSets ({@code RolloutMath},
 * {@code RollingPlanner}, {@code ProportionalPlanner}, {@code RecreatePlanner}, {@code RolloutStatusPlanner});
 * {@code Rollouts} and {@code DeploymentReconciler} read, plan and write through the in-process client.
 */
package io.kubesim.controllers.deployment;
