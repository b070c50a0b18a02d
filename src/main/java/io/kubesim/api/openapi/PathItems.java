package io.kubesim.api.openapi;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Renders operations as an OpenAPI {@code paths} object: sorted paths, kube-openapi's method order, shared parameters last. */
final class PathItems {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PathItems() {
    }

    /** The {@code paths} object of {@code operations}, each operation rendered by {@code view}. */
    static ObjectNode of(Collection<ApiOperation> operations, Function<ApiOperation, ObjectNode> view) {
        Map<String, List<ApiOperation>> byPath = new TreeMap<>();
        for (ApiOperation op : operations) {
            byPath.computeIfAbsent(op.path(), p -> new ArrayList<>()).add(op);
        }
        ObjectNode paths = F.objectNode();
        byPath.forEach((path, ops) -> paths.set(path, item(ops, view)));
        return paths;
    }

    private static ObjectNode item(List<ApiOperation> ops, Function<ApiOperation, ObjectNode> view) {
        ObjectNode item = F.objectNode();
        for (String method : ApiOperation.METHOD_ORDER) {
            for (ApiOperation op : ops) {
                if (op.method().equals(method)) {
                    if (item.has(method)) {
                        throw new IllegalStateException("two operations for " + method + " " + op.path());
                    }
                    item.set(method, view.apply(op));
                }
            }
        }
        List<ObjectNode> shared = ops.get(0).pathParameters();
        if (!shared.isEmpty()) {
            ArrayNode params = item.putArray("parameters");
            shared.forEach(p -> params.add(p.deepCopy()));
        }
        return item;
    }

    /** The definitions the operations reference. */
    static List<String> references(Collection<ApiOperation> operations) {
        List<String> out = new ArrayList<>();
        operations.forEach(op -> Components.refs(op.operation(), out));
        return out;
    }
}
