package io.kubesim.registry.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Decoding that leaves parts of a stored document out: informers' typed copies, managedFields' old trees. */
class PartialDecodingTest {

    private final ObjectCodec codec = new ObjectCodec();

    private static final String POD = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"labels\":{\"app\":\"web\"},"
            + "\"managedFields\":[{\"apiVersion\":\"v1\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:metadata\":"
            + "{\"f:labels\":{\".\":{},\"f:app\":{}}}},\"manager\":\"kubectl\",\"operation\":\"Update\","
            + "\"time\":\"2026-11-27T10:00:00Z\"},{\"apiVersion\":\"v1\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":"
            + "{\"f:status\":{\"f:podIPs\":{\"k:{\\\"ip\\\":\\\"10.244.0.7\\\"}\":{\".\":{},\"f:ip\":{}}}}},"
            + "\"manager\":\"kubelet\",\"operation\":\"Update\",\"subresource\":\"status\","
            + "\"time\":\"2026-11-27T10:00:01Z\"}],\"name\":\"web-1\",\"namespace\":\"ns\",\"resourceVersion\":\"7\","
            + "\"uid\":\"u-1\"},\"spec\":{\"containers\":[{\"image\":\"nginx\",\"name\":\"c\"}],\"nodeName\":\"n1\"},"
            + "\"status\":{\"phase\":\"Running\",\"podIPs\":[{\"ip\":\"10.244.0.7\"}]}}";

    @Test
    void everythingButManagedFieldsIsDecodedAsByTheFullDecoder() {
        byte[] json = POD.getBytes(StandardCharsets.UTF_8);
        Pod full = codec.decode(json, Pod.class);
        Pod lean = codec.decodeWithoutManagedFields(json, Pod.class);

        assertThat(full.getMetadata().getManagedFields()).hasSize(2);
        assertThat(lean.getMetadata().getManagedFields()).isNullOrEmpty();
        assertThat(lean.getMetadata().getAdditionalProperties()).isEmpty();
        full.getMetadata().setManagedFields(null);
        lean.getMetadata().setManagedFields(null);
        assertThat(lean).isEqualTo(full);
        assertThat(codec.encode(lean)).isEqualTo(codec.encode(full));
    }

    @Test
    void documentsWithoutManagedFieldsAndOtherKindsDecodeAlike() {
        byte[] cm = ("{\"apiVersion\":\"v1\",\"data\":{\"managedFields\":\"a value, not metadata\"},\"kind\":\"ConfigMap\","
                + "\"metadata\":{\"name\":\"c\",\"namespace\":\"ns\"}}").getBytes(StandardCharsets.UTF_8);
        assertThat(codec.decodeWithoutManagedFields(cm, ConfigMap.class)).isEqualTo(codec.decode(cm, ConfigMap.class));
        assertThat(codec.decodeWithoutManagedFields(cm, ConfigMap.class).getData())
                .containsEntry("managedFields", "a value, not metadata");
    }

    @Test
    void aTreeWithoutTopLevelFieldsIsTheFullTreeWithoutThem() {
        byte[] json = POD.getBytes(StandardCharsets.UTF_8);
        tools.jackson.databind.node.ObjectNode full = (tools.jackson.databind.node.ObjectNode) codec.tree(json);
        assertThat(codec.treeWithout(json, null, null)).isEqualTo(full);
        assertThat(codec.treeWithout(json, "spec", null)).isEqualTo(full.deepCopy().without("spec"));
        assertThat(codec.treeWithout(json, null, "status")).isEqualTo(full.deepCopy().without("status"));
        assertThat(codec.treeWithout(json, "spec", "status").propertyNames())
                .containsExactly("apiVersion", "kind", "metadata");
        // a nested field of the same name stays: only top-level fields are skipped
        assertThat(codec.treeWithout(json, "phase").path("status").path("phase").asString()).isEqualTo("Running");
    }
}
