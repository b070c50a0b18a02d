package io.kubesim.e2e;

import io.kubesim.sdk.ApiClient;
import io.kubesim.sdk.ApiException;
import io.kubesim.sdk.api.AppsV1Api;
import io.kubesim.sdk.api.CoreV1Api;
import io.kubesim.sdk.api.VersionApi;
import io.kubesim.sdk.model.IoK8sApiAppsV1ReplicaSet;
import io.kubesim.sdk.model.IoK8sApiAppsV1ReplicaSetList;
import io.kubesim.sdk.model.IoK8sApiAppsV1ReplicaSetSpec;
import io.kubesim.sdk.model.IoK8sApiAutoscalingV1Scale;
import io.kubesim.sdk.model.IoK8sApiCoreV1Container;
import io.kubesim.sdk.model.IoK8sApiCoreV1Namespace;
import io.kubesim.sdk.model.IoK8sApiCoreV1Pod;
import io.kubesim.sdk.model.IoK8sApiCoreV1PodList;
import io.kubesim.sdk.model.IoK8sApiCoreV1PodSpec;
import io.kubesim.sdk.model.IoK8sApiCoreV1PodTemplateSpec;
import io.kubesim.sdk.model.IoK8sApimachineryPkgApisMetaV1LabelSelector;
import io.kubesim.sdk.model.IoK8sApimachineryPkgApisMetaV1ObjectMeta;
import io.kubesim.sdk.model.IoK8sApimachineryPkgApisMetaV1Status;
import io.kubesim.support.ApiTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The Java SDK that the build generates from {@code openapi.yaml} (openapi-generator, {@code java}/{@code native},
 * Jackson 3) against the running server: the contract is only as good as the client it yields. Typed objects in,
 * typed objects out, and errors as {@link ApiException}s whose body is a typed {@code v1 Status}.
 */
class SdkEndToEndTest extends ApiTestBase {

    private ApiClient sdk;
    private CoreV1Api core;
    private AppsV1Api apps;
    private String ns;

    @BeforeEach
    void sdk() {
        sdk = new ApiClient();
        sdk.updateBaseUri(baseUrl());
        core = new CoreV1Api(sdk);
        apps = new AppsV1Api(sdk);
        ns = "sdk-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static IoK8sApimachineryPkgApisMetaV1ObjectMeta meta(String name) {
        return new IoK8sApimachineryPkgApisMetaV1ObjectMeta().name(name);
    }

    private static IoK8sApiCoreV1PodSpec podSpec() {
        return new IoK8sApiCoreV1PodSpec().addContainersItem(new IoK8sApiCoreV1Container().name("web").image("nginx:1.27"));
    }

    private static IoK8sApiAppsV1ReplicaSet replicaSet(String name, int replicas) {
        return new IoK8sApiAppsV1ReplicaSet().metadata(meta(name)).spec(new IoK8sApiAppsV1ReplicaSetSpec()
                .replicas(replicas)
                .selector(new IoK8sApimachineryPkgApisMetaV1LabelSelector().putMatchLabelsItem("app", name))
                .template(new IoK8sApiCoreV1PodTemplateSpec().metadata(meta(null).putLabelsItem("app", name)).spec(podSpec())));
    }

    private IoK8sApimachineryPkgApisMetaV1Status status(ApiException e) {
        return sdk.getObjectMapper().readValue(e.getResponseBody(), IoK8sApimachineryPkgApisMetaV1Status.class);
    }

