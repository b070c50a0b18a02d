package io.kubesim.patch.apply;

import org.junit.jupiter.api.Test;

import static io.kubesim.patch.apply.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

class CompareTest {

    private static final ApplySchema POD = ApplySchema.forKind("v1", "Pod");

    @Test
    void normalizationGivesObjectsTheirTypedShape() {
        assertThat(ZeroValues.normalize(json("{'metadata':{'labels':{}},'spec':{'containers':[{'name':'c'}]}}"), POD)
                .toString()).isEqualTo("{\"metadata\":{\"creationTimestamp\":null},\"spec\":{\"containers\":"
                + "[{\"name\":\"c\",\"resources\":{}}]},\"status\":{}}");
        assertThat(ZeroValues.normalize(null, POD).toString()).isEqualTo(
                "{\"metadata\":{\"creationTimestamp\":null},\"spec\":{\"containers\":null},\"status\":{}}");
    }

    @Test
    void newMapsAndItemsAreAddedThemselvesAlwaysPresentStructsAreNot() {
        Comparison c = Compare.of(ZeroValues.normalize(null, POD), ZeroValues.normalize(json(
                "{'metadata':{'labels':{'a':'1'}},'spec':{'containers':[{'name':'c'}],'nodeSelector':{'x':'y'}}}"),
                POD), POD);
        assertThat(c.added().toFieldsV1().toString()).isEqualTo("{\"f:metadata\":{\"f:labels\":{\".\":{},"
                + "\"f:a\":{}}},\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"c\\\"}\":{\".\":{},\"f:name\":{},"
                + "\"f:resources\":{}}},\"f:nodeSelector\":{}}}");
        assertThat(c.modified().isEmpty()).isTrue();
        assertThat(c.removed().isEmpty()).isTrue();
    }

    @Test
    void leavesAreModifiedAndIntsEqualFloats() {
        Comparison c = Compare.of(json("{'spec':{'a':1,'b':'x','c':[1,2],'d':{'e':1}}}"),
                json("{'spec':{'a':1.0,'b':'y','c':[2,1]}}"), POD);
        assertThat(c.modified().paths()).extracting(FieldPath::toString).containsExactly(".spec.b", ".spec.c");
        assertThat(c.removed().paths()).extracting(FieldPath::toString).containsExactly(".spec.d", ".spec.d.e");
        assertThat(c.added().isEmpty()).isTrue();
    }
}
