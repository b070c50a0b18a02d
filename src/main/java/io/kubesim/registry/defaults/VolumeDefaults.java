package io.kubesim.registry.defaults;

import io.fabric8.kubernetes.api.model.AzureDiskVolumeSource;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeSource;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.ProjectedVolumeSource;
import io.fabric8.kubernetes.api.model.RBDVolumeSource;
import io.fabric8.kubernetes.api.model.ScaleIOVolumeSource;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Volume defaults: {@code SetDefaults_Volume} and the per-source defaulters of {@code zz_generated.defaults.go}. */
final class VolumeDefaults {

    /** 0644, the default mode of secret, configMap, downwardAPI and projected volumes. */
    static final int DEFAULT_MODE = 420;
    static final long TOKEN_EXPIRATION_SECONDS = 3600;

    private VolumeDefaults() {
    }

    static void volume(Volume v) {
        if (v == null) {
            return;
        }
        if (hasNoSource(v)) {
            v.setEmptyDir(new EmptyDirVolumeSource());
        }
        if (v.getImage() != null && ContainerDefaults.isEmpty(v.getImage().getPullPolicy())) {
            v.getImage().setPullPolicy(ImageNames.defaultPullPolicy(v.getImage().getReference()));
        }
        if (v.getHostPath() != null && v.getHostPath().getType() == null) {
            v.getHostPath().setType(""); // HostPathUnset
        }
        if (v.getSecret() != null && v.getSecret().getDefaultMode() == null) {
            v.getSecret().setDefaultMode(DEFAULT_MODE);
        }
        if (v.getConfigMap() != null && v.getConfigMap().getDefaultMode() == null) {
            v.getConfigMap().setDefaultMode(DEFAULT_MODE);
        }
        downwardApi(v.getDownwardAPI());
        projected(v.getProjected());
        legacySources(v);
        if (v.getEphemeral() != null && v.getEphemeral().getVolumeClaimTemplate() != null) {
            claimSpec(v.getEphemeral().getVolumeClaimTemplate().getSpec());
        }
    }

    private static boolean hasNoSource(Volume v) {
        return Stream.of(v.getAwsElasticBlockStore(), v.getAzureDisk(), v.getAzureFile(), v.getCephfs(),
                v.getCinder(), v.getConfigMap(), v.getCsi(), v.getDownwardAPI(), v.getEmptyDir(), v.getEphemeral(),
                v.getFc(), v.getFlexVolume(), v.getFlocker(), v.getGcePersistentDisk(), v.getGitRepo(),
                v.getGlusterfs(), v.getHostPath(), v.getImage(), v.getIscsi(), v.getNfs(),
                v.getPersistentVolumeClaim(), v.getPhotonPersistentDisk(), v.getPortworxVolume(), v.getProjected(),
                v.getQuobyte(), v.getRbd(), v.getScaleIO(), v.getSecret(), v.getStorageos(), v.getVsphereVolume())
                .allMatch(Objects::isNull);
    }

    private static void downwardApi(DownwardAPIVolumeSource d) {
        if (d == null) {
            return;
        }
        if (d.getDefaultMode() == null) {
            d.setDefaultMode(DEFAULT_MODE);
        }
        downwardItems(d.getItems());
    }

    private static void downwardItems(List<DownwardAPIVolumeFile> items) {
        if (items != null) {
            items.stream().filter(Objects::nonNull).forEach(i -> ContainerDefaults.fieldRef(i.getFieldRef()));
        }
    }

    private static void projected(ProjectedVolumeSource p) {
        if (p == null) {
            return;
        }
        if (p.getDefaultMode() == null) {
            p.setDefaultMode(DEFAULT_MODE);
        }
        if (p.getSources() == null) {
            return;
        }
        for (VolumeProjection s : p.getSources()) {
            if (s != null && s.getDownwardAPI() != null) {
                downwardItems(s.getDownwardAPI().getItems());
            }
            if (s != null && s.getServiceAccountToken() != null
                    && s.getServiceAccountToken().getExpirationSeconds() == null) {
                s.getServiceAccountToken().setExpirationSeconds(TOKEN_EXPIRATION_SECONDS);
            }
        }
    }

    /** Defaults of the deprecated in-tree sources (iSCSI, RBD, Azure Disk, ScaleIO). */
    private static void legacySources(Volume v) {
        if (v.getIscsi() != null && ContainerDefaults.isEmpty(v.getIscsi().getIscsiInterface())) {
            v.getIscsi().setIscsiInterface("default");
        }
        rbd(v.getRbd());
        azureDisk(v.getAzureDisk());
        scaleIO(v.getScaleIO());
    }

    private static void rbd(RBDVolumeSource r) {
        if (r == null) {
            return;
        }
        if (ContainerDefaults.isEmpty(r.getPool())) {
            r.setPool("rbd");
        }
        if (ContainerDefaults.isEmpty(r.getUser())) {
            r.setUser("admin");
        }
        if (ContainerDefaults.isEmpty(r.getKeyring())) {
            r.setKeyring("/etc/ceph/keyring");
        }
    }

    private static void azureDisk(AzureDiskVolumeSource a) {
        if (a == null) {
            return;
        }
        if (a.getCachingMode() == null) {
            a.setCachingMode("ReadWrite");
        }
        if (a.getKind() == null) {
            a.setKind("Shared");
        }
        if (a.getFsType() == null) {
            a.setFsType("ext4");
        }
        if (a.getReadOnly() == null) {
            a.setReadOnly(false);
        }
    }

    private static void scaleIO(ScaleIOVolumeSource s) {
        if (s == null) {
            return;
        }
        if (ContainerDefaults.isEmpty(s.getStorageMode())) {
            s.setStorageMode("ThinProvisioned");
        }
        if (ContainerDefaults.isEmpty(s.getFsType())) {
            s.setFsType("xfs");
        }
    }

    /** {@code SetDefaults_PersistentVolumeClaimSpec} plus resource-list rounding. */
    static void claimSpec(PersistentVolumeClaimSpec spec) {
        if (spec == null) {
            return;
        }
        if (spec.getVolumeMode() == null) {
            spec.setVolumeMode("Filesystem");
        }
        if (spec.getResources() != null) {
            ResourceLists.roundUpToMilli(spec.getResources().getLimits());
            ResourceLists.roundUpToMilli(spec.getResources().getRequests());
        }
    }
}
