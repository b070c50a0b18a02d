package io.kubesim.simulation.scheduler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduler's cache: assumed pods count until their binding is seen, or until forgotten when it fails. */
class NodeUsageTest {

    private final NodeUsage usage = new NodeUsage();

    private static Pod pod(String uid, String nodeName) {
        return new PodBuilder().withNewMetadata().withName("p-" + uid).withNamespace("default").withUid(uid).endMetadata()
                .withNewSpec().withNodeName(nodeName).addNewContainer().withName("c").withNewResources()
                .withRequests(Map.of("cpu", new Quantity("250m"))).endResources().endContainer().endSpec().build();
    }

    @Test
    void anAssumedPodCountsUntilItsBindingIsSeenAndUnrelatedUpdatesKeepIt() {
        usage.assume(pod("a", null), "n1");
        assertThat(usage.of("n1").cpuMilli).isEqualTo(250);
        usage.update(pod("a", null)); // e.g. a status write before the binding lands
        assertThat(usage.of("n1").pods).isEqualTo(1);
        usage.update(pod("a", "n1"));
        usage.forget("a"); // confirmed: a late failure report does not drop it
        assertThat(usage.of("n1").pods).isEqualTo(1);
        assertThat(usage.of("n1").cpuMilli).isEqualTo(250);
    }

    @Test
    void aFailedBindingForgetsTheAssumption() {
        usage.assume(pod("a", null), "n1");
        usage.forget("a");
        assertThat(usage.of("n1").pods).isZero();
        assertThat(usage.of("n1").cpuMilli).isZero();
    }

    @Test
    void aPodBoundElsewhereMovesItsContribution() {
        usage.assume(pod("a", null), "n1");
        usage.update(pod("a", "n2"));
        assertThat(usage.of("n1").pods).isZero();
        assertThat(usage.of("n2").pods).isEqualTo(1);
        usage.remove("a");
        assertThat(usage.of("n2").pods).isZero();
    }
}
