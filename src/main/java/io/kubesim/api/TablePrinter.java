package io.kubesim.api;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** The columns and cells of one kind's Table rows (the apiserver's per-kind printers). */
interface TablePrinter {

    /** A column definition; priority 1 columns are the {@code -o wide} ones. */
    record Column(String name, String type, String format, String description, int priority) {
    }

    List<Column> columns();

    /** The cells of one object's row (strings, numbers, booleans). */
    List<Object> cells(JsonNode object);

    /** Row conditions (e.g. {@code Completed} for finished pods); empty by default. */
    default List<Map<String, Object>> conditions(JsonNode object) {
        return List.of();
    }
}
