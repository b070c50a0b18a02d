package io.kubesim.registry.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Semantic comparison and a readable diff of two JSON object trees, standing in for Go's
 * {@code apiequality.Semantic.DeepEqual} (nil and empty are equal) and {@code cmp.Diff}. The diff looks like
 * <pre>
 *   core.PodSpec{
 * - 	restartPolicy: "Always",
 * + 	restartPolicy: "Never",
 *   }
 * </pre>
 */
final class SpecDiff {

    private SpecDiff() {
    }

    /** A copy without nulls and empty arrays/objects (so {@code null}, {@code []} and absent compare equal). */
    static ObjectNode normalize(JsonNode node) {
        JsonNode n = clean(node);
        return n instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
    }

    private static JsonNode clean(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                JsonNode v = clean(e.getValue());
                if (v != null) {
                    out.set(e.getKey(), v);
                }
            }
            return out.isEmpty() ? null : out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : node.values()) {
                JsonNode v = clean(item);
                out.add(v == null ? JsonNodeFactory.instance.objectNode() : v);
            }
            return out.isEmpty() ? null : out;
        }
        return node;
    }

    /** The diff block: one {@code -} line per removed/changed path and one {@code +} line per added/changed path. */
    static String diff(JsonNode oldTree, JsonNode newTree) {
        List<String> lines = new ArrayList<>();
        lines.add("  core.PodSpec{");
        walk("", oldTree, newTree, lines);
        lines.add("  }");
        return String.join("\n", lines) + "\n";
    }

    private static void walk(String path, JsonNode a, JsonNode b, List<String> lines) {
        if (a != null && b != null && a.equals(b)) {
            return;
        }
        if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            a.properties().forEach(e -> keys.add(e.getKey()));
            b.properties().forEach(e -> keys.add(e.getKey()));
            for (String k : keys) {
                walk(path.isEmpty() ? k : path + "." + k, a.get(k), b.get(k), lines);
            }
            return;
        }
        if (a != null && b != null && a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                walk(path + "[" + i + "]", a.get(i), b.get(i), lines);
            }
            return;
        }
        if (a != null) {
            lines.add("- \t" + path + ": " + GoFormat.json(a) + ",");
        }
        if (b != null) {
            lines.add("+ \t" + path + ": " + GoFormat.json(b) + ",");
        }
    }
}
