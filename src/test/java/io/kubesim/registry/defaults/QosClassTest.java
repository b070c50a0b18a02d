package io.kubesim.registry.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QosClassTest {

    private static PodSpec spec(String json) {
        return PodDefaultsTest.read(json, PodSpec.class);
    }

    private static String c(String resources) {
        return "{\"name\":\"c\",\"image\":\"i\",\"resources\":" + resources + "}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // case | containers | initContainers | expected
        "no resources|" + "{}" + "||BestEffort",
        "only extended resource|{\"limits\":{\"nvidia.com/gpu\":\"1\"}}||BestEffort",
        "zero quantities count as none|{\"requests\":{\"cpu\":\"0\",\"memory\":\"0\"}}||BestEffort",
        "requests equal limits|{\"requests\":{\"cpu\":\"1\",\"memory\":\"1Gi\"},\"limits\":{\"cpu\":\"1\",\"memory\":\"1Gi\"}}||Guaranteed",
        "limits only (requests default to limits)|{\"limits\":{\"cpu\":\"500m\",\"memory\":\"256Mi\"}}||Guaranteed",
        "equal values in other units|{\"requests\":{\"cpu\":\"0.5\",\"memory\":\"1024Mi\"},\"limits\":{\"cpu\":\"500m\",\"memory\":\"1Gi\"}}||Guaranteed",
        "requests below limits|{\"requests\":{\"cpu\":\"250m\",\"memory\":\"1Gi\"},\"limits\":{\"cpu\":\"1\",\"memory\":\"1Gi\"}}||Burstable",
        "memory limit missing|{\"limits\":{\"cpu\":\"1\"}}||Burstable",
        "requests only|{\"requests\":{\"cpu\":\"100m\"}}||Burstable",
        "init container without limits|{\"limits\":{\"cpu\":\"1\",\"memory\":\"1Gi\"}}|{}|Burstable",
        "init container guaranteed too|{\"limits\":{\"cpu\":\"1\",\"memory\":\"1Gi\"}}|{\"limits\":{\"cpu\":\"2\",\"memory\":\"2Gi\"}}|Guaranteed",
        "best-effort main, burstable init|{}|{\"requests\":{\"memory\":\"64Mi\"}}|Burstable",
    })
    void computesQos(String name, String main, String init, String expected) {
        String inits = init == null ? "" : ",\"initContainers\":[" + c(init) + "]";
        assertThat(QosClass.of(spec("{\"containers\":[" + c(main) + "]" + inits + "}"))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // sums are compared, not containers one by one (upstream aggregates before comparing)
        "crossed sums are equal|Guaranteed|{\"requests\":{\"cpu\":\"1\",\"memory\":\"1Gi\"},\"limits\":{\"cpu\":\"2\",\"memory\":\"1Gi\"}}|{\"requests\":{\"cpu\":\"2\",\"memory\":\"1Gi\"},\"limits\":{\"cpu\":\"1\",\"memory\":\"1Gi\"}}",
        "second container best effort|Burstable|{\"limits\":{\"cpu\":\"1\",\"memory\":\"1Gi\"}}|{}",
    })
    void aggregatesOverContainers(String name, String expected, String first, String second) {
        assertThat(QosClass.of(spec("{\"containers\":[" + c(first) + "," + c(second) + "]}"))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "pod-level guaranteed wins over best-effort containers|Guaranteed|{\"limits\":{\"cpu\":\"1\",\"memory\":\"1Gi\"}}",
        "pod-level cpu only|Burstable|{\"requests\":{\"cpu\":\"1\"}}",
    })
    void podLevelResources(String name, String expected, String podResources) {
        assertThat(QosClass.of(spec("{\"resources\":" + podResources + ",\"containers\":[" + c("{}") + "]}")))
                .isEqualTo(expected);
    }

    @Test
    void nullSpecIsBestEffort() {
        assertThat(QosClass.of(null)).isEqualTo("BestEffort");
        assertThat(QosClass.of(new PodSpec())).isEqualTo("BestEffort");
    }
}
