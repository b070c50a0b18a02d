package io.kubesim.patch.apply;

import java.util.Set;

/**
 * The fields each write target resets, after the registry strategies' {@code GetResetFields} of v1.32: a write to
 * the main resource of a kind with a status subresource never owns {@code status}; a {@code status} write never
 * owns {@code spec} (Pods also never own {@code metadata.deletionTimestamp} and {@code metadata.ownerReferences},
 * Deployments never {@code metadata.labels}); a {@code scale} write owns only {@code spec.replicas} of the parent.
 */
final class ResetFields {

    private static final Set<String> WITH_STATUS = Set.of("v1/Pod", "v1/Node", "v1/Namespace", "v1/Service",
            "v1/ReplicationController", "apps/v1/ReplicaSet", "apps/v1/Deployment");

    private static final FieldPath STATUS = FieldPath.of("status");
    private static final FieldPath SPEC = FieldPath.of("spec");

    private ResetFields() {
    }

    static FieldFilter forWrite(String apiVersion, String kind, String subresource) {
        String key = apiVersion + "/" + kind;
        String sub = subresource == null ? "" : subresource;
        switch (sub) {
            case "":
                return WITH_STATUS.contains(key) ? FieldFilter.excluding(STATUS) : FieldFilter.NONE;
            case "status":
                return statusWrite(key);
            case "scale":
                return FieldFilter.only(FieldPath.of("spec", "replicas"));
            default:
                return FieldFilter.NONE;
        }
    }

    private static FieldFilter statusWrite(String key) {
        switch (key) {
            case "v1/Pod":
                return FieldFilter.excluding(SPEC, FieldPath.of("metadata", "deletionTimestamp"),
                        FieldPath.of("metadata", "ownerReferences"));
            case "apps/v1/Deployment":
                return FieldFilter.excluding(SPEC, FieldPath.of("metadata", "labels"));
            default:
                return WITH_STATUS.contains(key) ? FieldFilter.excluding(SPEC) : FieldFilter.NONE;
        }
    }
}
