package io.kubesim.e2e;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ReplicaSetSpec;
import io.kubernetes.client.openapi.models.V1Scale;
import io.kubernetes.client.openapi.models.V1ScaleSpec;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.util.Config;
import io.kubernetes.client.util.Watch;
import io.kubesim.support.ApiTestBase;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The official Kubernetes Java client ({@code io.kubernetes:client-java}): CRUD, a watch and a shared informer. */
class OfficialJavaClientTest extends ApiTestBase {

    private ApiClient api() {
        ApiClient api = Config.fromUrl(baseUrl(), false);
        OkHttpClient http = api.getHttpClient().newBuilder().readTimeout(0, TimeUnit.SECONDS).build();
        api.setHttpClient(http);
        return api;
    }

    @Test
    void crudWithTypedErrors() throws Exception {
        CoreV1Api core = new CoreV1Api(api());
        V1ConfigMap created = core.createNamespacedConfigMap(namespace, new V1ConfigMap()
                .metadata(new V1ObjectMeta().name("settings").putLabelsItem("team", "a")).putDataItem("mode", "fast"))
                .execute();
        assertThat(created.getMetadata().getUid()).isNotBlank();
        assertThat(created.getMetadata().getResourceVersion()).isNotBlank();

        V1ConfigMap read = core.readNamespacedConfigMap("settings", namespace).execute();
        read.putDataItem("mode", "slow");
        V1ConfigMap replaced = core.replaceNamespacedConfigMap("settings", namespace, read).execute();
        assertThat(replaced.getData()).containsEntry("mode", "slow");

        assertThat(core.listNamespacedConfigMap(namespace).labelSelector("team in (a,b)").execute().getItems())
                .extracting(c -> c.getMetadata().getName()).containsExactly("settings");
        assertThat(core.listNamespacedConfigMap(namespace).labelSelector("team=c").execute().getItems()).isEmpty();

        // a stale resourceVersion is a 409 with the Status body
        read.putDataItem("mode", "stale");
        assertThatThrownBy(() -> core.replaceNamespacedConfigMap("settings", namespace, read).execute())
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getResponseBody()).contains("\"reason\":\"Conflict\"");
                });

        V1Status deleted = core.deleteNamespacedConfigMap("settings", namespace).execute();
        assertThat(deleted.getStatus()).isEqualTo("Success");
        assertThatThrownBy(() -> core.readNamespacedConfigMap("settings", namespace).execute())
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }

    @Test
    void replicaSetScaleSubresource() throws Exception {
        AppsV1Api apps = new AppsV1Api(api());
        V1ReplicaSet rs = new V1ReplicaSet().metadata(new V1ObjectMeta().name("web")).spec(new V1ReplicaSetSpec()
                .replicas(1).selector(new V1LabelSelector().matchLabels(Map.of("app", "web")))
                .template(new V1PodTemplateSpec().metadata(new V1ObjectMeta().labels(Map.of("app", "web")))
                        .spec(new V1PodSpec().containers(List.of(new V1Container().name("c").image("nginx"))))));
        apps.createNamespacedReplicaSet(namespace, rs).execute();
        V1Scale scale = apps.readNamespacedReplicaSetScale("web", namespace).execute();
        assertThat(scale.getSpec().getReplicas()).isEqualTo(1);
        apps.replaceNamespacedReplicaSetScale("web", namespace, scale.spec(new V1ScaleSpec().replicas(4))).execute();
        assertThat(apps.readNamespacedReplicaSet("web", namespace).execute().getSpec().getReplicas()).isEqualTo(4);
    }

    @Test
    void watchSeesAddedModifiedDeleted() throws Exception {
        ApiClient api = api();
        CoreV1Api core = new CoreV1Api(api);
        List<String> seen = new CopyOnWriteArrayList<>();
        try (Watch<V1ConfigMap> watch = Watch.createWatch(api,
                core.listNamespacedConfigMap(namespace).watch(true).timeoutSeconds(30).buildCall(null),
                new TypeToken<Watch.Response<V1ConfigMap>>() { }.getType())) {
            Thread reader = new Thread(() -> {
                for (Watch.Response<V1ConfigMap> r : watch) {
                    seen.add(r.type + " " + r.object.getMetadata().getName());
                    if (r.type.equals("DELETED")) {
                        return;
                    }
                }
            });
            reader.start();
            core.createNamespacedConfigMap(namespace, new V1ConfigMap().metadata(new V1ObjectMeta().name("w"))).execute();
            V1ConfigMap w = core.readNamespacedConfigMap("w", namespace).execute();
            core.replaceNamespacedConfigMap("w", namespace, w.putDataItem("k", "v")).execute();
            core.deleteNamespacedConfigMap("w", namespace).execute();
            await().atMost(Duration.ofSeconds(30)).until(() -> seen.contains("DELETED w"));
            assertThat(seen).containsExactly("ADDED w", "MODIFIED w", "DELETED w");
            reader.join(5000);
        }
    }

    @Test
    void sharedInformerFactoryKeepsAPodCache() throws Exception {
        ApiClient api = api();
        CoreV1Api core = new CoreV1Api(api);
        SharedInformerFactory factory = new SharedInformerFactory(api);
        SharedIndexInformer<V1Pod> informer = factory.sharedIndexInformerFor(params -> core.listNamespacedPod(namespace)
                        .resourceVersion(params.resourceVersion).watch(params.watch).timeoutSeconds(params.timeoutSeconds)
                        .buildCall(null),
                V1Pod.class, V1PodList.class);
        List<String> events = new CopyOnWriteArrayList<>();
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(V1Pod pod) {
                events.add("add " + pod.getMetadata().getName());
            }

            @Override
            public void onUpdate(V1Pod old, V1Pod pod) {
                events.add("update " + pod.getMetadata().getName());
            }

            @Override
            public void onDelete(V1Pod pod, boolean stateUnknown) {
                events.add("delete " + pod.getMetadata().getName());
            }
        });
        core.createNamespacedPod(namespace, pod("before")).execute();
        factory.startAllRegisteredInformers();
        try {
            await().atMost(Duration.ofSeconds(30)).until(informer::hasSynced);
            await().atMost(Duration.ofSeconds(30)).until(() -> events.contains("add before"));
            core.createNamespacedPod(namespace, pod("after")).execute();
            await().atMost(Duration.ofSeconds(30)).until(() -> informer.getIndexer().getByKey(namespace + "/after") != null);
            V1Pod after = core.readNamespacedPod("after", namespace).execute();
            after.getMetadata().putLabelsItem("stage", "two");
            core.replaceNamespacedPod("after", namespace, after).execute();
            await().atMost(Duration.ofSeconds(30)).until(() -> events.contains("update after"));
            core.deleteNamespacedPod("before", namespace).gracePeriodSeconds(0).execute();
            await().atMost(Duration.ofSeconds(30)).until(() -> events.contains("delete before"));
            assertThat(informer.getIndexer().listKeys()).containsExactly(namespace + "/after");
        } finally {
            factory.stopAllRegisteredInformers();
        }
    }

    private static V1Pod pod(String name) {
        return new V1Pod().metadata(new V1ObjectMeta().name(name))
                .spec(new V1PodSpec().containers(List.of(new V1Container().name("c").image("nginx"))));
    }
}
