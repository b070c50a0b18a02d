package io.kubesim.bench.jmh;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubesim.registry.codec.Decoded;
import io.kubesim.registry.codec.ObjectCodec;
import io.kubesim.registry.codec.RevisionTemplate;
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

import java.util.concurrent.TimeUnit;

/** JSON encode and decode of a pod through {@link ObjectCodec} (the storage and request boundaries). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {

    private ObjectCodec codec;
    private Pod pod;
    private byte[] json;

    @Setup
    public void setup() {
        codec = new ObjectCodec();
        pod = Samples.pod("web-5d8f7c6b9-x2x7k");
        json = codec.encode(pod);
    }

    @Benchmark
    public byte[] encode() {
        return codec.encode(pod);
    }

    @Benchmark
    public RevisionTemplate encodeTemplate() {
        return codec.template(pod);
    }

    @Benchmark
    public Pod decodeTrusted() {
        return codec.decode(json, Pod.class);
    }

    @Benchmark
    public Decoded<Pod> decodeStrict() throws Exception {
        return codec.decodeStrict(json, Pod.class);
    }
}
