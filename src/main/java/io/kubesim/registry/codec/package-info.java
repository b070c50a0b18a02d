/**
 * JSON encoding and decoding of typed objects: a strict decoder that reports (and drops) unknown
 * fields like the apiserver's {@code fieldValidation}, a trusted decoder for stored documents, and
 * revision templates that let the store splice the resourceVersion into already-encoded bytes.
 */
package io.kubesim.registry.codec;
