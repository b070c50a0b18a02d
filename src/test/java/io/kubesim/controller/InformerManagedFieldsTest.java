package io.kubesim.controller;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.kubesim.registry.ResourceRegistry;
import io.kubesim.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The in-process informers keep objects without managedFields, and writing such a copy back keeps the stored ones. */
class InformerManagedFieldsTest extends ApiTestBase {

    @Autowired
    ResourceRegistry registry;

    @Test
    void cachedObjectsCarryNoManagedFieldsAndAWriteOfOneKeepsTheStoredOnes() throws Exception {
        client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("a").endMetadata()
                .addToData("k", "1").build()).create();
        ResourceClient controller = new ResourceClient(registry, "test-controller");
        try (InformerFactory factory = new InformerFactory(controller)) {
            Informer<ConfigMap> informer = factory.informer(ConfigMap.class);
            factory.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> informer.get(namespace, "a") != null);
            ConfigMap cached = informer.get(namespace, "a");
            assertThat(cached.getMetadata().getManagedFields()).isNull();

            controller.update(new ConfigMapBuilder(cached).addToData("k2", "2").build());

            ConfigMap stored = client.configMaps().withName("a").get();
            assertThat(stored.getData()).containsEntry("k2", "2");
            assertThat(stored.getMetadata().getManagedFields()).extracting(ManagedFieldsEntry::getManager)
                    .hasSize(2).contains("test-controller");
            await().atMost(Duration.ofSeconds(10)).until(() -> informer.get(namespace, "a").getData().containsKey("k2"));
            assertThat(informer.get(namespace, "a").getMetadata().getManagedFields()).isNull();
        }
    }
}
