package io.kubesim.patch.apply;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.util.Map;

import static io.kubesim.patch.apply.ApplySchema.ATOMIC;
import static io.kubesim.patch.apply.ApplySchema.DEDUCED;
import static io.kubesim.patch.apply.ApplySchema.SET;
import static io.kubesim.patch.apply.ApplySchema.associative;
import static io.kubesim.patch.apply.ApplySchema.map;
import static io.kubesim.patch.apply.ApplySchema.struct;

/**
 * Server-side apply schemas of the kinds kubesim serves, transcribed from the list/map/struct markers of
 * {@code k8s.io/api} core/v1, apps/v1, coordination/v1, discovery/v1, autoscaling/v1 and
 * {@code k8s.io/apimachinery} meta/v1 (v1.32). Only what is not the deduced default is declared: associative lists
 * and their keys, sets, atomic maps and structs, and the Go zero-value skeleton. Undeclared lists are atomic
 * ({@code tolerations}, {@code command}, {@code args}, {@code envFrom}, {@code readinessGates},
 * {@code containerStatuses}, Node {@code taints}, Endpoints {@code subsets}, EndpointSlice {@code endpoints} and
 * {@code ports}, Service {@code clusterIPs}/{@code ipFamilies}/{@code externalIPs}, label-selector
 * {@code matchExpressions} ...), undeclared objects granular.
 */
final class KubeApplySchemas {

    private static final Map<String, JsonNode> PROTOCOL_TCP =
            Map.of("protocol", JsonNodeFactory.instance.stringNode("TCP"));

    static final ApplySchema OBJECT_META = struct()
            .field("labels", map(ATOMIC))
            .field("annotations", map(ATOMIC))
            .field("finalizers", SET)
            .field("ownerReferences", associative(DEDUCED, "uid"))
            .field("managedFields", ATOMIC)
            .nullable("creationTimestamp", ATOMIC)
            .build();

    /** {@code +structType=atomic}. */
    private static final ApplySchema LABEL_SELECTOR = ATOMIC;

    private static final ApplySchema CONTAINER = struct()
            .field("ports", associative(DEDUCED, PROTOCOL_TCP, "containerPort", "protocol"))
            .field("env", associative(DEDUCED, "name"))
            .field("volumeMounts", associative(DEDUCED, "mountPath"))
            .field("volumeDevices", associative(DEDUCED, "devicePath"))
            .embedded("resources", struct().field("claims", associative(DEDUCED, "name")).build())
            .build();

    private static final ApplySchema POD_SPEC = struct()
            .field("volumes", associative(DEDUCED, "name"))
            .field("initContainers", associative(CONTAINER, "name"))
            .nullable("containers", associative(CONTAINER, "name"))
            .field("ephemeralContainers", associative(CONTAINER, "name"))
            .field("nodeSelector", ATOMIC)
            .field("imagePullSecrets", associative(DEDUCED, "name"))
            .field("hostAliases", associative(DEDUCED, "ip"))
            .field("topologySpreadConstraints", associative(struct().field("labelSelector", LABEL_SELECTOR).build(),
                    "topologyKey", "whenUnsatisfiable"))
            .field("schedulingGates", associative(DEDUCED, "name"))
            .field("resourceClaims", associative(DEDUCED, "name"))
            .build();

    private static final ApplySchema POD_STATUS = struct()
            .field("conditions", associative(DEDUCED, "type"))
            .field("podIPs", associative(DEDUCED, "ip"))
            .field("resourceClaimStatuses", associative(DEDUCED, "name"))
            .build();

    private static final ApplySchema POD_TEMPLATE_SPEC = struct()
            .embedded("metadata", OBJECT_META)
            .embedded("spec", POD_SPEC)
            .build();

    private static final ApplySchema CONDITIONS = struct()
            .field("conditions", associative(DEDUCED, "type"))
            .build();

    private static final ApplySchema EMPTY_STRUCT = struct().build();

    private static final Map<String, ApplySchema> BY_KIND = Map.ofEntries(
            Map.entry("v1/Pod", kind().embedded("spec", POD_SPEC).embedded("status", POD_STATUS).build()),
            Map.entry("v1/Namespace", kind().embedded("spec", EMPTY_STRUCT).embedded("status", CONDITIONS).build()),
            Map.entry("v1/Node", node()),
            Map.entry("v1/Service", service()),
            Map.entry("v1/Endpoints", kind().build()),
            Map.entry("v1/ConfigMap", kind().build()),
            Map.entry("v1/Secret", kind().build()),
            Map.entry("v1/Event", kind().embedded("involvedObject", EMPTY_STRUCT)
                    .embedded("source", EMPTY_STRUCT).build()),
            Map.entry("v1/ReplicationController", kind()
                    .embedded("spec", struct().field("selector", ATOMIC).field("template", POD_TEMPLATE_SPEC).build())
                    .embedded("status", CONDITIONS).build()),
            Map.entry("apps/v1/ReplicaSet", kind()
                    .embedded("spec", struct().nullable("selector", LABEL_SELECTOR)
                            .embedded("template", POD_TEMPLATE_SPEC).build())
                    .embedded("status", CONDITIONS).build()),
            Map.entry("apps/v1/Deployment", kind()
                    .embedded("spec", struct().nullable("selector", LABEL_SELECTOR)
                            .embedded("template", POD_TEMPLATE_SPEC).embedded("strategy", EMPTY_STRUCT).build())
                    .embedded("status", CONDITIONS).build()),
            Map.entry("coordination.k8s.io/v1/Lease", kind().embedded("spec", EMPTY_STRUCT).build()),
            Map.entry("discovery.k8s.io/v1/EndpointSlice", kind().nullable("endpoints", ATOMIC).build()),
            Map.entry("autoscaling/v1/Scale", kind().embedded("spec", EMPTY_STRUCT)
                    .embedded("status", EMPTY_STRUCT).build()));

    private static final ApplySchema UNKNOWN = kind().build();

    private KubeApplySchemas() {
    }

    static ApplySchema forKind(String apiVersion, String kind) {
        return BY_KIND.getOrDefault(apiVersion + "/" + kind, UNKNOWN);
    }

    static boolean knows(String apiVersion, String kind) {
        return BY_KIND.containsKey(apiVersion + "/" + kind);
    }

    private static ApplySchema.Struct kind() {
        return struct().embedded("metadata", OBJECT_META);
    }

    private static ApplySchema node() {
        ApplySchema spec = struct().field("podCIDRs", SET).build();
        ApplySchema daemonEndpoints = struct().embedded("kubeletEndpoint", EMPTY_STRUCT).build();
        ApplySchema status = struct()
                .field("conditions", associative(DEDUCED, "type"))
                .field("addresses", associative(DEDUCED, "type"))
                .embedded("daemonEndpoints", daemonEndpoints)
                .embedded("nodeInfo", EMPTY_STRUCT)
                .build();
        return kind().embedded("spec", spec).embedded("status", status).build();
    }

    private static ApplySchema service() {
        ApplySchema spec = struct()
                .field("ports", associative(DEDUCED, PROTOCOL_TCP, "port", "protocol"))
                .field("selector", ATOMIC)
                .build();
        ApplySchema status = struct()
                .field("conditions", associative(DEDUCED, "type"))
                .embedded("loadBalancer", EMPTY_STRUCT)
                .build();
        return kind().embedded("spec", spec).embedded("status", status).build();
    }
}
