package io.kubesim.registry.validation;

import static io.kubesim.registry.validation.Fixtures.DNS1123_LABEL_MSG;
import static io.kubesim.registry.validation.Fixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodVolumeValidationTest {

    private static Volume emptyDir(String name) {
        return new VolumeBuilder().withName(name).withNewEmptyDir().endEmptyDir().build();
    }

    private static VolumeMount mount(String name, String path) {
        return new VolumeMountBuilder().withName(name).withMountPath(path).build();
    }

    private static Arguments c(String name, List<Volume> volumes, List<VolumeMount> mounts, String... expected) {
        Consumer<Pod> change = p -> {
            p.getSpec().setVolumes(volumes);
            p.getSpec().getContainers().get(0).setVolumeMounts(mounts);
        };
        return Arguments.of(name, change, List.of(expected));
    }

    static Stream<Arguments> cases() {
        String v0 = "spec.volumes[0]";
        String m = "spec.containers[0].volumeMounts";
        return Stream.of(
                c("valid volumes and mounts", List.of(emptyDir("data"), new VolumeBuilder().withName("cfg")
                        .withNewConfigMap().withName("settings").endConfigMap().build()),
                        List.of(mount("data", "/data"), mount("cfg", "/etc/cfg"))),
                c("duplicate volume names", List.of(emptyDir("data"), emptyDir("data")), List.of(),
                        "spec.volumes[1].name: Duplicate value: \"data\""),
                c("volume name", List.of(emptyDir("Data")), List.of(),
                        v0 + ".name: Invalid value: \"Data\": " + DNS1123_LABEL_MSG),
                c("volume without a name", List.of(emptyDir(null)), List.of(), v0 + ".name: Required value"),
                c("no source", List.of(new VolumeBuilder().withName("data").build()), List.of(),
                        v0 + ": Required value: must specify a volume type"),
                c("two sources", List.of(new VolumeBuilder().withName("data").withNewEmptyDir().endEmptyDir()
                        .withNewHostPath().withPath("/tmp").endHostPath().build()), List.of(),
                        v0 + ".hostPath: Forbidden: may not specify more than 1 volume type"),
                c("upstream's downwardAPI typo", List.of(new VolumeBuilder().withName("data").withNewEmptyDir()
                        .endEmptyDir().withNewDownwardAPI().endDownwardAPI().build()), List.of(),
                        v0 + ".downwarAPI: Forbidden: may not specify more than 1 volume type"),
                c("configMap without name", List.of(new VolumeBuilder().withName("cfg").withNewConfigMap()
                        .endConfigMap().build()), List.of(), v0 + ".configMap.name: Required value"),
                c("configMap item path", List.of(new VolumeBuilder().withName("cfg").withNewConfigMap().withName("c")
                        .addNewItem().withKey("k").withPath("../x").endItem().endConfigMap().build()), List.of(),
                        v0 + ".configMap.items[0].path: Invalid value: \"../x\": must not contain '..'"),
                c("configMap default mode", List.of(new VolumeBuilder().withName("cfg").withNewConfigMap().withName("c")
                        .withDefaultMode(01000).endConfigMap().build()), List.of(),
                        v0 + ".configMap.defaultMode: Invalid value: 512: must be a number between 0 and 0777 (octal), "
                                + "both inclusive"),
                c("secret without secretName", List.of(new VolumeBuilder().withName("s").withNewSecret().endSecret()
                        .build()), List.of(), v0 + ".secret.secretName: Required value"),
                c("hostPath backsteps", List.of(new VolumeBuilder().withName("h").withNewHostPath()
                        .withPath("/a/../b").endHostPath().build()), List.of(),
                        v0 + ".hostPath.path: Invalid value: \"/a/../b\": must not contain '..'"),
                c("hostPath type", List.of(new VolumeBuilder().withName("h").withNewHostPath().withPath("/a")
                        .withType("Folder").endHostPath().build()), List.of(),
                        v0 + ".hostPath.type: Unsupported value: \"Folder\": supported values: \"\", \"BlockDevice\", "
                                + "\"CharDevice\", \"Directory\", \"DirectoryOrCreate\", \"File\", \"FileOrCreate\", "
                                + "\"Socket\""),
                c("pvc without claimName", List.of(new VolumeBuilder().withName("p").withNewPersistentVolumeClaim()
                        .endPersistentVolumeClaim().build()), List.of(), v0 + ".persistentVolumeClaim.claimName: "
                                + "Required value"),
                c("emptyDir negative size", List.of(new VolumeBuilder().withName("e").withNewEmptyDir()
                        .withSizeLimit(new Quantity("-1Gi")).endEmptyDir().build()), List.of(),
                        v0 + ".emptyDir.sizeLimit: Forbidden: SizeLimit field must be a valid resource quantity"),
                c("downwardAPI item without fieldRef", List.of(new VolumeBuilder().withName("d").withNewDownwardAPI()
                        .addNewItem().withPath("labels").endItem().endDownwardAPI().build()), List.of(),
                        v0 + ".downwardAPI: Required value: one of fieldRef and resourceFieldRef is required"),
                c("projected sources", List.of(new VolumeBuilder().withName("p").withNewProjected()
                        .addNewSource().withNewSecret().endSecret().endSource()
                        .addNewSource().withNewServiceAccountToken().withPath("token").withExpirationSeconds(60L)
                        .endServiceAccountToken().endSource().endProjected().build()), List.of(),
                        v0 + ".projected.sources[0].secret.name: Required value",
                        v0 + ".projected.sources[1].serviceAccountToken.expirationSeconds: Invalid value: 60: may not "
                                + "specify a duration less than 10 minutes",
                        v0 + ".projected.sources[1].serviceAccountToken: Forbidden: must not be specified when "
                                + "serviceAccountName is not set"),
                c("mount of a missing volume", List.of(), List.of(mount("missing", "/m")),
                        m + "[0].name: Not found: \"missing\""),
                c("mount of an invalid volume", List.of(emptyDir("Bad")), List.of(mount("Bad", "/m")),
                        v0 + ".name: Invalid value: \"Bad\": " + DNS1123_LABEL_MSG, m + "[0].name: Not found: \"Bad\""),
                c("mount path required", List.of(emptyDir("data")), List.of(mount("data", "")),
                        m + "[0].mountPath: Required value"),
                c("duplicate mount path", List.of(emptyDir("a"), emptyDir("b")),
                        List.of(mount("a", "/data"), mount("b", "/data")),
                        m + "[1].mountPath: Invalid value: \"/data\": must be unique"),
                c("absolute subPath (reported at the list path)", List.of(emptyDir("data")),
                        List.of(new VolumeMountBuilder().withName("data").withMountPath("/d").withSubPath("/abs").build()),
                        m + ".subPath: Invalid value: \"/abs\": must be a relative path"),
                c("mount propagation", List.of(emptyDir("data")),
                        List.of(new VolumeMountBuilder().withName("data").withMountPath("/d")
                                .withMountPropagation("Bidirectional").build()),
                        m + ".mountPropagation: Forbidden: Bidirectional mount propagation is available only to "
                                + "privileged containers"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void volumes(String name, Consumer<Pod> change, List<String> expected) {
        assertThat(strings(PodValidation.validatePod(Fixtures.pod(change)))).containsExactlyElementsOf(expected);
    }
}
