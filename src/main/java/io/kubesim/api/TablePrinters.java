package io.kubesim.api;

import io.kubesim.registry.ResourceType;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The printers by kind; kinds without one get the default Name / Created At table. */
final class TablePrinters {

    static final TablePrinter DEFAULT = new TablePrinter() {
        @Override
        public List<Column> columns() {
            return List.of(
                    Columns.NAME,
                    new Column("Created At", "date", "", Columns.CREATION_DOC, 0));
        }

        @Override
        public List<Object> cells(JsonNode object, Instant now) {
            return List.of(object.path("metadata").path("name").asString(""),
                    object.path("metadata").path("creationTimestamp").asString(""));
        }
    };

    private final Map<String, TablePrinter> byKind = new HashMap<>();

    TablePrinters register(String apiVersion, String kind, TablePrinter printer) {
        byKind.put(apiVersion + "/" + kind, printer);
        return this;
    }

    TablePrinter forType(ResourceType t) {
        return byKind.getOrDefault(t.apiVersion() + "/" + t.kind(), DEFAULT);
    }

    TablePrinter forObject(JsonNode object) {
        return byKind.getOrDefault(object.path("apiVersion").asString("") + "/" + object.path("kind").asString(""), DEFAULT);
    }
}
