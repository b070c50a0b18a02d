package io.kubesim.api;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The columns and cells of one kind's Table rows: the kube-apiserver's per-kind printers
 * ({@code pkg/printers/internalversion/printers.go}). The apiserver always prints the wide form, so
 * {@link #cells} returns one cell per {@link #columns() column}, priority 1 columns included.
 */
interface TablePrinter {

    /** A column definition; priority 1 columns are the {@code -o wide} ones. */
    record Column(String name, String type, String format, String description, int priority) {
    }

    /** The column definitions, in row order. */
    List<Column> columns();

    /**
     * The cells of one object's row: {@code String}s, {@code Long}s and {@code Boolean}s, exactly as
     * upstream types them.
     *
     * @param object the full object as stored; any field may be missing or null
     * @param now the instant the ages ({@code 5m}, {@code 2d3h}) are computed from
     */
    List<Object> cells(JsonNode object, Instant now);

    /**
     * Row conditions (e.g. {@code Completed} for finished pods), each a {@code metav1.TableRowCondition}
     * as a map ({@code type}, {@code status}, {@code reason}, {@code message}); empty by default.
     */
    default List<Map<String, Object>> conditions(JsonNode object) {
        return List.of();
    }
}
