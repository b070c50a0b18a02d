package io.kubesim.api.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.kubernetes.client.proto.IntStr;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Resource;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.RuntimeSchema;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Admission;
import io.kubernetes.client.proto.V1Admissionregistration;
import io.kubernetes.client.proto.V1Apiextensions;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Authentication;
import io.kubernetes.client.proto.V1Authorization;
import io.kubernetes.client.proto.V1Autoscaling;
import io.kubernetes.client.proto.V1Batch;
import io.kubernetes.client.proto.V1Certificates;
import io.kubernetes.client.proto.V1Coordination;
import io.kubernetes.client.proto.V1Discovery;
import io.kubernetes.client.proto.V1Events;
import io.kubernetes.client.proto.V1Flowcontrol;
import io.kubernetes.client.proto.V1Networking;
import io.kubernetes.client.proto.V1Node;
import io.kubernetes.client.proto.V1Policy;
import io.kubernetes.client.proto.V1Rbac;
import io.kubernetes.client.proto.V1Resource;
import io.kubernetes.client.proto.V1Scheduling;
import io.kubernetes.client.proto.V1Storage;
import io.kubernetes.client.proto.V1alpha1Apiserverinternal;
import io.kubernetes.client.proto.V1alpha1Imagepolicy;
import io.kubernetes.client.proto.V1alpha1Rbac;
import io.kubernetes.client.proto.V1alpha1Scheduling;
import io.kubernetes.client.proto.V1beta1Admission;
import io.kubernetes.client.proto.V1beta1Admissionregistration;
import io.kubernetes.client.proto.V1beta1Apiextensions;
import io.kubernetes.client.proto.V1beta1Apps;
import io.kubernetes.client.proto.V1beta1Authentication;
import io.kubernetes.client.proto.V1beta1Authorization;
import io.kubernetes.client.proto.V1beta1Batch;
import io.kubernetes.client.proto.V1beta1Certificates;
import io.kubernetes.client.proto.V1beta1Extensions;
import io.kubernetes.client.proto.V1beta1Policy;
import io.kubernetes.client.proto.V1beta1Rbac;
import io.kubernetes.client.proto.V1beta1Storage;
import io.kubernetes.client.proto.V1beta1Storagemigration;
import io.kubernetes.client.proto.V1beta2Apps;
import io.kubernetes.client.proto.V2Apidiscovery;
import io.kubernetes.client.proto.V2Autoscaling;
import io.kubernetes.client.proto.V2beta1Apidiscovery;
import io.kubernetes.client.proto.V2beta1Autoscaling;
import io.kubernetes.client.proto.V2beta2Autoscaling;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The protobuf message descriptors of the built-in kinds, by full name, from the outer classes of
 * {@code io.kubernetes:client-java-proto} (one per {@code generated.proto}). Immutable; built once, on first use.
 */
public final class KubeDescriptors {

    private static final String META_PACKAGE = "k8s.io.apimachinery.pkg.apis.meta.";

    private final Map<String, Descriptor> byFullName;

    private KubeDescriptors(Map<String, Descriptor> byFullName) {
        this.byFullName = Map.copyOf(byFullName);
    }

    /** The index of every message of client-java-proto. */
    public static KubeDescriptors builtIn() {
        return Holder.INDEX;
    }

    /**
     * The message of {@code kind} in {@code apiVersion}: {@code k8s.io.api.<first label of the group>.<version>},
     * then the apiextensions package, then {@code meta/<version>} (DeleteOptions and the other meta kinds exist
     * in every group version).
     */
    public Optional<Descriptor> find(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        String label = packageLabel(group);
        for (String pkg : List.of("k8s.io.api." + label + ".", "k8s.io.apiextensions_apiserver.pkg.apis." + label + ".",
                META_PACKAGE)) {
            Descriptor d = byFullName.get(pkg + version + "." + kind);
            if (d != null) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The proto package label of an API group: {@code core} for the legacy group, else the group's first label. */
    private static String packageLabel(String group) {
        if (group.isEmpty()) {
            return "core";
        }
        if (group.equals("internal.apiserver.k8s.io")) {
            return "apiserverinternal";
        }
        int dot = group.indexOf('.');
        return dot < 0 ? group : group.substring(0, dot);
    }

    private static KubeDescriptors build() {
        Map<String, Descriptor> index = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Deque<FileDescriptor> todo = new ArrayDeque<>(roots());
        while (!todo.isEmpty()) {
            FileDescriptor file = todo.pop();
            if (seen.add(file.getName())) {
                file.getMessageTypes().forEach(m -> index.put(m.getFullName(), m));
                todo.addAll(file.getDependencies());
            }
        }
        return new KubeDescriptors(index);
    }

    private static List<FileDescriptor> roots() {
        return List.of(
            IntStr.getDescriptor(),
            Meta.getDescriptor(),
            Resource.getDescriptor(),
            Runtime.getDescriptor(),
            RuntimeSchema.getDescriptor(),
            V1.getDescriptor(),
            V1Admission.getDescriptor(),
            V1Admissionregistration.getDescriptor(),
            V1Apiextensions.getDescriptor(),
            V1Apps.getDescriptor(),
            V1Authentication.getDescriptor(),
            V1Authorization.getDescriptor(),
            V1Autoscaling.getDescriptor(),
            V1Batch.getDescriptor(),
            V1Certificates.getDescriptor(),
            V1Coordination.getDescriptor(),
            V1Discovery.getDescriptor(),
            V1Events.getDescriptor(),
            V1Flowcontrol.getDescriptor(),
            V1Networking.getDescriptor(),
            V1Node.getDescriptor(),
            V1Policy.getDescriptor(),
            V1Rbac.getDescriptor(),
            V1Resource.getDescriptor(),
            V1Scheduling.getDescriptor(),
            V1Storage.getDescriptor(),
            V1alpha1Apiserverinternal.getDescriptor(),
            V1alpha1Imagepolicy.getDescriptor(),
            V1alpha1Rbac.getDescriptor(),
            V1alpha1Scheduling.getDescriptor(),
            V1beta1Admission.getDescriptor(),
            V1beta1Admissionregistration.getDescriptor(),
            V1beta1Apiextensions.getDescriptor(),
            V1beta1Apps.getDescriptor(),
            V1beta1Authentication.getDescriptor(),
            V1beta1Authorization.getDescriptor(),
            V1beta1Batch.getDescriptor(),
            V1beta1Certificates.getDescriptor(),
            V1beta1Extensions.getDescriptor(),
            V1beta1Policy.getDescriptor(),
            V1beta1Rbac.getDescriptor(),
            V1beta1Storage.getDescriptor(),
            V1beta1Storagemigration.getDescriptor(),
            V1beta2Apps.getDescriptor(),
            V2Apidiscovery.getDescriptor(),
            V2Autoscaling.getDescriptor(),
            V2beta1Apidiscovery.getDescriptor(),
            V2beta1Autoscaling.getDescriptor(),
            V2beta2Autoscaling.getDescriptor());
    }

    /** Lazy, thread-safe, built once: the JVM initialises the holder on first use. */
    private static final class Holder {
        static final KubeDescriptors INDEX = build();
    }
}
