package io.kubesim.registry.codec;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionTemplateTest {

    private final ObjectCodec codec = new ObjectCodec();
    private final ConfigMap map = new ConfigMapBuilder().withNewMetadata().withName("m").withNamespace("ns")
            .withResourceVersion("7").endMetadata().addToData("k", "v").build();

    private byte[] encodedAt(String resourceVersion) {
        ConfigMap copy = new ConfigMapBuilder(map).editMetadata().withResourceVersion(resourceVersion).endMetadata()
                .build();
        return codec.encode(copy);
    }

    @Test
    void rendersTheEncodingWithTheRevisionInTheHole() {
        RevisionTemplate template = codec.template(map);

        assertThat(template.render(42)).isEqualTo(encodedAt("42"));
        assertThat(template.render(1234567890123L)).isEqualTo(encodedAt("1234567890123"));
        assertThat(new String(template.render(42), StandardCharsets.UTF_8)).contains("\"resourceVersion\":\"42\"");
        assertThat(map.getMetadata().getResourceVersion()).isEqualTo("7");
    }

    @Test
    void tellsWhetherAStoredDocumentIsTheRenderingWithItsOwnResourceVersion() {
        RevisionTemplate template = codec.template(map);

        assertThat(template.sameAs(encodedAt("42"), "42")).isTrue();
        assertThat(template.sameAs(encodedAt("42"), "43")).isFalse();
        assertThat(template.sameAs(encodedAt("420"), "42")).isFalse();
        ConfigMap changed = new ConfigMapBuilder(map).addToData("k", "w").editMetadata().withResourceVersion("42")
                .endMetadata().build();
        assertThat(template.sameAs(codec.encode(changed), "42")).isFalse();
    }
}
