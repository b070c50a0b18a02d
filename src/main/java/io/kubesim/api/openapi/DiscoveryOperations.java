package io.kubesim.api.openapi;

import io.kubesim.registry.ResourceCatalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The discovery operations kube-apiserver lists in its per-path documents: {@code /api} (index key {@code api}),
 * {@code /apis} ({@code apis}), {@code /apis/<group>} ({@code apis/<group>}), the resource list of each
 * group-version (in the group-version's document) and {@code /version} ({@code version}).
 */
final class DiscoveryOperations {

    private DiscoveryOperations() {
    }

    /** Every discovery operation of the served group-versions. */
    static List<ApiOperation> of(ResourceCatalog catalog) {
        List<ApiOperation> out = new ArrayList<>();
        out.add(OperationBuilder.of("get", "/api").document("api").id("getCoreAPIVersions", "getAPIVersions")
                .tag("core").description("get available API versions")
                .responses(Components.API_VERSIONS, Media.OBJECT, "200")
                .content("200", Media.DISCOVERY_V2, Components.DISCOVERY_V2).errors("406").build());
        out.add(OperationBuilder.of("get", "/apis").document("apis").id("getAPIVersions", "getAPIVersions")
                .tag("apis").description("get available API versions")
                .responses(Components.API_GROUP_LIST, Media.OBJECT, "200")
                .content("200", Media.DISCOVERY_V2, Components.DISCOVERY_V2).errors("406").build());
        Set<String> groups = new LinkedHashSet<>();
        for (String gv : catalog.groupVersions()) {
            int slash = gv.indexOf('/');
            String group = slash < 0 ? "" : gv.substring(0, slash);
            String version = gv.substring(slash + 1);
            if (!group.isEmpty() && groups.add(group)) {
                out.add(group(group));
            }
            out.add(resources(group, version));
        }
        out.add(OperationBuilder.of("get", "/version").document("version").id("getCodeVersion", "getCodeVersion")
                .tag("version").description("get the code version")
                .responses(Components.VERSION_INFO, List.of(Media.JSON), "200").bare("406").build());
        return out;
    }

    private static ApiOperation group(String group) {
        String camel = GroupNames.camel(group);
        return OperationBuilder.of("get", "/apis/" + group).document("apis/" + group)
                .id("get" + camel + "APIGroup", "getAPIGroup").tag(GroupNames.groupTag(group))
                .description("get information of a group").responses(Components.API_GROUP, Media.OBJECT, "200")
                .errors("406").build();
    }

    private static ApiOperation resources(String group, String version) {
        String key = GroupNames.documentKey(group, version);
        return OperationBuilder.of("get", "/" + key).document(key)
                .id("get" + GroupNames.operationInfix(group, version) + "APIResources", "getAPIResources")
                .tag(GroupNames.tag(group, version)).description("get available resources")
                .responses(Components.API_RESOURCE_LIST, Media.OBJECT, "200").errors("406").build();
    }
}
