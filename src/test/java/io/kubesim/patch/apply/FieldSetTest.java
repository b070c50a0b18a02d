package io.kubesim.patch.apply;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.kubesim.patch.apply.Json.json;
import static io.kubesim.patch.apply.PathElement.field;
import static io.kubesim.patch.apply.PathElement.key;
import static io.kubesim.patch.apply.PathElement.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldSetTest {

    private static final FieldPath PORT = FieldPath.of("spec", "containers", key("name", "c"), "ports",
            key("containerPort", 80, "protocol", "TCP"));

    @ParameterizedTest(name = "round trip {0}")
    @ValueSource(strings = {
        "{}",
        "{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:app\":{}}}}",
        "{\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"c\\\"}\":{\".\":{},\"f:image\":{},\"f:ports\":"
                + "{\"k:{\\\"containerPort\\\":80,\\\"protocol\\\":\\\"TCP\\\"}\":"
                + "{\".\":{},\"f:containerPort\":{}}}}}}}",
        "{\"f:metadata\":{\"f:finalizers\":{\"v:\\\"a\\\"\":{},\"v:\\\"example.com/b\\\"\":{}}}}",
        "{\"f:spec\":{\"f:ports\":{\"k:{\\\"port\\\":80,\\\"protocol\\\":\\\"TCP\\\"}\":{\".\":{},\"f:port\":{}},"
                + "\"k:{\\\"port\\\":8080,\\\"protocol\\\":\\\"UDP\\\"}\":{}}}}",
        "{\"f:spec\":{\"f:args\":{\"i:0\":{},\"i:10\":{},\"i:2\":{}}}}",
        "{\"f:data\":{\".\":{},\"f:a\":{}},\"f:status\":{\"f:conditions\":{\"k:{\\\"type\\\":\\\"Ready\\\"}\":"
                + "{\".\":{},\"f:status\":{},\"f:type\":{}}}}}",
    })
    void fieldsV1RoundTripsInUpstreamOrder(String text) {
        FieldSet set = FieldSet.fromFieldsV1(json(text));
        String out = set.toFieldsV1().toString();
        if (text.contains("i:10")) {
            assertThat(out).isEqualTo("{\"f:spec\":{\"f:args\":{\"i:0\":{},\"i:2\":{},\"i:10\":{}}}}");
        } else {
            assertThat(out).isEqualTo(text);
        }
        assertThat(FieldSet.fromFieldsV1(set.toFieldsV1())).isEqualTo(set);
    }

    @Test
    void serializesKeysValuesAndTheDotMarker() {
        FieldSet set = FieldSet.of(PORT, PORT.append(field("containerPort")),
                FieldPath.of("metadata", "finalizers", value("x")), FieldPath.of("metadata", "labels", "app"));
        assertThat(set.toFieldsV1().toString()).isEqualTo("{\"f:metadata\":{\"f:finalizers\":{\"v:\\\"x\\\"\":{}},"
                + "\"f:labels\":{\"f:app\":{}}},\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"c\\\"}\":"
                + "{\"f:ports\":{\"k:{\\\"containerPort\\\":80,\\\"protocol\\\":\\\"TCP\\\"}\":"
                + "{\".\":{},\"f:containerPort\":{}}}}}}}");
    }

    @Test
    void readsMembersTheWayUpstreamDoes() {
        FieldSet set = FieldSet.fromFieldsV1(json("{'f:a':{'.':{}},'f:b':{'.':{},'f:c':{}},'f:d':{'x:unknown':{}}}"));
        assertThat(set.has(FieldPath.of("a"))).isTrue();
        assertThat(set.has(FieldPath.of("b"))).isTrue();
        assertThat(set.has(FieldPath.of("b", "c"))).isTrue();
        assertThat(set.has(FieldPath.of("d"))).isTrue();
        assertThatThrownBy(() -> FieldSet.fromFieldsV1(json("{'k:{bad':{}}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pathsDisplayAsUpstream() {
        assertThat(PORT.append(field("hostPort")).toString())
                .isEqualTo(".spec.containers[name=\"c\"].ports[containerPort=80,protocol=\"TCP\"].hostPort");
        assertThat(FieldPath.of("metadata", "finalizers", value("a\"b")).toString())
                .isEqualTo(".metadata.finalizers[=\"a\\\"b\"]");
        assertThat(FieldPath.of("spec", "args", new PathElement.Index(3)).toString()).isEqualTo(".spec.args[3]");
        assertThat(FieldPath.of("spec", "x", value(1.5)).toString()).isEqualTo(".spec.x[=1.5]");
    }

    @Test
    void setAlgebraSeparatesMembershipFromChildren() {
        FieldPath item = FieldPath.of("l", key("k", "a"));
        FieldSet a = FieldSet.of(item, item.append(field("x")), FieldPath.of("s"));
        FieldSet b = FieldSet.of(item.append(field("x")), FieldPath.of("t"));
        assertThat(a.union(b).paths()).containsExactly(FieldPath.of("s"), FieldPath.of("t"), item,
                item.append(field("x")));
        assertThat(a.difference(b).paths()).containsExactly(FieldPath.of("s"), item);
        assertThat(a.intersection(b).paths()).containsExactly(item.append(field("x")));
        assertThat(a.recursiveDifference(FieldSet.of(item)).paths()).containsExactly(FieldPath.of("s"));
        assertThat(a.difference(a).isEmpty()).isTrue();
        assertThat(FieldSet.empty().union(a)).isEqualTo(a);
    }

    @Test
    void numericKeysCompareByValueAcrossIntAndFloat() {
        FieldSet ints = FieldSet.of(FieldPath.of("p", key("port", 80)));
        FieldSet floats = FieldSet.fromFieldsV1(json("{'f:p':{'k:{\"port\":80.0}':{}}}"));
        assertThat(ints).isEqualTo(floats);
        FieldSet ordered = FieldSet.of(FieldPath.of("p", key("port", 8080)), FieldPath.of("p", key("port", 80)),
                FieldPath.of("p", value("z")), FieldPath.of("p", "f"));
        assertThat(ordered.paths()).extracting(FieldPath::toString)
                .containsExactly(".p.f", ".p[port=80]", ".p[port=8080]", ".p[=\"z\"]");
    }

    @Test
    void keyElementsSortTheirFieldsByName() {
        PathElement pe = key("protocol", "TCP", "containerPort", 80);
        assertThat(pe.serialize()).isEqualTo("k:{\"containerPort\":80,\"protocol\":\"TCP\"}");
        assertThat(PathElement.parse(pe.serialize())).isEqualTo(pe);
        assertThat(value("<b>").serialize()).isEqualTo("v:\"\\u003cb\\u003e\"");
        assertThat(PathElement.parse("x:whatever")).isNull();
        assertThat(List.of(field("b"), key("a", 1), value(1), new PathElement.Index(0)).stream().sorted().toList())
                .containsExactly(field("b"), key("a", 1), value(1), new PathElement.Index(0));
    }

    @org.junit.jupiter.api.Test
    void aDifferenceThatRemovesNothingIsTheSameSetWithItsEncoding() {
        FieldSet set = FieldSet.of(PORT, FieldPath.of("metadata", "labels", "app"));
        assertThat(set.difference(FieldSet.of(FieldPath.of("spec", "replicas")))).isSameAs(set);
        assertThat(set.difference(FieldSet.of(FieldPath.of("metadata", "labels", "tier")))).isSameAs(set);
        assertThat(set.difference(FieldSet.empty())).isSameAs(set);
        assertThat(set.toFieldsV1()).isSameAs(set.toFieldsV1());
        FieldSet smaller = set.difference(FieldSet.of(FieldPath.of("metadata", "labels", "app")));
        assertThat(smaller).isNotSameAs(set).isEqualTo(FieldSet.of(PORT));
        assertThat(smaller.toFieldsV1()).isEqualTo(FieldSet.of(PORT).toFieldsV1());
        assertThat(set.union(smaller)).as("a union that adds nothing").isSameAs(set);
        assertThat(smaller.union(set)).isNotSameAs(smaller).isEqualTo(set);
        FieldSet withPrefix = set.union(FieldSet.of(FieldPath.of("metadata", "labels")));
        assertThat(withPrefix).as("a prefix becomes a member").isNotSameAs(set);
        assertThat(withPrefix.has(FieldPath.of("metadata", "labels"))).isTrue();
        assertThat(set.has(FieldPath.of("metadata", "labels"))).isFalse();
    }
}
