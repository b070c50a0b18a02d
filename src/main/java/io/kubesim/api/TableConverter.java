package io.kubesim.api;

import io.kubesim.registry.ApiException;
import io.kubesim.registry.ApiList;
import io.kubesim.registry.ApiObject;
import io.kubesim.registry.ResourceType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Server-side printing: {@code meta.k8s.io/v1} Tables (per-kind columns from {@link TablePrinters})
 * and PartialObjectMetadata views.
 */
final class TableConverter {

    private final JsonMapper json = JsonMapper.builder().build();
    private final TablePrinters printers;
    private final Clock clock;

    /** @param clock the "now" row ages are computed from */
    TableConverter(TablePrinters printers, Clock clock) {
        this.printers = printers;
        this.clock = clock;
    }

    static void checkIncludeObject(String value) {
        if (value != null && !value.isEmpty() && !List.of("None", "Metadata", "Object").contains(value)) {
            throw ApiException.badRequest("unrecognized includeObject value: " + io.kubesim.registry.validation.GoFormat.quote(value));
        }
    }

    JsonNode tableOf(ApiObject o, String includeObject) {
        JsonNode object = json.readTree(o.json());
        TablePrinter p = printers.forObject(object);
        ObjectNode table = header(object.path("metadata").path("resourceVersion").asString(""), p, true);
        ArrayNode rows = table.putArray("rows");
        rows.add(row(p, object, includeObject));
        return table;
    }

    JsonNode tableOf(ApiList list, String includeObject) {
        TablePrinter p = printers.forType(list.type());
        ObjectNode table = header(list.resourceVersion(), p, true);
        ObjectNode meta = (ObjectNode) table.get("metadata");
        if (list.continueToken() != null && !list.continueToken().isEmpty()) {
            meta.put("continue", list.continueToken());
        }
        if (list.remainingItemCount() != null) {
            meta.put("remainingItemCount", list.remainingItemCount());
        }
        ArrayNode rows = table.putArray("rows");
        for (ApiObject item : list.items()) {
            rows.add(row(p, withType(json.readTree(item.json()), list.type()), includeObject));
        }
        return table;
    }

    /** A watch event's object as a one-row Table; only the first event carries column definitions. */
    JsonNode watchRow(ApiObject o, ResourceType type, boolean withColumns, String includeObject) {
        JsonNode object = withType(json.readTree(o.json()), type);
        TablePrinter p = printers.forType(type);
        ObjectNode table = header(object.path("metadata").path("resourceVersion").asString(""), p, withColumns);
        table.putArray("rows").add(row(p, object, includeObject));
        return table;
    }

    private static JsonNode withType(JsonNode object, ResourceType type) {
        if (object instanceof ObjectNode on && !on.has("kind")) {
            ObjectNode copy = on.objectNode();
            copy.put("kind", type.kind());
            copy.put("apiVersion", type.apiVersion());
            copy.setAll(on);
            return copy;
        }
        return object;
    }

    private ObjectNode header(String resourceVersion, TablePrinter p, boolean withColumns) {
        ObjectNode table = json.createObjectNode();
        table.put("kind", "Table");
        table.put("apiVersion", "meta.k8s.io/v1");
        ObjectNode meta = table.putObject("metadata");
        if (!resourceVersion.isEmpty()) {
            meta.put("resourceVersion", resourceVersion);
        }
        ArrayNode columns = table.putArray("columnDefinitions");
        if (withColumns) {
            for (TablePrinter.Column c : p.columns()) {
                ObjectNode cn = columns.addObject();
                cn.put("name", c.name());
                cn.put("type", c.type());
                cn.put("format", c.format());
                cn.put("description", c.description());
                cn.put("priority", c.priority());
            }
        }
        return table;
    }

    private ObjectNode row(TablePrinter p, JsonNode object, String includeObject) {
        ObjectNode row = json.createObjectNode();
        ArrayNode cells = row.putArray("cells");
        for (Object cell : p.cells(object, clock.instant())) {
            cells.add(json.valueToTree(cell));
        }
        List<Map<String, Object>> conditions = p.conditions(object);
        if (!conditions.isEmpty()) {
            row.set("conditions", json.valueToTree(conditions));
        }
        String mode = includeObject == null || includeObject.isEmpty() ? "Metadata" : includeObject;
        switch (mode) {
            case "Object" -> row.set("object", object);
            case "Metadata" -> row.set("object", partialOf(object));
            default -> {
            }
        }
        return row;
    }

    JsonNode partial(ApiObject o) {
        return partialOf(json.readTree(o.json()));
    }

    private ObjectNode partialOf(JsonNode object) {
        ObjectNode n = json.createObjectNode();
        n.put("kind", "PartialObjectMetadata");
        n.put("apiVersion", "meta.k8s.io/v1");
        n.set("metadata", object.path("metadata").deepCopy());
        return n;
    }

    JsonNode partialList(ApiList list) {
        ObjectNode n = json.createObjectNode();
        n.put("kind", "PartialObjectMetadataList");
        n.put("apiVersion", "meta.k8s.io/v1");
        ObjectNode meta = n.putObject("metadata");
        meta.put("resourceVersion", list.resourceVersion());
        if (list.continueToken() != null && !list.continueToken().isEmpty()) {
            meta.put("continue", list.continueToken());
        }
        ArrayNode items = n.putArray("items");
        for (ApiObject item : list.items()) {
            ObjectNode p = partialOf(json.readTree(item.json()));
            items.add(p);
        }
        return n;
    }
}
