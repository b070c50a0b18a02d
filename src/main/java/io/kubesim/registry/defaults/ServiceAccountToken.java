package io.kubesim.registry.defaults;

import io.fabric8.kubernetes.api.model.ConfigMapProjection;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.DownwardAPIProjection;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ProjectedVolumeSource;
import io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The projected service-account token volume the {@code ServiceAccount} admission plugin adds on pod create
 * (bound-token variant, {@code plugin/pkg/admission/serviceaccount/admission.go}): a volume
 * {@code kube-api-access-<5 chars>} with a token (3607 s), the {@code kube-root-ca.crt} CA and the namespace,
 * mounted read-only at {@code /var/run/secrets/kubernetes.io/serviceaccount} in every init and regular
 * container that does not already mount something there. The result carries the defaults the real server adds
 * when it reads the pod back ({@code defaultMode: 420}).
 */
public final class ServiceAccountToken {

    /** Volume name prefix ({@code ServiceAccountVolumeName}). */
    public static final String VOLUME_PREFIX = "kube-api-access-";
    /** {@code DefaultAPITokenMountPath}. */
    public static final String MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";
    /** {@code WarnOnlyBoundTokenExpirationSeconds}: one hour plus 7 seconds. */
    public static final long EXPIRATION_SECONDS = 3607;

    private ServiceAccountToken() {
    }

    /**
     * Adds the token volume and mounts unless automounting is off.
     *
     * @param pod                      a pod whose {@code serviceAccountName} is already defaulted
     * @param nameSuffix               the random 5-character suffix (caller-supplied so that tests are deterministic;
     *                                 upstream uses the generateName alphabet)
     * @param serviceAccountAutomount  the service account's {@code automountServiceAccountToken}, or null
     */
    public static void mount(Pod pod, String nameSuffix, Boolean serviceAccountAutomount) {
        if (pod == null || pod.getSpec() == null || !shouldAutomount(pod.getSpec(), serviceAccountAutomount)) {
            return;
        }
        PodSpec spec = pod.getSpec();
        List<Volume> volumes = spec.getVolumes() == null ? new ArrayList<>() : spec.getVolumes();
        String existing = volumes.stream().filter(Objects::nonNull).map(Volume::getName)
                .filter(n -> n != null && n.startsWith(VOLUME_PREFIX)).findFirst().orElse(null);
        String volumeName = existing != null ? existing : VOLUME_PREFIX + nameSuffix;
        boolean needsVolume = addMounts(spec.getInitContainers(), volumeName)
                | addMounts(spec.getContainers(), volumeName);
        if (existing == null && needsVolume) {
            volumes.add(volume(volumeName));
            spec.setVolumes(volumes);
        }
    }

    private static boolean shouldAutomount(PodSpec spec, Boolean serviceAccountAutomount) {
        if (spec.getAutomountServiceAccountToken() != null) {
            return spec.getAutomountServiceAccountToken();
        }
        return serviceAccountAutomount == null || serviceAccountAutomount;
    }

    private static boolean addMounts(List<Container> containers, String volumeName) {
        boolean added = false;
        for (Container c : containers == null ? List.<Container>of() : containers) {
            if (c == null) {
                continue;
            }
            List<VolumeMount> mounts = c.getVolumeMounts() == null ? new ArrayList<>() : c.getVolumeMounts();
            if (mounts.stream().noneMatch(m -> m != null && MOUNT_PATH.equals(m.getMountPath()))) {
                VolumeMount mount = new VolumeMount();
                mount.setName(volumeName);
                mount.setMountPath(MOUNT_PATH);
                mount.setReadOnly(true);
                mounts.add(mount);
                c.setVolumeMounts(mounts);
                added = true;
            }
        }
        return added;
    }

    private static Volume volume(String name) {
        ProjectedVolumeSource projected = new ProjectedVolumeSource();
        projected.setDefaultMode(VolumeDefaults.DEFAULT_MODE);
        projected.setSources(new ArrayList<>(List.of(tokenSource(), caSource(), namespaceSource())));
        Volume v = new Volume();
        v.setName(name);
        v.setProjected(projected);
        return v;
    }

    private static VolumeProjection tokenSource() {
        ServiceAccountTokenProjection token = new ServiceAccountTokenProjection();
        token.setPath("token");
        token.setExpirationSeconds(EXPIRATION_SECONDS);
        VolumeProjection source = new VolumeProjection();
        source.setServiceAccountToken(token);
        return source;
    }

    private static VolumeProjection caSource() {
        KeyToPath item = new KeyToPath();
        item.setKey("ca.crt");
        item.setPath("ca.crt");
        ConfigMapProjection ca = new ConfigMapProjection();
        ca.setName("kube-root-ca.crt");
        ca.setItems(new ArrayList<>(List.of(item)));
        VolumeProjection source = new VolumeProjection();
        source.setConfigMap(ca);
        return source;
    }

    private static VolumeProjection namespaceSource() {
        ObjectFieldSelector fieldRef = new ObjectFieldSelector();
        fieldRef.setApiVersion("v1");
        fieldRef.setFieldPath("metadata.namespace");
        DownwardAPIVolumeFile file = new DownwardAPIVolumeFile();
        file.setPath("namespace");
        file.setFieldRef(fieldRef);
        DownwardAPIProjection downward = new DownwardAPIProjection();
        downward.setItems(new ArrayList<>(List.of(file)));
        VolumeProjection source = new VolumeProjection();
        source.setDownwardAPI(downward);
        return source;
    }
}
