package io.kubesim.bench.jmh;

import io.kubesim.patch.KubernetesPatchSchemas;
import io.kubesim.patch.PatchSchema;
import io.kubesim.patch.StrategicMergePatch;
import io.kubesim.registry.codec.ObjectCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Strategic merge patch of a pod: a kubectl-style image change (containers merged by name), a new
 * env var (merged by name), a label, and a {@code $retainKeys}-free volume replacement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StrategicMergePatchBenchmark {

    static final String PATCH = """
            {"metadata":{"labels":{"release":"canary"}},
             "spec":{"containers":[{"name":"web","image":"nginx:1.27.3",
                                    "env":[{"name":"FEATURE_X","value":"on"}]}],
                     "volumes":[{"name":"config","configMap":{"name":"web-config-v2"}}]}}""";

    private PatchSchema schema;
    private JsonNode original;
    private JsonNode patch;

    @Setup
    public void setup() {
        ObjectCodec codec = new ObjectCodec();
        schema = KubernetesPatchSchemas.forKind("v1", "Pod");
        original = codec.tree(codec.encode(Samples.pod("web-5d8f7c6b9-x2x7k")));
        patch = codec.tree(PATCH.getBytes(StandardCharsets.UTF_8));
    }

    @Benchmark
    public JsonNode applyPodPatch() throws Exception {
        return StrategicMergePatch.apply(original, patch, schema);
    }

    @Benchmark
    public PatchSchema schemaLookup() {
        return KubernetesPatchSchemas.forKind("v1", "Pod");
    }
}
