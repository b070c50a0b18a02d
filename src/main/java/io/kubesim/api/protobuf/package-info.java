/**
 * Reading {@code application/vnd.kubernetes.protobuf} bodies (kubectl 1.32+, client-go typed clients): the
 * {@code k8s\0} envelope, the message descriptors of client-java-proto, and a descriptor walker that writes the
 * JSON Go's {@code encoding/json} writes for the same object. Decoding only: replies stay JSON.
 */
package io.kubesim.api.protobuf;
