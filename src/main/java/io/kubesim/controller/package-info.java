/**
 * The controller framework: the in-process {@link io.kubesim.controller.ResourceClient} (the same
 * registry path as HTTP clients, so the same validation, admission and watch), shared informers,
 * work queues, reconcile loops, the event recorder and the cluster's scaled time. Controllers and
 * the simulated cluster are built on this package only.
 */
package io.kubesim.controller;
