package io.kubesim.registry.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedFieldsV1Test {

    private final ObjectCodec codec = new ObjectCodec();

    private static byte[] pod(String name, String fieldsV1) {
        // in the codec's own property order, so that an encoding can be compared byte for byte
        return ("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"managedFields\":["
                + "{\"apiVersion\":\"v1\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":" + fieldsV1
                + ",\"manager\":\"kubectl\",\"operation\":\"Update\",\"time\":\"2026-11-27T10:00:00Z\"}],"
                + "\"name\":\"" + name + "\"},"
                + "\"spec\":{\"containers\":[{\"image\":\"nginx\",\"name\":\"c\"}]}}").getBytes(StandardCharsets.UTF_8);
    }

    private static final String FIELDS = "{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:app\":{}}},"
            + "\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"c\\\"}\":{\".\":{},\"f:image\":{}}}}}";

    private static FieldsV1 fieldsOf(Pod p) {
        ManagedFieldsEntry e = p.getMetadata().getManagedFields().get(0);
        return e.getFieldsV1();
    }

    @Test
    void equalContentDecodesToOneSharedInstanceThatEncodesByteForByte() throws Exception {
        byte[] a = pod("a", FIELDS);
        Pod first = codec.decode(a, Pod.class);
        Pod second = codec.decode(pod("b", FIELDS), Pod.class);
        Pod strict = codec.decodeStrict(pod("c", FIELDS), Pod.class).value();

        assertThat(fieldsOf(first)).isSameAs(fieldsOf(second)).isSameAs(fieldsOf(strict));
        assertThat(codec.encode(first)).isEqualTo(a);
        assertThat(fieldsOf(first).getAdditionalProperties()).containsOnlyKeys("f:metadata", "f:spec");
        @SuppressWarnings("unchecked")
        Map<String, Object> labels = (Map<String, Object>) ((Map<String, Object>) fieldsOf(first)
                .getAdditionalProperties().get("f:metadata")).get("f:labels");
        assertThat(labels).containsOnlyKeys(".", "f:app");
    }

    @Test
    void differentContentStaysApartAndSharedInstancesAreReadOnly() throws Exception {
        Pod one = codec.decode(pod("a", FIELDS), Pod.class);
        Pod other = codec.decode(pod("b", "{\"f:spec\":{}}"), Pod.class);
        assertThat(fieldsOf(one)).isNotSameAs(fieldsOf(other)).isNotEqualTo(fieldsOf(other));
        assertThat(codec.encode(other)).isEqualTo(pod("b", "{\"f:spec\":{}}"));
        assertThatThrownBy(() -> fieldsOf(one).getAdditionalProperties().put("f:status", Map.of()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void treesConvertThroughTheSameInstances() throws Exception {
        Pod decoded = codec.decode(pod("a", FIELDS), Pod.class);
        Pod converted = codec.convert(codec.tree(pod("b", FIELDS)), Pod.class);
        assertThat(fieldsOf(converted)).isSameAs(fieldsOf(decoded));
    }

    @Test
    void requestBodiesKeepTheirErrors() throws Exception {
        assertThatThrownBy(() -> codec.decodeStrict(pod("a", "\"f:spec\""), Pod.class))
                .isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> codec.decodeStrict(pod("a", "{\"f:spec\":{}"), Pod.class))
                .isInstanceOf(DecodeException.class);
        Decoded<Pod> duplicate = codec.decodeStrict(pod("a", "{\"f:spec\":{},\"f:spec\":{\".\":{}}}"), Pod.class);
        assertThat(duplicate.duplicateFields()).containsExactly("f:spec");
        assertThat(fieldsOf(duplicate.value()).getAdditionalProperties()).containsOnlyKeys("f:spec");
        assertThat(codec.decodeStrict(pod("a", "null"), Pod.class).value().getMetadata().getManagedFields().get(0)
                .getFieldsV1()).isNull();
    }

    @Test
    void largeContentIsDecodedButNotRemembered() throws Exception {
        StringBuilder fields = new StringBuilder("{\"f:data\":{");
        for (int i = 0; fields.length() <= SharedFieldsV1.MAX_REMEMBERED_BYTES; i++) {
            fields.append(i == 0 ? "" : ",").append("\"f:key-").append(i).append("\":{}");
        }
        String large = fields.append("}}").toString();
        Pod first = codec.decode(pod("a", large), Pod.class);
        Pod second = codec.decode(pod("b", large), Pod.class);
        assertThat(fieldsOf(first)).isNotSameAs(fieldsOf(second)).isEqualTo(fieldsOf(second));
        assertThat(codec.encode(first)).isEqualTo(pod("a", large));
    }

    @Test
    void remembersAtMostTheLimit() throws Exception {
        SharedFieldsV1 shared = new SharedFieldsV1();
        var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        for (int i = 0; i <= SharedFieldsV1.LIMIT; i++) {
            try (var p = mapper.createParser("{\"f:n" + i + "\":{}}")) {
                p.nextToken();
                assertThat(shared.read(p).getAdditionalProperties()).containsOnlyKeys("f:n" + i);
            }
        }
        assertThat(shared.size()).isBetween(1, SharedFieldsV1.LIMIT);
    }
}
