package io.kubesim.patch.apply;

import org.junit.jupiter.api.Test;

import static io.kubesim.patch.apply.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

class ApplySchemaTest {

    private static ApplySchema at(ApplySchema root, String... path) {
        ApplySchema s = root;
        for (String step : path) {
            s = "[]".equals(step) ? s.elements() : s.field(step);
        }
        return s;
    }

    @Test
    void podListsFollowTheSsaMarkersNotTheSmpTags() {
        ApplySchema pod = ApplySchema.forKind("v1", "Pod");
        assertThat(at(pod, "spec", "containers").keys()).containsExactly("name");
        assertThat(at(pod, "spec", "containers", "[]", "ports").keys()).containsExactly("containerPort", "protocol");
        assertThat(at(pod, "spec", "containers", "[]", "ports").keyDefault("protocol")).contains(json("'TCP'"));
        assertThat(at(pod, "spec", "containers", "[]", "env").keys()).containsExactly("name");
        assertThat(at(pod, "spec", "containers", "[]", "volumeMounts").keys()).containsExactly("mountPath");
        assertThat(at(pod, "spec", "volumes").keys()).containsExactly("name");
        assertThat(at(pod, "spec", "topologySpreadConstraints").keys())
                .containsExactly("topologyKey", "whenUnsatisfiable");
        assertThat(at(pod, "status", "conditions").keys()).containsExactly("type");
        assertThat(at(pod, "spec", "nodeSelector").type()).isEqualTo(ApplySchema.Type.ATOMIC);
        assertThat(at(pod, "spec", "tolerations").resolve(json("[]")).type()).isEqualTo(ApplySchema.Type.ATOMIC);
        assertThat(at(pod, "spec", "containers", "[]", "args").resolve(json("['a']")).type())
                .isEqualTo(ApplySchema.Type.ATOMIC);
        assertThat(at(pod, "spec", "affinity").resolve(json("{}")).type()).isEqualTo(ApplySchema.Type.GRANULAR);
    }

    @Test
    void metadataIsSharedByEveryKind() {
        for (String[] k : new String[][] {{"v1", "ConfigMap"}, {"apps/v1", "Deployment"}, {"x.io/v1", "Widget"}}) {
            ApplySchema s = ApplySchema.forKind(k[0], k[1]);
            assertThat(at(s, "metadata", "labels").isMap()).isTrue();
            assertThat(at(s, "metadata", "annotations").isMap()).isTrue();
            assertThat(at(s, "metadata", "finalizers").type()).isEqualTo(ApplySchema.Type.SET);
            assertThat(at(s, "metadata", "ownerReferences").keys()).containsExactly("uid");
        }
        assertThat(ApplySchema.knows("x.io/v1", "Widget")).isFalse();
        assertThat(ApplySchema.knows("apps/v1", "Deployment")).isTrue();
    }

    @Test
    void workloadsReuseThePodSchemaAndSelectorsAreAtomic() {
        for (String[] k : new String[][] {{"apps/v1", "Deployment"}, {"apps/v1", "ReplicaSet"},
            {"v1", "ReplicationController"}}) {
            ApplySchema s = ApplySchema.forKind(k[0], k[1]);
            assertThat(at(s, "spec", "template", "spec", "containers").keys()).containsExactly("name");
            assertThat(at(s, "spec", "selector").type()).isEqualTo(ApplySchema.Type.ATOMIC);
            assertThat(at(s, "status", "conditions").keys()).containsExactly("type");
        }
        assertThat(at(ApplySchema.forKind("apps/v1", "Deployment"), "spec").zeroFields())
                .containsKeys("selector", "template", "strategy");
    }

    @Test
    void nodeServiceAndTheRest() {
        ApplySchema node = ApplySchema.forKind("v1", "Node");
        assertThat(at(node, "spec", "podCIDRs").type()).isEqualTo(ApplySchema.Type.SET);
        assertThat(at(node, "status", "addresses").keys()).containsExactly("type");
        assertThat(at(node, "status", "conditions").keys()).containsExactly("type");
        ApplySchema svc = ApplySchema.forKind("v1", "Service");
        assertThat(at(svc, "spec", "ports").keys()).containsExactly("port", "protocol");
        assertThat(at(svc, "spec", "selector").type()).isEqualTo(ApplySchema.Type.ATOMIC);
        assertThat(at(ApplySchema.forKind("v1", "Namespace"), "status", "conditions").keys()).containsExactly("type");
        assertThat(at(ApplySchema.forKind("discovery.k8s.io/v1", "EndpointSlice"), "endpoints").type())
                .isEqualTo(ApplySchema.Type.ATOMIC);
        assertThat(at(ApplySchema.forKind("v1", "Endpoints"), "subsets").resolve(json("[]")).type())
                .isEqualTo(ApplySchema.Type.ATOMIC);
        assertThat(ApplySchema.knows("coordination.k8s.io/v1", "Lease")).isTrue();
        assertThat(ApplySchema.knows("autoscaling/v1", "Scale")).isTrue();
        assertThat(ApplySchema.knows("v1", "Event")).isTrue();
        assertThat(ApplySchema.knows("v1", "Secret")).isTrue();
    }
}
