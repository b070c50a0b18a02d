/**
 * The three PATCH dialects of kube-apiserver on Jackson 3 trees: RFC 6902 JSON patch
 * ({@link io.kubesim.patch.JsonPatch}), RFC 7386 merge patch ({@link io.kubesim.patch.MergePatch}) and Kubernetes
 * strategic merge patch ({@link io.kubesim.patch.StrategicMergePatch}), which follows apimachinery's
 * {@code strategicpatch} package, list ordering and error texts included. The list strategies strategic merge patch
 * needs live in {@link io.kubesim.patch.PatchSchema} tables ({@link io.kubesim.patch.KubernetesPatchSchemas})
 * transcribed from the Go struct tags. Every function here is pure: inputs are never mutated, and failures are
 * {@link io.kubesim.patch.PatchException}s naming the HTTP answer the apiserver would give.
 */
package io.kubesim.patch;
