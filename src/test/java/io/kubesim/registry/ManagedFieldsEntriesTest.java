package io.kubesim.registry;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubesim.registry.codec.ObjectCodec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ManagedFieldsEntriesTest {

    private static final ObjectCodec CODEC = new ObjectCodec();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCHEDULER = "{\"manager\":\"kube-scheduler\",\"operation\":\"Update\",\"apiVersion\":\"v1\","
            + "\"time\":\"2026-11-27T10:00:00Z\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:status\":{\"f:conditions\":"
            + "{\".\":{},\"k:{\\\"type\\\":\\\"PodScheduled\\\"}\":{\".\":{},\"f:type\":{}}}}},\"subresource\":\"status\"}";
    private static final String CREATOR = "{\"manager\":\"kubectl\",\"operation\":\"Update\",\"apiVersion\":\"v1\","
            + "\"time\":\"2026-11-27T09:00:00Z\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:spec\":{\"f:containers\":{}},"
            + "\"f:metadata\":{\"f:labels\":{\".\":{},\"f:app\":{}}}}}";

    /** The metadata JSON the typed entries encode to. */
    private static JsonNode encoded(List<ManagedFieldsEntry> entries) {
        ObjectMeta meta = new ObjectMeta();
        meta.setManagedFields(entries);
        return JSON.readTree(new String(CODEC.encode(meta), StandardCharsets.UTF_8)).path("managedFields");
    }

    @Test
    void entriesBuiltDirectlyEncodeAsTheFullConversionDoes() {
        JsonNode managedFields = JSON.readTree("[" + CREATOR + "," + SCHEDULER + "]");
        List<ManagedFieldsEntry> direct = ManagedFieldsEntries.of(CODEC, managedFields);
        List<ManagedFieldsEntry> converted = List.of(CODEC.convert(managedFields, ManagedFieldsEntry[].class));
        assertThat(encoded(direct)).isEqualTo(managedFields).isEqualTo(encoded(converted));
        assertThat(encoded(direct).toString()).isEqualTo(encoded(converted).toString());
        assertThat(direct.get(1).getSubresource()).isEqualTo("status");
        assertThat(direct.get(0).getSubresource()).isNull();
    }

    @Test
    void anEntryOfAnotherShapeTakesTheFullConversion() {
        JsonNode unknown = JSON.readTree(CREATOR.replace("{\"manager\"", "{\"extra\":1,\"manager\""));
        assertThat(ManagedFieldsEntries.direct(unknown)).isNull();
        assertThat(ManagedFieldsEntries.direct(JSON.readTree(CREATOR.replace("\"Update\"", "7")))).isNull();
        List<ManagedFieldsEntry> out = ManagedFieldsEntries.of(CODEC, JSON.readTree("[" + unknown + "]"));
        assertThat(out.get(0).getAdditionalProperties()).containsKey("extra");
        assertThat(encoded(out).get(0)).isEqualTo(unknown);
    }

    @Test
    void noneOrAnEmptyListIsNull() {
        assertThat(ManagedFieldsEntries.of(CODEC, null)).isNull();
        assertThat(ManagedFieldsEntries.of(CODEC, JSON.readTree("[]"))).isNull();
    }
}
