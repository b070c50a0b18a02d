package io.kubesim.api.openapi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the Java client's model classes to kube-apiserver's OpenAPI definition names. The rules:
 * <ol>
 *   <li>The simple name drops the client's prefixes: the version ({@code V1Pod} → {@code Pod},
 *       {@code V1beta1JSONPatch} → {@code JSONPatch}) and, where the client added one to tell two groups apart, the
 *       group ({@code CoreV1Event} → {@code Event}). The version is the prefix in lower case.</li>
 *   <li>The apimachinery types keep their own packages: {@link #META_TYPES} are
 *       {@code io.k8s.apimachinery.pkg.apis.meta.v1.<Name>}; {@code VersionInfo} is
 *       {@code io.k8s.apimachinery.pkg.version.Info}.</li>
 *   <li>An API type lives in the package of its group ({@link GroupNames#definitionPackage}). A kind is in its own
 *       group; any other type is in the group of the first anchor kind that reaches it through fields, anchors taken
 *       in order. Every core/v1 kind is an anchor before the others ({@link #CORE_KINDS}), so core types that other
 *       groups embed ({@code PodTemplateSpec}, {@code ObjectReference}) stay {@code io.k8s.api.core.v1} even when no
 *       core kind using them is served.</li>
 * </ol>
 */
final class DefinitionNames {

    static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";

    /** The core/v1 kinds whose fields reach every shared core type. */
    static final List<String> CORE_KINDS = List.of("Binding", "ComponentStatus", "ConfigMap", "Endpoints", "Event",
            "LimitRange", "Namespace", "Node", "PersistentVolume", "PersistentVolumeClaim", "Pod", "PodTemplate",
            "ReplicationController", "ResourceQuota", "Secret", "Service", "ServiceAccount");

    /** Types of {@code k8s.io/apimachinery/pkg/apis/meta/v1} that the client generates as {@code V1<Name>}. */
    static final Set<String> META_TYPES = Set.of("APIGroup", "APIGroupList", "APIResource", "APIResourceList",
            "APIVersions", "Condition", "DeleteOptions", "FieldSelectorRequirement", "GroupVersionForDiscovery",
            "GroupVersionKind",
            "LabelSelector", "LabelSelectorRequirement", "ListMeta", "ManagedFieldsEntry", "ObjectMeta",
            "OwnerReference", "Preconditions", "ServerAddressByClientCIDR", "Status", "StatusCause", "StatusDetails",
            "WatchEvent");

    private static final Pattern CLIENT_NAME = Pattern.compile("([A-Z][a-z]+)?(V\\d+(?:alpha\\d+|beta\\d+)?)([A-Z].*)");

    /** A kind whose group claims the types it reaches. */
    record Anchor(String group, Class<?> type) {
    }

    private final Map<Class<?>, String> names = new HashMap<>();

    /** Names every class reachable from the core kinds, then from {@code anchors} in order. */
    DefinitionNames(List<Anchor> anchors) {
        List<Anchor> all = new ArrayList<>();
        for (String kind : CORE_KINDS) {
            all.add(new Anchor("", ClientModels.requireKind("", "v1", kind)));
        }
        all.addAll(anchors);
        for (Anchor a : all) {
            names.putIfAbsent(a.type(), qualified(a.group(), a.type()));
        }
        for (Anchor a : all) {
            claim(a);
        }
    }

    private void claim(Anchor anchor) {
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(anchor.type()));
        Set<Class<?>> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (!seen.add(c)) {
                continue;
            }
            names.putIfAbsent(c, qualified(anchor.group(), c));
            for (ClientModels.Property p : ClientModels.properties(c)) {
                todo.addAll(ClientModels.referencedModels(p.type()));
            }
        }
    }

    /** The definition name of a model class reached from the anchors. */
    String name(Class<?> type) {
        String n = names.get(type);
        if (n == null) {
            throw new IllegalArgumentException("not reachable from any anchor kind: " + type.getName());
        }
        return n;
    }

    private static String qualified(String group, Class<?> type) {
        if (type.getSimpleName().equals("VersionInfo")) {
            return "io.k8s.apimachinery.pkg.version.Info";
        }
        Matcher m = CLIENT_NAME.matcher(type.getSimpleName());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a versioned client model: " + type.getName());
        }
        String version = "v" + m.group(2).substring(1);
        String simple = m.group(3);
        if (version.equals("v1") && m.group(1) == null && META_TYPES.contains(simple)) {
            return META + simple;
        }
        return GroupNames.definitionPackage(group, version) + "." + simple;
    }
}
