package io.kubesim.api;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/** A printer made of fixed columns and a cell function; for kinds whose rows carry no conditions. */
record SimplePrinter(List<Column> columns, BiFunction<JsonNode, Instant, List<Object>> cellFunction)
        implements TablePrinter {

    SimplePrinter {
        columns = List.copyOf(columns);
    }

    @Override
    public List<Object> cells(JsonNode object, Instant now) {
        return cellFunction.apply(object, now);
    }
}
