/**
 * Cross-cutting wiring only: the Clock, the shared executors and the configuration properties
 * records. Each capability package wires its own beans.
 */
package io.kubesim.config;
