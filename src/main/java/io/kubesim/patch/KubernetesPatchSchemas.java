package io.kubesim.patch;

import java.util.Map;

import static io.kubesim.patch.ListStrategy.MERGE_PRIMITIVE;
import static io.kubesim.patch.ListStrategy.mergeByKey;

/**
 * Strategic merge patch schemas of the built-in kinds kubesim serves, transcribed from the {@code patchStrategy} and
 * {@code patchMergeKey} struct tags of {@code k8s.io/api} (core/v1, apps/v1, coordination/v1, discovery/v1, policy/v1,
 * autoscaling/v1) and {@code k8s.io/apimachinery/pkg/apis/meta/v1} at v1.32. Every list not named here has no tag and
 * is atomic: among others {@code tolerations}, {@code readinessGates}, {@code command}, {@code args},
 * {@code envFrom}, {@code resizePolicy}, {@code resources.claims}, {@code containerStatuses} (all three status
 * lists), Node {@code spec.taints}, {@code status.images}, {@code status.volumesInUse}, {@code status.volumesAttached},
 * Namespace {@code spec.finalizers}, Service {@code spec.clusterIPs}/{@code ipFamilies}/{@code externalIPs} and
 * {@code status.loadBalancer.ingress}, Endpoints {@code subsets}, EndpointSlice {@code endpoints}/{@code ports},
 * label-selector {@code matchExpressions}, {@code metadata.managedFields}. Maps (labels, annotations,
 * {@code nodeSelector}, {@code data}, {@code resources.limits}) always merge key by key.
 *
 * <p>Where this was unsure: Node {@code spec.podCIDRs} (merged primitive list) and Service {@code status.conditions}
 * (by {@code type}) were taken from memory of the v1.32 sources, not re-read; {@code spec.resourceClaims},
 * {@code status.resourceClaimStatuses} and {@code status.hostIPs} were checked against copies of the tags. Fields of
 * later releases (for example Pod {@code status.extendedResourceClaimStatus}) are not encoded. Unknown paths, like
 * fields of custom resources, are atomic; apimachinery would reject a merge into a field its struct lacks, this
 * lookup does not.
 */
public final class KubernetesPatchSchemas {

    private static final SchemaNode OBJECT_META = SchemaNode.builder()
            .list("ownerReferences", mergeByKey("uid"))
            .list("finalizers", MERGE_PRIMITIVE)
            .build();

    private static final SchemaNode CONTAINER = SchemaNode.builder()
            .list("ports", mergeByKey("containerPort"))
            .list("env", mergeByKey("name"))
            .list("volumeMounts", mergeByKey("mountPath"))
            .list("volumeDevices", mergeByKey("devicePath"))
            .build();

    private static final SchemaNode POD_SPEC = SchemaNode.builder()
            .retainKeysList("volumes", mergeByKey("name"), SchemaNode.EMPTY)
            .list("initContainers", mergeByKey("name"), CONTAINER)
            .list("containers", mergeByKey("name"), CONTAINER)
            .list("ephemeralContainers", mergeByKey("name"), CONTAINER)
            .list("imagePullSecrets", mergeByKey("name"))
            .list("hostAliases", mergeByKey("ip"))
            .list("topologySpreadConstraints", mergeByKey("topologyKey"))
            .retainKeysList("resourceClaims", mergeByKey("name"), SchemaNode.EMPTY)
            .list("schedulingGates", mergeByKey("name"))
            .build();

    private static final SchemaNode POD_STATUS = SchemaNode.builder()
            .list("conditions", mergeByKey("type"))
            .list("podIPs", mergeByKey("ip"))
            .list("hostIPs", mergeByKey("ip"))
            .retainKeysList("resourceClaimStatuses", mergeByKey("name"), SchemaNode.EMPTY)
            .build();

    private static final SchemaNode POD_TEMPLATE_SPEC = SchemaNode.builder()
            .object("metadata", OBJECT_META)
            .object("spec", POD_SPEC)
            .build();

    private static final SchemaNode CONDITIONS_BY_TYPE = SchemaNode.builder()
            .list("conditions", mergeByKey("type"))
            .build();

    private static final SchemaNode WITH_TEMPLATE = SchemaNode.builder()
            .object("template", POD_TEMPLATE_SPEC)
            .build();

    private static final SchemaNode DEPLOYMENT_SPEC = SchemaNode.builder()
            .object("template", POD_TEMPLATE_SPEC)
            .retainKeysObject("strategy", SchemaNode.EMPTY)
            .build();

    private static final SchemaNode NODE_SPEC = SchemaNode.builder()
            .list("podCIDRs", MERGE_PRIMITIVE)
            .build();

    private static final SchemaNode NODE_STATUS = SchemaNode.builder()
            .list("conditions", mergeByKey("type"))
            .list("addresses", mergeByKey("type"))
            .build();

    private static final SchemaNode SERVICE_SPEC = SchemaNode.builder()
            .list("ports", mergeByKey("port"))
            .build();

    private static final SchemaNode METADATA_ONLY = kind(SchemaNode.EMPTY, SchemaNode.EMPTY);

    private static final Map<String, PatchSchema> BY_KIND = Map.ofEntries(
            Map.entry("v1/Pod", kind(POD_SPEC, POD_STATUS)),
            Map.entry("v1/Namespace", kind(SchemaNode.EMPTY, CONDITIONS_BY_TYPE)),
            Map.entry("v1/Node", kind(NODE_SPEC, NODE_STATUS)),
            Map.entry("v1/Service", kind(SERVICE_SPEC, CONDITIONS_BY_TYPE)),
            Map.entry("v1/Endpoints", METADATA_ONLY),
            Map.entry("v1/ConfigMap", METADATA_ONLY),
            Map.entry("v1/Secret", METADATA_ONLY),
            Map.entry("v1/Event", METADATA_ONLY),
            Map.entry("v1/ReplicationController", kind(WITH_TEMPLATE, CONDITIONS_BY_TYPE)),
            Map.entry("apps/v1/ReplicaSet", kind(WITH_TEMPLATE, CONDITIONS_BY_TYPE)),
            Map.entry("apps/v1/Deployment", kind(DEPLOYMENT_SPEC, CONDITIONS_BY_TYPE)),
            Map.entry("coordination.k8s.io/v1/Lease", METADATA_ONLY),
            Map.entry("discovery.k8s.io/v1/EndpointSlice", METADATA_ONLY),
            Map.entry("policy/v1/Eviction", METADATA_ONLY),
            Map.entry("autoscaling/v1/Scale", METADATA_ONLY));

    private KubernetesPatchSchemas() {
    }

    /**
     * The schema of {@code apiVersion} ({@code v1}, {@code apps/v1}) and {@code kind}; the metadata-only schema for a
     * kind without one here.
     */
    public static PatchSchema forKind(String apiVersion, String kind) {
        return BY_KIND.getOrDefault(apiVersion + "/" + kind, METADATA_ONLY);
    }

    /** True when {@link #forKind} has a dedicated schema (built-in kinds; custom resources answer 415 upstream). */
    public static boolean knows(String apiVersion, String kind) {
        return BY_KIND.containsKey(apiVersion + "/" + kind);
    }

    /** Only {@code metadata} tags ({@code ownerReferences} by {@code uid}, merged {@code finalizers}). */
    public static PatchSchema metadataOnly() {
        return METADATA_ONLY;
    }

    private static SchemaNode kind(SchemaNode spec, SchemaNode status) {
        return SchemaNode.builder()
                .object("metadata", OBJECT_META)
                .object("spec", spec)
                .object("status", status)
                .build();
    }
}
