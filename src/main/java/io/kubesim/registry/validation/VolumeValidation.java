package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.HostPathVolumeSource;
import io.fabric8.kubernetes.api.model.NFSVolumeSource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimVolumeSource;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code spec.volumes} rules of core validation ({@code ValidateVolumes}, {@code validateVolumeSource}). All source
 * types count for "exactly one source"; emptyDir, hostPath, secret, nfs, persistentVolumeClaim, downwardAPI,
 * configMap and projected are validated in depth, the others only by presence.
 */
final class VolumeValidation {

    /** The result of validating the volume list: volumes without errors (by name) and all errors. */
    record Result(Map<String, Volume> valid, List<FieldError> errors) {
    }

    private static final Set<String> HOST_PATH_TYPES = new java.util.TreeSet<>(List.of("", "BlockDevice",
            "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"));
    private static final String ONE_TYPE = "may not specify more than 1 volume type";

    private VolumeValidation() {
    }

    static Result validateVolumes(List<Volume> volumes, FieldPath path) {
        Map<String, Volume> valid = new LinkedHashMap<>();
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; volumes != null && i < volumes.size(); i++) {
            Volume vol = volumes.get(i) == null ? new Volume() : volumes.get(i);
            FieldPath idx = path.index(i);
            String name = vol.getName() == null ? "" : vol.getName();
            List<FieldError> el = new ArrayList<>(source(vol, idx));
            if (name.isEmpty()) {
                el.add(FieldError.required(idx.child("name").toString(), ""));
            } else {
                el.addAll(LabelValidation.dns1123Label(name, idx.child("name")));
            }
            if (valid.containsKey(name)) {
                el.add(FieldError.duplicate(idx.child("name").toString(), name));
            }
            if (el.isEmpty()) {
                valid.put(name, vol);
            } else {
                errs.addAll(el);
            }
        }
        return new Result(valid, errs);
    }

    /** The sources in upstream order with the child names used in "more than 1" errors (typos included). */
    private static Object[][] sources(Volume v) {
        return new Object[][] {{"emptyDir", v.getEmptyDir()}, {"hostPath", v.getHostPath()},
            {"gitRepo", v.getGitRepo()}, {"gcePersistentDisk", v.getGcePersistentDisk()},
            {"awsElasticBlockStore", v.getAwsElasticBlockStore()}, {"secret", v.getSecret()}, {"nfs", v.getNfs()},
            {"iscsi", v.getIscsi()}, {"glusterfs", v.getGlusterfs()}, {"flocker", v.getFlocker()},
            {"persistentVolumeClaim", v.getPersistentVolumeClaim()}, {"rbd", v.getRbd()},
            {"cinder", v.getCinder()}, {"cephFS", v.getCephfs()}, {"quobyte", v.getQuobyte()},
            {"downwarAPI", v.getDownwardAPI()}, {"fc", v.getFc()}, {"flexVolume", v.getFlexVolume()},
            {"configMap", v.getConfigMap()}, {"azureFile", v.getAzureFile()},
            {"vsphereVolume", v.getVsphereVolume()}, {"photonPersistentDisk", v.getPhotonPersistentDisk()},
            {"portworxVolume", v.getPortworxVolume()}, {"azureDisk", v.getAzureDisk()},
            {"storageos", v.getStorageos()}, {"projected", v.getProjected()}, {"scaleIO", v.getScaleIO()},
            {"csi", v.getCsi()}, {"ephemeral", v.getEphemeral()}, {"image", v.getImage()}};
    }

    private static List<FieldError> source(Volume vol, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        int count = 0;
        for (Object[] s : sources(vol)) {
            if (s[1] == null) {
                continue;
            }
            if (count > 0) {
                errs.add(FieldError.forbidden(path.child((String) s[0]).toString(), ONE_TYPE));
                continue;
            }
            count++;
            errs.addAll(deep(s[1], path));
        }
        if (count == 0) {
            errs.add(FieldError.required(path.toString(), "must specify a volume type"));
        }
        return errs;
    }

    private static List<FieldError> deep(Object source, FieldPath path) {
        if (source instanceof EmptyDirVolumeSource e) {
            return emptyDir(e, path.child("emptyDir"));
        } else if (source instanceof HostPathVolumeSource h) {
            return hostPath(h, path.child("hostPath"));
        } else if (source instanceof SecretVolumeSource s) {
            return VolumeProjectionValidation.secret(s, path.child("secret"));
        } else if (source instanceof NFSVolumeSource n) {
            return nfs(n, path.child("nfs"));
        } else if (source instanceof PersistentVolumeClaimVolumeSource c) {
            return c.getClaimName() == null || c.getClaimName().isEmpty()
                    ? List.of(FieldError.required(path.child("persistentVolumeClaim", "claimName").toString(), ""))
                    : List.of();
        } else if (source instanceof io.fabric8.kubernetes.api.model.DownwardAPIVolumeSource d) {
            return VolumeProjectionValidation.downwardApi(d, path.child("downwardAPI"));
        } else if (source instanceof ConfigMapVolumeSource c) {
            return VolumeProjectionValidation.configMap(c, path.child("configMap"));
        } else if (source instanceof io.fabric8.kubernetes.api.model.ProjectedVolumeSource p) {
            return VolumeProjectionValidation.projected(p, path.child("projected"));
        }
        return List.of();
    }

    private static List<FieldError> emptyDir(EmptyDirVolumeSource e, FieldPath path) {
        if (e.getSizeLimit() == null) {
            return List.of();
        }
        String text = Quantities.text(e.getSizeLimit());
        if (Quantities.parseError(text).isEmpty() && Quantities.parse(text).value().signum() < 0) {
            return List.of(FieldError.forbidden(path.child("sizeLimit").toString(),
                    "SizeLimit field must be a valid resource quantity"));
        }
        return List.of();
    }

    private static List<FieldError> hostPath(HostPathVolumeSource h, FieldPath path) {
        String p = h.getPath() == null ? "" : h.getPath();
        if (p.isEmpty()) {
            return List.of(FieldError.required(path.child("path").toString(), ""));
        }
        List<FieldError> errs = new ArrayList<>(VolumeProjectionValidation.noBacksteps(p, path.child("path")));
        if (h.getType() != null && !HOST_PATH_TYPES.contains(h.getType())) {
            errs.add(FieldError.notSupported(path.child("type").toString(), GoFormat.named(h.getType()),
                    HOST_PATH_TYPES));
        }
        return errs;
    }

    private static List<FieldError> nfs(NFSVolumeSource n, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String p = n.getPath() == null ? "" : n.getPath();
        if (n.getServer() == null || n.getServer().isEmpty()) {
            errs.add(FieldError.required(path.child("server").toString(), ""));
        }
        if (p.isEmpty()) {
            errs.add(FieldError.required(path.child("path").toString(), ""));
        }
        if (!p.startsWith("/")) {
            errs.add(FieldError.invalid(path.child("path").toString(), p, "must be an absolute path"));
        }
        return errs;
    }
}
