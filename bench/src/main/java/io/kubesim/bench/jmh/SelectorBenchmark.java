package io.kubesim.bench.jmh;

import io.kubesim.selection.LabelSelector;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Label selectors ({@code io.kubesim.selection}): parsing, and matching against 1,000 label sets
 * of 5 labels each (one operation = 1,000 matches, as a list filter does).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SelectorBenchmark {

    static final String EQUALITY = "app=web";
    static final String SET_BASED = "tier in (front,db),group notin (g0,g1),!canary";

    private List<Map<String, String>> labelSets;
    private LabelSelector equality;
    private LabelSelector setBased;

    @Setup
    public void setup() throws Exception {
        labelSets = new ArrayList<>();
        String[] tiers = {"front", "back", "db"};
        for (int i = 0; i < 1000; i++) {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("app", i % 2 == 0 ? "web" : "api");
            labels.put("group", "g" + (i % 10));
            labels.put("tier", tiers[i % 3]);
            labels.put("pod-template-hash", "5d8f7c6b9" + (i % 7));
            labels.put("app.kubernetes.io/part-of", "bench");
            labelSets.add(labels);
        }
        equality = LabelSelector.parse(EQUALITY);
        setBased = LabelSelector.parse(SET_BASED);
    }

    @Benchmark
    public LabelSelector parseEquality() throws Exception {
        return LabelSelector.parse(EQUALITY);
    }

    @Benchmark
    public LabelSelector parseSetBased() throws Exception {
        return LabelSelector.parse(SET_BASED);
    }

    @Benchmark
    public int match1000Equality() {
        int n = 0;
        for (Map<String, String> labels : labelSets) {
            if (equality.matches(labels)) {
                n++;
            }
        }
        return n;
    }

    @Benchmark
    public int match1000SetBased() {
        int n = 0;
        for (Map<String, String> labels : labelSets) {
            if (setBased.matches(labels)) {
                n++;
            }
        }
        return n;
    }
}
