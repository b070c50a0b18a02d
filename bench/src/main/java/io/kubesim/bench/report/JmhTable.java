package io.kubesim.bench.report;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JMH results ({@code jmh.json} in the run folders) as a table of medians over the runs. */
final class JmhTable {

    private JmhTable() {
    }

    static void append(StringBuilder md, List<Path> dirs) {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (Path dir : dirs) {
            Path file = dir.resolve("jmh.json");
            if (!Files.exists(file)) {
                continue;
            }
            for (JsonNode b : json.readTree(file.toFile())) {
                String name = b.get("benchmark").asString().replace("io.kubesim.bench.jmh.", "");
                JsonNode params = b.get("params");
                if (params != null) {
                    List<String> p = new ArrayList<>();
                    params.properties().forEach(e -> p.add(e.getKey() + "=" + e.getValue().asString()));
                    name += " (" + String.join(", ", p) + ")";
                }
                name += " [" + b.get("threads").asInt() + " thread" + (b.get("threads").asInt() == 1 ? "" : "s") + "]";
                JsonNode m = b.get("primaryMetric");
                scores.computeIfAbsent(name, k -> new ArrayList<>()).add(m.get("score").asDouble());
                errors.put(name, String.format(java.util.Locale.ROOT, "%.3g", m.get("scoreError").asDouble()));
                units.put(name, m.get("scoreUnit").asString());
            }
        }
        if (scores.isEmpty()) {
            return;
        }
        md.append("## JMH micro-benchmarks (kubesim classes in process)\n\n")
                .append("| benchmark | score | ± error (99.9%, last run) | unit |\n|---|---:|---:|---|\n");
        scores.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(Stats.of(v).format("%.3g"))
                .append(" | ").append(errors.get(k)).append(" | ").append(units.get(k)).append(" |\n"));
        md.append('\n');
    }
}
