package io.kubesim.controller;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kubesim.registry.ResourceRegistry;
import io.kubesim.registry.codec.ObjectCodec;
import io.kubesim.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-process client answers a create or an edit with the object it wrote (not decoded again): it must encode to
 * exactly what a read of the stored object returns, resourceVersion included.
 */
class ResourceClientResultTest extends ApiTestBase {

    @Autowired
    ResourceRegistry registry;

    private final ObjectCodec codec = new ObjectCodec();

    private String json(Object o) {
        return new String(codec.encode(o), StandardCharsets.UTF_8);
    }

    @Test
    void createAndEditAnswerWhatIsStored() {
        ResourceClient controller = new ResourceClient(registry, "test-controller");
        Pod created = controller.create(new PodBuilder().withNewMetadata().withGenerateName("web-").withNamespace(namespace)
                .addToLabels("app", "web").endMetadata().withNewSpec().addNewContainer().withName("c").withImage("nginx")
                .endContainer().endSpec().build());
        String name = created.getMetadata().getName();
        assertThat(json(created)).isEqualTo(json(controller.get(Pod.class, namespace, name).orElseThrow()));

        Pod running = controller.editStatus(Pod.class, namespace, name, p -> {
            p.getStatus().setPhase("Running");
            p.getStatus().setPodIP("10.0.0.9");
            return p;
        });
        Pod stored = controller.get(Pod.class, namespace, name).orElseThrow();
        assertThat(json(running)).isEqualTo(json(stored));
        assertThat(running.getMetadata().getResourceVersion()).isNotEqualTo(created.getMetadata().getResourceVersion());

        Pod unchanged = controller.editStatus(Pod.class, namespace, name, p -> p);
        assertThat(json(unchanged)).isEqualTo(json(stored));
        Pod skipped = controller.edit(Pod.class, namespace, name, p -> null);
        assertThat(json(skipped)).isEqualTo(json(stored));
    }
}
