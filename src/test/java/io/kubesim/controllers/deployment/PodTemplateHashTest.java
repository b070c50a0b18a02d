package io.kubesim.controllers.deployment;

import io.kubesim.registry.defaults.Defaults;
import io.kubesim.registry.defaults.PodDefaultsTest;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PodTemplateHashTest {

    private static final String NGINX = """
            {"metadata":{"labels":{"app":"web"}},
             "spec":{"containers":[{"name":"nginx","image":"nginx:1.27","ports":[{"containerPort":80}],
                                    "resources":{"limits":{"cpu":"1","memory":"1Gi"}}}]}}
            """;

    private static PodTemplateSpec template(String json) {
        PodTemplateSpec t = PodDefaultsTest.read(json, PodTemplateSpec.class);
        Defaults.podTemplateSpec(t);
        return t;
    }

    @Test
    void fnv32aMatchesReferenceVectors() {
        assertThat(PodTemplateHash.fnv32a(new byte[0])).isEqualTo(0x811c9dc5);
        assertThat(PodTemplateHash.fnv32a("a".getBytes(StandardCharsets.UTF_8))).isEqualTo(0xe40c292c);
        assertThat(PodTemplateHash.fnv32a("foobar".getBytes(StandardCharsets.UTF_8))).isEqualTo(0xbf9cf968);
    }

    @Test
    void safeEncodeStringUsesGoAlphabet() {
        assertThat(PodTemplateHash.ALPHANUMS).isEqualTo("bcdfghjklmnpqrstvwxz2456789");
        assertThat(PodTemplateHash.safeEncodeString("0123456789")).isEqualTo("456789bcdf");
        assertThat(PodTemplateHash.safeEncodeString("3087658349")).isEqualTo("74dcb9d78f");
        assertThat(PodTemplateHash.safeEncodeString("abc")).isEqualTo("vwx");
        assertThat(PodTemplateHash.safeEncodeString("")).isEmpty();
    }

    @Test
    void hashLooksLikeUpstream() {
        String h = PodTemplateHash.compute(template(NGINX), null);
        assertThat(h).matches("[456789bcdf]{1,10}");
        assertThat(h.length()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void hashIsStableForEqualTemplates() {
        String a = PodTemplateHash.compute(template(NGINX), null);
        String b = PodTemplateHash.compute(template(NGINX), null);
        String reordered = PodTemplateHash.compute(template("""
                {"spec":{"containers":[{"resources":{"limits":{"memory":"1024Mi","cpu":"1000m"}},
                  "ports":[{"containerPort":80}],"image":"nginx:1.27","name":"nginx"}]},
                 "metadata":{"labels":{"app":"web"},"annotations":{}}}
                """), null);
        assertThat(a).isEqualTo(b).isEqualTo(reordered);
        assertThat(PodTemplateHash.compute(template(NGINX), 3)).isEqualTo(PodTemplateHash.compute(template(NGINX), 3));
    }

    @Test
    void hashChangesWithTemplateAndCollisionCount() {
        Set<String> hashes = new HashSet<>();
        hashes.add(PodTemplateHash.compute(template(NGINX), null));
        hashes.add(PodTemplateHash.compute(template(NGINX.replace("nginx:1.27", "nginx:1.28")), null));
        hashes.add(PodTemplateHash.compute(template(NGINX.replace("\"web\"", "\"api\"")), null));
        hashes.add(PodTemplateHash.compute(template(NGINX.replace("\"containerPort\":80",
                "\"containerPort\":80,\"name\":\"80\"")), null));
        hashes.add(PodTemplateHash.compute(template(NGINX), 0));
        hashes.add(PodTemplateHash.compute(template(NGINX), 1));
        hashes.add(PodTemplateHash.compute(null, null));
        assertThat(hashes).hasSize(7);
    }

    @Test
    void intOrStringKindMatters() {
        String asInt = "{\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"a\","
                + "\"readinessProbe\":{\"httpGet\":{\"port\":8080}}}]}}";
        String asString = asInt.replace("\"port\":8080", "\"port\":\"8080\"");
        assertThat(PodTemplateHash.compute(template(asInt), null))
                .isNotEqualTo(PodTemplateHash.compute(template(asString), null));
    }

    @Test
    void equalIgnoreHashRemovesOnlyTheHashLabel() {
        PodTemplateSpec plain = template(NGINX);
        PodTemplateSpec labelled = template(NGINX);
        labelled.getMetadata().getLabels().put(PodTemplateHash.LABEL, "5d8f9b7c6d");
        JsonNode before = PodDefaultsTest.tree(labelled);

        assertThat(PodTemplateHash.templatesEqualIgnoringHash(plain, labelled)).isTrue();
        assertThat(PodTemplateHash.templatesEqualIgnoringHash(labelled, plain)).isTrue();
        assertThat(PodDefaultsTest.tree(labelled)).isEqualTo(before);
        assertThat(PodTemplateHash.templatesEqualIgnoringHash(plain,
                template(NGINX.replace("nginx:1.27", "nginx:1.28")))).isFalse();
        assertThat(PodTemplateHash.templatesEqualIgnoringHash(plain,
                template(NGINX.replace("\"app\":\"web\"", "\"app\":\"web\",\"tier\":\"front\"")))).isFalse();
    }

    @Test
    void equalIgnoreHashWhenOnlyLabelIsTheHash() {
        PodTemplateSpec none = template("{\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"a\"}]}}");
        PodTemplateSpec hashed = template("{\"metadata\":{\"labels\":{\"pod-template-hash\":\"abc\"}},"
                + "\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"a\"}]}}");
        assertThat(PodTemplateHash.templatesEqualIgnoringHash(none, hashed)).isTrue();
        assertThat(PodTemplateHash.templatesEqualIgnoringHash(null, null)).isTrue();
        assertThat(PodTemplateHash.templatesEqualIgnoringHash(none, null)).isFalse();
    }
}