    @Test
    void namespaceReplicaSetPodsScaleErrorsAndDeleteThroughTheGeneratedClient() throws ApiException {
        IoK8sApiCoreV1Namespace created = core.createNamespace(new IoK8sApiCoreV1Namespace().metadata(meta(ns)),
                null, null, null, null);
        assertThat(created.getMetadata().getUid()).isNotBlank();
        assertThat(created.getStatus().getPhase()).isEqualTo("Active");

        IoK8sApiAppsV1ReplicaSet rs = apps.createNamespacedReplicaSet(ns, replicaSet("web", 2), null, null, "sdk-test", "Strict");
        assertThat(rs.getMetadata().getResourceVersion()).matches("[1-9][0-9]*");
        assertThat(rs.getMetadata().getGeneration()).isEqualTo(1L);
        assertThat(rs.getSpec().getReplicas()).isEqualTo(2);
        IoK8sApiAppsV1ReplicaSetList sets = apps.listNamespacedReplicaSet(ns, null, null, null, null, null, null, null,
                null, null, null, null);
        assertThat(sets.getItems()).extracting(r -> r.getMetadata().getName()).containsExactly("web");

        for (String name : List.of("web-a", "web-b", "db-a")) {
            String app = name.startsWith("web") ? "web" : "db";
            core.createNamespacedPod(ns, new IoK8sApiCoreV1Pod().metadata(meta(name).putLabelsItem("app", app)
                    .putLabelsItem("tier", name.endsWith("a") ? "a" : "b")).spec(podSpec()), null, null, null, null);
        }
        IoK8sApiCoreV1PodList web = core.listNamespacedPod(ns, null, null, null, null, "app=web,tier in (a,b)", null,
                null, null, null, null, null);
        assertThat(web.getItems()).extracting(p -> p.getMetadata().getName()).containsExactlyInAnyOrder("web-a", "web-b");
        assertThat(web.getMetadata().getResourceVersion()).isNotBlank();
        IoK8sApiCoreV1PodList notWeb = core.listNamespacedPod(ns, null, null, null, null, "app!=web", null, null, null,
                null, null, null);
        assertThat(notWeb.getItems()).extracting(p -> p.getMetadata().getName()).containsExactly("db-a");

        IoK8sApiAutoscalingV1Scale scale = apps.readNamespacedReplicaSetScale("web", ns, null);
        assertThat(scale.getSpec().getReplicas()).isEqualTo(2);
        assertThat(scale.getStatus().getSelector()).isEqualTo("app=web");
        scale.getSpec().setReplicas(5);
        IoK8sApiAutoscalingV1Scale replaced = apps.replaceNamespacedReplicaSetScale("web", ns, scale, null, null, null, null);
        assertThat(replaced.getSpec().getReplicas()).isEqualTo(5);
        IoK8sApiAutoscalingV1Scale patched = apps.patchNamespacedReplicaSetScale("web", ns,
                List.of(Map.of("op", "replace", "path", "/spec/replicas", "value", 3)), null, null, null, null, null);
        assertThat(patched.getSpec().getReplicas()).isEqualTo(3);
        IoK8sApiAppsV1ReplicaSet scaled = apps.readNamespacedReplicaSet("web", ns, null);
        assertThat(scaled.getSpec().getReplicas()).isEqualTo(3);
        assertThat(scaled.getMetadata().getGeneration()).isEqualTo(3L);

        ApiException notFound = catchThrowableOfType(ApiException.class,
                () -> apps.readNamespacedReplicaSet("missing", ns, null));
        assertThat(notFound.getCode()).isEqualTo(404);
        IoK8sApimachineryPkgApisMetaV1Status s404 = status(notFound);
        assertThat(s404.getReason()).isEqualTo("NotFound");
        assertThat(s404.getCode()).isEqualTo(404);
        assertThat(s404.getMessage()).isEqualTo("replicasets.apps \"missing\" not found");
        assertThat(s404.getDetails().getGroup()).isEqualTo("apps");
        assertThat(s404.getDetails().getKind()).isEqualTo("replicasets");

        ApiException exists = catchThrowableOfType(ApiException.class,
                () -> apps.createNamespacedReplicaSet(ns, replicaSet("web", 1), null, null, null, null));
        assertThat(exists.getCode()).isEqualTo(409);
        assertThat(status(exists).getReason()).isEqualTo("AlreadyExists");

        rs.getSpec().setReplicas(7);
        ApiException stale = catchThrowableOfType(ApiException.class,
                () -> apps.replaceNamespacedReplicaSet("web", ns, rs, null, null, null, null));
        assertThat(stale.getCode()).isEqualTo(409);
        assertThat(status(stale).getReason()).isEqualTo("Conflict");
        assertThat(status(stale).getMessage()).contains("the object has been modified");

        ApiException invalid = catchThrowableOfType(ApiException.class, () -> core.createNamespacedPod(ns,
                new IoK8sApiCoreV1Pod().metadata(meta("bad")).spec(new IoK8sApiCoreV1PodSpec()), null, null, null, null));
        assertThat(invalid.getCode()).isEqualTo(422);
        IoK8sApimachineryPkgApisMetaV1Status s422 = status(invalid);
        assertThat(s422.getReason()).isEqualTo("Invalid");
        assertThat(s422.getDetails().getKind()).isEqualTo("Pod");
        assertThat(s422.getDetails().getCauses()).anySatisfy(c -> {
            assertThat(c.getField()).isEqualTo("spec.containers");
            assertThat(c.getReason()).isEqualTo("FieldValueRequired");
        });

        IoK8sApimachineryPkgApisMetaV1Status deleted = apps.deleteNamespacedReplicaSet("web", ns, null, null, null,
                null, "Background", null);
        assertThat(deleted.getStatus()).isEqualTo("Success");
        assertThat(catchThrowableOfType(ApiException.class, () -> apps.readNamespacedReplicaSet("web", ns, null)).getCode())
                .isEqualTo(404);
        IoK8sApiCoreV1Namespace terminating = core.deleteNamespace(ns, null, null, null, null, null, null);
        assertThat(terminating.getMetadata().getName()).isEqualTo(ns);
        assertThat(terminating.getStatus().getPhase()).isEqualTo("Terminating");
    }

    @Test
    void aNamespaceCreatedWithGenerateNameIsLabelledWithItsFinalName() throws ApiException {
        IoK8sApiCoreV1Namespace created = core.createNamespace(new IoK8sApiCoreV1Namespace()
                .metadata(new IoK8sApimachineryPkgApisMetaV1ObjectMeta().generateName("gen-")), null, null, null, null);
        String name = created.getMetadata().getName();
        assertThat(name).matches("gen-[a-z0-9]{5}");
        assertThat(created.getMetadata().getLabels()).containsEntry("kubernetes.io/metadata.name", name);
        assertThat(core.listNamespace(null, null, null, null, "kubernetes.io/metadata.name=" + name, null, null, null,
                null, null, null).getItems()).hasSize(1);
    }

    @Test
    void serverVersionAndDiscoveryAreTypedToo() throws ApiException {
        assertThat(new VersionApi(sdk).getCodeVersion().getGitVersion()).isEqualTo("v1.32.4+kubesim");
        assertThat(core.getCoreV1APIResources().getResources())
                .anySatisfy(r -> assertThat(r.getName()).isEqualTo("pods"));
    }
}
