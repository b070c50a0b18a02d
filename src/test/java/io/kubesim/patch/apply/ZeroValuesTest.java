package io.kubesim.patch.apply;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ZeroValuesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ApplySchema DEPLOYMENT = ApplySchema.forKind("apps/v1", "Deployment");

    @Test
    void zeroFieldsAreFilledAndEmptyMapsDroppedWithoutTouchingTheInput() {
        String text = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"d\",\"labels\":{}},"
                + "\"spec\":{\"replicas\":1,\"template\":{\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\"}]}}}}";
        JsonNode input = JSON.readTree(text);
        JsonNode out = ZeroValues.normalize(input, DEPLOYMENT);
        assertThat(input).as("the input is not mutated").isEqualTo(JSON.readTree(text));
        assertThat(out.path("metadata").has("labels")).as("an empty map is omitempty").isFalse();
        assertThat(out.path("status").isObject()).as("a non-pointer struct").isTrue();
        assertThat(out.at("/spec/template/metadata").isObject()).isTrue();
        assertThat(out.at("/spec/template/spec/containers/0/resources").isObject()).as("inside a keyed list").isTrue();
        assertThat(ZeroValues.normalize(out, DEPLOYMENT)).as("normalizing twice changes nothing").isEqualTo(out);
    }

    @Test
    void aTreeThatNeedsNothingIsReturnedAsItIsAndUnchangedPartsAreShared() {
        JsonNode once = ZeroValues.normalize(JSON.readTree("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\","
                + "\"metadata\":{\"name\":\"d\"},\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"c\"}]}}}}"),
                DEPLOYMENT);
        assertThat(ZeroValues.normalize(once, DEPLOYMENT)).isSameAs(once);
        JsonNode withEmptyLabels = once.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) withEmptyLabels.get("metadata")).putObject("labels");
        JsonNode out = ZeroValues.normalize(withEmptyLabels, DEPLOYMENT);
        assertThat(out).isNotSameAs(withEmptyLabels).isEqualTo(once);
        assertThat(out.get("spec")).as("a branch without changes is shared").isSameAs(withEmptyLabels.get("spec"));
    }

    @Test
    void nullIsTheKindsZeroValue() {
        assertThat(ZeroValues.normalize(null, DEPLOYMENT).path("metadata").isObject()).isTrue();
    }
}
