package io.kubesim.patch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubernetesPatchSchemasTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            v1                     | Pod                   | metadata.ownerReferences                       | uid
            v1                     | Pod                   | metadata.finalizers                            | <primitive>
            v1                     | Pod                   | metadata.managedFields                         | <atomic>
            v1                     | Pod                   | spec.containers                                | name
            v1                     | Pod                   | spec.initContainers                            | name
            v1                     | Pod                   | spec.ephemeralContainers                       | name
            v1                     | Pod                   | spec.containers.ports                          | containerPort
            v1                     | Pod                   | spec.containers.env                            | name
            v1                     | Pod                   | spec.containers.volumeMounts                   | mountPath
            v1                     | Pod                   | spec.containers.volumeDevices                  | devicePath
            v1                     | Pod                   | spec.initContainers.env                        | name
            v1                     | Pod                   | spec.containers.args                           | <atomic>
            v1                     | Pod                   | spec.containers.envFrom                        | <atomic>
            v1                     | Pod                   | spec.volumes                                   | name
            v1                     | Pod                   | spec.imagePullSecrets                          | name
            v1                     | Pod                   | spec.hostAliases                               | ip
            v1                     | Pod                   | spec.topologySpreadConstraints                 | topologyKey
            v1                     | Pod                   | spec.resourceClaims                            | name
            v1                     | Pod                   | spec.schedulingGates                           | name
            v1                     | Pod                   | spec.tolerations                               | <atomic>
            v1                     | Pod                   | spec.readinessGates                            | <atomic>
            v1                     | Pod                   | status.conditions                              | type
            v1                     | Pod                   | status.podIPs                                  | ip
            v1                     | Pod                   | status.hostIPs                                 | ip
            v1                     | Pod                   | status.resourceClaimStatuses                   | name
            v1                     | Pod                   | status.containerStatuses                       | <atomic>
            v1                     | Node                  | spec.podCIDRs                                  | <primitive>
            v1                     | Node                  | spec.taints                                    | <atomic>
            v1                     | Node                  | status.conditions                              | type
            v1                     | Node                  | status.addresses                               | type
            v1                     | Node                  | status.images                                  | <atomic>
            v1                     | Namespace             | status.conditions                              | type
            v1                     | Namespace             | spec.finalizers                                | <atomic>
            v1                     | Service               | spec.ports                                     | port
            v1                     | Service               | status.conditions                              | type
            v1                     | Endpoints             | subsets                                        | <atomic>
            v1                     | ReplicationController | spec.template.spec.containers                  | name
            v1                     | ReplicationController | status.conditions                              | type
            apps/v1                | ReplicaSet            | spec.template.spec.containers.ports            | containerPort
            apps/v1                | ReplicaSet            | status.conditions                              | type
            apps/v1                | Deployment            | spec.template.spec.volumes                     | name
            apps/v1                | Deployment            | spec.template.metadata.finalizers              | <primitive>
            apps/v1                | Deployment            | spec.selector.matchExpressions                 | <atomic>
            apps/v1                | Deployment            | status.conditions                              | type
            discovery.k8s.io/v1    | EndpointSlice         | endpoints                                      | <atomic>
            coordination.k8s.io/v1 | Lease                 | metadata.ownerReferences                       | uid
            example.com/v1         | Widget                | metadata.ownerReferences                       | uid
            example.com/v1         | Widget                | spec.containers                                | <atomic>
            """)
    void strategies(String apiVersion, String kind, String path, String expected) {
        ListStrategy strategy = KubernetesPatchSchemas.forKind(apiVersion, kind).strategyFor(path(path));
        ListStrategy wanted = switch (expected) {
            case "<atomic>" -> ListStrategy.ATOMIC;
            case "<primitive>" -> ListStrategy.MERGE_PRIMITIVE;
            default -> ListStrategy.mergeByKey(expected);
        };
        assertThat(strategy).isEqualTo(wanted);
    }

    @ParameterizedTest(name = "{0} {1} {2} retainKeys={3}")
    @CsvSource(delimiter = '|', textBlock = """
            apps/v1 | Deployment | spec.strategy                   | true
            apps/v1 | Deployment | spec.template.spec.volumes      | true
            v1      | Pod        | spec.volumes                    | true
            v1      | Pod        | spec.resourceClaims             | true
            v1      | Pod        | status.resourceClaimStatuses    | true
            v1      | Pod        | spec.containers                 | false
            apps/v1 | ReplicaSet | spec.strategy                   | false
            """)
    void retainKeys(String apiVersion, String kind, String path, boolean expected) {
        assertThat(KubernetesPatchSchemas.forKind(apiVersion, kind).retainKeys(path(path))).isEqualTo(expected);
    }

    @Test
    void knowsTheServedKindsOnly() {
        assertThat(KubernetesPatchSchemas.knows("v1", "Pod")).isTrue();
        assertThat(KubernetesPatchSchemas.knows("policy/v1", "Eviction")).isTrue();
        assertThat(KubernetesPatchSchemas.knows("autoscaling/v1", "Scale")).isTrue();
        assertThat(KubernetesPatchSchemas.knows("apps/v1", "Pod")).isFalse();
        assertThat(KubernetesPatchSchemas.knows("example.com/v1", "Widget")).isFalse();
        assertThat(KubernetesPatchSchemas.forKind("example.com/v1", "Widget"))
                .isSameAs(KubernetesPatchSchemas.metadataOnly());
    }

    @Test
    void mergeKeyMustNotBeEmpty() {
        assertThatThrownBy(() -> ListStrategy.mergeByKey("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ListStrategy.mergeByKey("name").mergeKey()).isEqualTo("name");
        assertThat(ListStrategy.MERGE_PRIMITIVE.merges()).isTrue();
        assertThat(ListStrategy.ATOMIC.merges()).isFalse();
    }

    private static List<String> path(String dotted) {
        return Arrays.asList(dotted.split("\\."));
    }
}
