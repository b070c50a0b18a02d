package io.kubesim.api.openapi;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The definitions the Java client does not generate as models: the apimachinery scalars it maps to Java types
 * ({@code Time}, {@code MicroTime}, {@code IntOrString}, {@code Quantity}), the PATCH body, the server-side
 * {@code Table} and the OpenAPI v3 index of kube-openapi.
 */
final class HandWrittenSchemas {

    static final String TIME = DefinitionNames.META + "Time";
    static final String MICRO_TIME = DefinitionNames.META + "MicroTime";
    static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    static final String PATCH = DefinitionNames.META + "Patch";
    static final String TABLE = DefinitionNames.META + "Table";
    static final String OPENAPI_INDEX = "io.k8s.kube-openapi.pkg.handler3.OpenAPIV3Discovery";
    private static final String TABLE_COLUMN = DefinitionNames.META + "TableColumnDefinition";
    private static final String TABLE_ROW = DefinitionNames.META + "TableRow";
    private static final String TABLE_ROW_CONDITION = DefinitionNames.META + "TableRowCondition";
    private static final String OPENAPI_INDEX_ENTRY = "io.k8s.kube-openapi.pkg.handler3.OpenAPIV3DiscoveryGroupVersion";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private HandWrittenSchemas() {
    }

    /** Fresh copies of every hand-written definition, by name. */
    static Map<String, ObjectNode> all() {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        out.put(TIME, described("Time is a timestamp in RFC 3339 form with second precision, in UTC.")
                .put("type", "string").put("format", "date-time"));
        out.put(MICRO_TIME, described("MicroTime is a timestamp in RFC 3339 form with microsecond precision.")
                .put("type", "string").put("format", "date-time"));
        ObjectNode intOrString = described("IntOrString holds an int32 or a string; JSON and YAML carry the inner value.")
                .put("format", "int-or-string");
        ArrayNode oneOf = intOrString.putArray("oneOf");
        oneOf.addObject().put("type", "integer");
        oneOf.addObject().put("type", "string");
        out.put(INT_OR_STRING, intOrString.put(Extensions.INT_OR_STRING, true));
        out.put(QUANTITY, described("Quantity is a fixed-point number with an optional suffix: a binary SI suffix "
                + "(Ki, Mi, Gi, Ti, Pi, Ei), a decimal SI suffix (m, k, M, G, T, P, E) or a decimal exponent (1e3). "
                + "It is serialized as a string such as \"500m\" or \"1Gi\".").put("type", "string"));
        out.put(PATCH, described("Patch is the body of a PATCH request: a JSON Patch array, a JSON merge patch or a "
                + "strategic merge patch object, as the Content-Type says."));
        table(out);
        openApiIndex(out);
        return out;
    }

    private static void table(Map<String, ObjectNode> out) {
        ObjectNode table = object("Table is a tabular representation of a set of API resources, as kubectl get "
                + "prints it. The server answers with it when the Accept header asks for "
                + "as=Table;v=v1;g=meta.k8s.io.", "columnDefinitions", "rows");
        ObjectNode p = (ObjectNode) table.get("properties");
        p.set("apiVersion", string("APIVersion of the representation: meta.k8s.io/v1."));
        p.set("kind", string("Kind of the representation: Table."));
        p.set("metadata", F.objectNode().put("description", "Standard list metadata.")
                .set("allOf", F.arrayNode().add(ref(DefinitionNames.META + "ListMeta"))));
        p.set("columnDefinitions", array("The columns of every row, in order.", ref(TABLE_COLUMN)));
        p.set("rows", array("The rows, one per object.", ref(TABLE_ROW)));
        table.putArray(Extensions.GVK).addObject().put("group", "meta.k8s.io").put("kind", "Table").put("version", "v1");
        out.put(TABLE, table);
        ObjectNode column = object("A column of a Table.", "name", "type", "format", "description", "priority");
        ObjectNode cp = (ObjectNode) column.get("properties");
        cp.set("name", string("The column's human readable name."));
        cp.set("type", string("An OpenAPI type: string, integer, number or boolean."));
        cp.set("format", string("An optional OpenAPI format such as name or date."));
        cp.set("description", string("What the column shows."));
        cp.set("priority", F.objectNode().put("description", "0 for the default columns; higher for -o wide.")
                .put("type", "integer").put("format", "int32"));
        out.put(TABLE_COLUMN, column);
        ObjectNode row = object("A row of a Table.", "cells");
        ObjectNode rp = (ObjectNode) row.get("properties");
        rp.set("cells", array("One value per column definition: a string, number, boolean, object or null.",
                F.objectNode()));
        rp.set("conditions", array("Conditions of the row, such as Completed.", ref(TABLE_ROW_CONDITION)));
        rp.set("object", F.objectNode().put("description", "The object of the row, as includeObject asked: "
                        + "none, its metadata (PartialObjectMetadata) or the whole object.")
                .put("type", "object").put(Extensions.PRESERVE_UNKNOWN_FIELDS, true));
        out.put(TABLE_ROW, row);
        ObjectNode condition = object("A condition of a Table row.", "type", "status");
        ObjectNode kp = (ObjectNode) condition.get("properties");
        kp.set("type", string("The condition type, such as Completed."));
        kp.set("status", string("True, False or Unknown."));
        kp.set("reason", string("A one-word CamelCase reason for the last transition."));
        kp.set("message", string("A human readable message about the last transition."));
        out.put(TABLE_ROW_CONDITION, condition);
    }

    private static void openApiIndex(Map<String, ObjectNode> out) {
        ObjectNode index = object("The index of the OpenAPI v3 documents, one per group-version and discovery "
                + "path.", "paths");
        ObjectNode paths = F.objectNode().put("description", "Documents by path, such as api/v1 or apis/apps/v1.")
                .put("type", "object");
        paths.set("additionalProperties", ref(OPENAPI_INDEX_ENTRY));
        ((ObjectNode) index.get("properties")).set("paths", paths);
        out.put(OPENAPI_INDEX, index);
        ObjectNode entry = object("Where one OpenAPI v3 document is served.", "serverRelativeURL");
        ((ObjectNode) entry.get("properties")).set("serverRelativeURL", string("The document's URL relative to "
                + "the server, with a hash query parameter that changes whenever the document does."));
        out.put(OPENAPI_INDEX_ENTRY, entry);
    }

    private static ObjectNode described(String description) {
        return F.objectNode().put("description", description);
    }

    private static ObjectNode object(String description, String... required) {
        ObjectNode o = described(description).put("type", "object");
        ArrayNode req = o.putArray("required");
        for (String r : required) {
            req.add(r);
        }
        o.putObject("properties");
        return o;
    }

    private static ObjectNode string(String description) {
        return described(description).put("type", "string");
    }

    private static ObjectNode array(String description, ObjectNode items) {
        ObjectNode a = described(description).put("type", "array");
        a.set("items", items);
        return a;
    }

    private static ObjectNode ref(String definition) {
        return F.objectNode().put("$ref", ModelSchemas.REF + definition);
    }
}
