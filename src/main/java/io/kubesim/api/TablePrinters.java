package io.kubesim.api;

import io.kubesim.registry.ResourceType;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The printers by kind; kinds without one get the default Name / Created At table. */
final class TablePrinters {

    static final TablePrinter DEFAULT = new TablePrinter() {
        @Override
        public List<Column> columns() {
            return List.of(
                    new Column("Name", "string", "name", "Name must be unique within a namespace. Is required when "
                            + "creating resources, although some resources may allow a client to request the generation "
                            + "of an appropriate name automatically. Name is primarily intended for creation idempotence "
                            + "and configuration definition. Cannot be updated. More info: "
                            + "https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names", 0),
                    new Column("Created At", "date", "", "CreationTimestamp is a timestamp representing the server time "
                            + "when this object was created. It is not guaranteed to be set in happens-before order across "
                            + "separate operations. Clients may not set this value. It is represented in RFC3339 form and "
                            + "is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: "
                            + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata", 0));
        }

        @Override
        public List<Object> cells(JsonNode object) {
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
