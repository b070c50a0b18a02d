package io.kubesim.registry.defaults;

import static io.kubesim.registry.defaults.PodDefaultsTest.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PodAdmissionTest {

    private static Pod pod(String spec) {
        return read("{\"metadata\":{\"name\":\"p\"},\"spec\":" + spec + "}", Pod.class);
    }

    @Test
    void defaultsServiceAccountPriorityAndTolerations() {
        Pod p = pod("{\"containers\":[{\"name\":\"a\",\"image\":\"a\"}]}");
        assertThat(PodAdmission.onCreate(p)).isEmpty();
        assertThat(p.getSpec().getServiceAccountName()).isEqualTo("default");
        assertThat(p.getSpec().getServiceAccount()).isEqualTo("default");
        assertThat(p.getSpec().getPriority()).isZero();
        assertThat(p.getSpec().getPreemptionPolicy()).isEqualTo("PreemptLowerPriority");
        assertThat(p.getSpec().getPriorityClassName()).isNull();
        assertThat(p.getSpec().getTolerations()).extracting(Toleration::getKey, Toleration::getOperator,
                        Toleration::getEffect, Toleration::getTolerationSeconds)
                .containsExactly(tuple("node.kubernetes.io/not-ready", "Exists", "NoExecute", 300L),
                        tuple("node.kubernetes.io/unreachable", "Exists", "NoExecute", 300L));
    }

    @Test
    void existingTolerationsAreRespected() {
        Pod own = pod("{\"tolerations\":[{\"key\":\"node.kubernetes.io/unreachable\",\"operator\":\"Exists\","
                + "\"effect\":\"NoExecute\",\"tolerationSeconds\":30}]}");
        PodAdmission.onCreate(own);
        assertThat(own.getSpec().getTolerations()).extracting(Toleration::getKey)
                .containsExactly("node.kubernetes.io/unreachable", "node.kubernetes.io/not-ready");
        assertThat(own.getSpec().getTolerations().get(0).getTolerationSeconds()).isEqualTo(30L);

        Pod all = pod("{\"tolerations\":[{\"operator\":\"Exists\"}]}");
        PodAdmission.onCreate(all);
        assertThat(all.getSpec().getTolerations()).hasSize(1);

        Pod noSchedule = pod("{\"tolerations\":[{\"key\":\"node.kubernetes.io/not-ready\",\"operator\":\"Exists\","
                + "\"effect\":\"NoSchedule\"}]}");
        PodAdmission.onCreate(noSchedule);
        assertThat(noSchedule.getSpec().getTolerations()).hasSize(3);
    }

    @Test
    void priorityClasses() {
        Pod critical = pod("{\"priorityClassName\":\"system-cluster-critical\"}");
        assertThat(PodAdmission.onCreate(critical)).isEmpty();
        assertThat(critical.getSpec().getPriority()).isEqualTo(2000000000);

        Pod unknown = pod("{\"priorityClassName\":\"gold\"}");
        assertThat(PodAdmission.onCreate(unknown)).contains("no PriorityClass with name gold was found");

        Pod custom = pod("{\"priorityClassName\":\"gold\"}");
        assertThat(PodAdmission.onCreate(custom, n -> "gold".equals(n)
                ? Optional.of(new PodAdmission.PriorityClassRef(1000, "Never")) : Optional.empty(), null)).isEmpty();
        assertThat(custom.getSpec().getPriority()).isEqualTo(1000);
        assertThat(custom.getSpec().getPreemptionPolicy()).isEqualTo("Never");

        Pod global = pod("{}");
        PodAdmission.onCreate(global, PodAdmission::builtInPriorityClass,
                Map.entry("low", new PodAdmission.PriorityClassRef(-5, null)));
        assertThat(global.getSpec().getPriorityClassName()).isEqualTo("low");
        assertThat(global.getSpec().getPriority()).isEqualTo(-5);
        assertThat(global.getSpec().getPreemptionPolicy()).isNull();

        Pod explicit = pod("{\"priority\":7}");
        assertThat(PodAdmission.onCreate(explicit)).contains("the integer value of priority (7) must not be "
                + "provided in pod spec; priority admission controller computed 0 from the given PriorityClass name");
    }

    @Test
    void mirrorPodsKeepEmptyServiceAccount() {
        Pod mirror = read("{\"metadata\":{\"annotations\":{\"kubernetes.io/config.mirror\":\"x\"}},\"spec\":{}}",
                Pod.class);
        PodAdmission.onCreate(mirror);
        assertThat(mirror.getSpec().getServiceAccountName()).isNull();
        assertThat(mirror.getSpec().getTolerations()).hasSize(2);
    }

    @Test
    void updateKeepsPriorityFromOldPod() {
        Pod old = pod("{}");
        PodAdmission.onCreate(old);
        Pod updated = pod("{\"tolerations\":[]}");
        PodAdmission.onUpdate(updated, old);
        assertThat(updated.getSpec().getPriority()).isZero();
        assertThat(updated.getSpec().getPreemptionPolicy()).isEqualTo("PreemptLowerPriority");
        assertThat(updated.getSpec().getTolerations()).hasSize(2);
        PodAdmission.onUpdate(null, old);
        PodAdmission.onUpdate(pod("{}"), null);
    }

    @Test
    void tokenVolumeMountsEveryContainerOnce() {
        Pod p = pod("{\"initContainers\":[{\"name\":\"i\",\"image\":\"i\"}],\"containers\":[{\"name\":\"a\","
                + "\"image\":\"a\"},{\"name\":\"b\",\"image\":\"b\",\"volumeMounts\":[{\"name\":\"own\","
                + "\"mountPath\":\"/var/run/secrets/kubernetes.io/serviceaccount\"}]}]}");
        ServiceAccountToken.mount(p, "abcde", null);
        ServiceAccountToken.mount(p, "zzzzz", null);
        assertThat(p.getSpec().getVolumes()).extracting("name").containsExactly("kube-api-access-abcde");
        assertThat(p.getSpec().getInitContainers().get(0).getVolumeMounts()).extracting("name")
                .containsExactly("kube-api-access-abcde");
        assertThat(p.getSpec().getContainers().get(0).getVolumeMounts()).singleElement()
                .satisfies(m -> assertThat(m.getReadOnly()).isTrue());
        assertThat(p.getSpec().getContainers().get(1).getVolumeMounts()).extracting("name").containsExactly("own");
    }

    @Test
    void tokenVolumeHonoursAutomount() {
        Pod off = pod("{\"automountServiceAccountToken\":false,\"containers\":[{\"name\":\"a\",\"image\":\"a\"}]}");
        ServiceAccountToken.mount(off, "abcde", true);
        assertThat(off.getSpec().getVolumes()).isEmpty();

        Pod saOff = pod("{\"containers\":[{\"name\":\"a\",\"image\":\"a\"}]}");
        ServiceAccountToken.mount(saOff, "abcde", false);
        assertThat(saOff.getSpec().getVolumes()).isEmpty();

        Pod podWins = pod("{\"automountServiceAccountToken\":true,\"containers\":[{\"name\":\"a\",\"image\":\"a\"}]}");
        ServiceAccountToken.mount(podWins, "abcde", false);
        assertThat(podWins.getSpec().getVolumes()).hasSize(1);

        Pod noContainers = pod("{}");
        ServiceAccountToken.mount(noContainers, "abcde", null);
        assertThat(noContainers.getSpec().getVolumes()).isEmpty();
        ServiceAccountToken.mount(null, "abcde", null);
    }
}
