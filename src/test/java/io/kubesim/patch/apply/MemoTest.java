package io.kubesim.patch.apply;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.util.concurrent.atomic.AtomicInteger;

import static io.kubesim.patch.apply.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

class MemoTest {

    @Test
    void computesOncePerKeyAndStartsOverWhenFull() {
        AtomicInteger calls = new AtomicInteger();
        Memo<String, Integer> memo = new Memo<>(2);
        assertThat(memo.get("a", k -> calls.incrementAndGet(), k -> k)).isEqualTo(1);
        assertThat(memo.get("a", k -> calls.incrementAndGet(), k -> k)).isEqualTo(1);
        assertThat(memo.get("b", k -> calls.incrementAndGet(), k -> k)).isEqualTo(2);
        assertThat(memo.get("c", k -> calls.incrementAndGet(), k -> k)).isEqualTo(3);
        assertThat(memo.get("a", k -> calls.incrementAndGet(), k -> k)).isEqualTo(4);
    }

    @Test
    void aParsedFieldSetDoesNotFollowLaterChangesToItsJson() {
        ObjectNode fields = (ObjectNode) json("{\"f:metadata\":{\"f:labels\":{\"f:app\":{}}}}");
        FieldSet first = FieldSet.fromFieldsV1(fields);
        fields.withObjectProperty("f:spec").putObject("f:replicas");
        FieldSet second = FieldSet.fromFieldsV1(fields);
        assertThat(first.toFieldsV1().toString()).isEqualTo("{\"f:metadata\":{\"f:labels\":{\"f:app\":{}}}}");
        assertThat(second.toFieldsV1().toString())
                .isEqualTo("{\"f:metadata\":{\"f:labels\":{\"f:app\":{}}},\"f:spec\":{\"f:replicas\":{}}}");
        assertThat(FieldSet.fromFieldsV1(json("{\"f:metadata\":{\"f:labels\":{\"f:app\":{}}}}"))).isSameAs(first);
    }

    @Test
    void equalExceptIgnoresOnlyTheNamedProperty() {
        assertThat(Values.equalExcept(json("{\"a\":1,\"time\":\"x\"}"), json("{\"time\":\"y\",\"a\":1.0}"), "time"))
                .isTrue();
        assertThat(Values.equalExcept(json("{\"a\":1,\"time\":\"x\"}"), json("{\"a\":1}"), "time")).isTrue();
        assertThat(Values.equalExcept(json("{\"a\":1}"), json("{\"a\":2,\"time\":\"x\"}"), "time")).isFalse();
        assertThat(Values.equalExcept(json("{\"a\":1}"), json("{\"a\":1,\"b\":1}"), "time")).isFalse();
        assertThat(Values.equalExcept(json("[1]"), json("[1]"), "time")).isTrue();
        assertThat(Values.equalExcept(null, json("{}"), "time")).isFalse();
        assertThat(Values.equalExcept(null, null, "time")).isTrue();
    }
}
