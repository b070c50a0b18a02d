/**
 * The OpenAPI descriptions of the served API, derived from the {@link io.kubesim.registry.ResourceCatalog}: the
 * per-group-version OpenAPI v3 documents kubectl reads ({@code /openapi/v3}), shaped like kube-apiserver's, and the
 * whole-API OpenAPI 3.0.3 contract for SDK generators ({@code openapi.yaml}, {@link io.kubesim.api.openapi.OpenApiContract}).
 * Schemas come from the generated models of the Kubernetes Java client ({@code io.kubernetes:client-java-api}), the
 * list merge strategies from {@link io.kubesim.patch.KubernetesPatchSchemas}.
 */
package io.kubesim.api.openapi;
