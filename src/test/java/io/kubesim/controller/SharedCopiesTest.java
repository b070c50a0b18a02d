package io.kubesim.controller;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kubesim.registry.codec.ObjectCodec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedCopiesTest {

    private final ObjectCodec codec = new ObjectCodec();

    private static final String POD = """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","namespace":"default","labels":{"app":"web"},
             "uid":"%s","resourceVersion":"7","creationTimestamp":"2026-11-27T12:00:00Z"},
             "spec":{"nodeName":"worker-1","containers":[{"name":"nginx","image":"nginx:1.27","imagePullPolicy":"IfNotPresent",
               "ports":[{"containerPort":80,"protocol":"TCP"}],"resources":{"requests":{"cpu":"100m"}},
               "readinessProbe":{"httpGet":{"path":"/","port":80}}}]},
             "status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}]}}""";

    private Pod decode(String name, String uid) {
        return codec.decode(POD.formatted(name, uid).getBytes(StandardCharsets.UTF_8), Pod.class);
    }

    @Test
    void sharedCopyEncodesAndComparesLikeTheDecodedOne() {
        Pod fresh = decode("a", "u-1");
        Pod shared = SharedCopies.compact(decode("a", "u-1"));
        assertThat(shared).isEqualTo(fresh);
        assertThat(new String(codec.encode(shared), StandardCharsets.UTF_8))
                .isEqualTo(new String(codec.encode(fresh), StandardCharsets.UTF_8));
        assertThat(shared.getSpec().getContainers().get(0).getResources().getRequests().get("cpu").toString()).isEqualTo("100m");
        assertThat(shared.getSpec().getContainers().get(0).getReadinessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(80);
    }

    @Test
    void emptyCollectionsAreSharedAndRepeatedStringsInterned() {
        Pod one = SharedCopies.compact(decode("a", "u-1"));
        Pod two = SharedCopies.compact(decode("b", "u-2"));
        assertThat(one.getSpec().getVolumes()).isSameAs(Collections.emptyList());
        assertThat(one.getSpec().getAdditionalProperties()).isSameAs(Collections.emptyMap());
        assertThat(one.getSpec().getContainers().get(0).getEnv()).isSameAs(Collections.emptyList());
        assertThat(one.getSpec().getContainers().get(0).getImage()).isSameAs(two.getSpec().getContainers().get(0).getImage());
        assertThat(one.getMetadata().getLabels().get("app")).isSameAs(two.getMetadata().getLabels().get("app"));
        assertThat(one.getStatus().getConditions().get(0).getType()).isSameAs(two.getStatus().getConditions().get(0).getType());
        assertThat(one.getSpec().getNodeName()).isSameAs(two.getSpec().getNodeName());
        assertThat(one.getMetadata().getLabels().keySet().iterator().next())
                .isSameAs(two.getMetadata().getLabels().keySet().iterator().next());
    }

    @Test
    void aSharedCopyRefusesEditsButItsBuilderCopyAcceptsThem() {
        Pod shared = SharedCopies.compact(decode("a", "u-1"));
        assertThatThrownBy(() -> shared.getSpec().getVolumes().add(null)).isInstanceOf(UnsupportedOperationException.class);
        Pod edited = new PodBuilder(shared).editSpec().addNewVolume().withName("v").endVolume()
                .addNewContainer().withName("second").endContainer().endSpec()
                .editMetadata().addToAnnotations("k", "v").endMetadata().build();
        assertThat(edited.getSpec().getVolumes()).hasSize(1);
        assertThat(edited.getSpec().getContainers()).hasSize(2);
        assertThat(edited.getMetadata().getAnnotations()).containsEntry("k", "v");
        assertThat(shared.getSpec().getVolumes()).isEmpty();
        assertThat(shared.getSpec().getContainers()).hasSize(1);
    }
}
