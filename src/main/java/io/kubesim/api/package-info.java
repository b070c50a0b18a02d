/**
 * HTTP only: one endpoint for every kind under {@code /api} and {@code /apis}, watch streaming,
 * discovery, {@code /version}, health, content negotiation (JSON, YAML, Table, partial metadata)
 * and the mapping of every failure to a {@code v1 Status}. Everything else is the registry's job.
 */
package io.kubesim.api;
