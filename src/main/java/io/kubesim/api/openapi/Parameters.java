package io.kubesim.api.openapi;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * The query and path parameters kubesim reads ({@code io.kubesim.api.QueryParams}), as OpenAPI parameter objects.
 * Each call returns a fresh node.
 */
final class Parameters {

    /** List and watch options, in upstream order. */
    static final List<String> LIST = List.of("allowWatchBookmarks", "continue", "fieldSelector", "labelSelector",
            "limit", "resourceVersion", "resourceVersionMatch", "sendInitialEvents", "timeoutSeconds", "watch");
    /** Options of POST and PUT. */
    static final List<String> WRITE = List.of("dryRun", "fieldManager", "fieldValidation");
    /** Options of PATCH: {@code fieldValidation} must be here for kubectl to skip client-side validation. */
    static final List<String> PATCH = List.of("dryRun", "fieldManager", "fieldValidation", "force");
    /** Options of DELETE (also accepted as a DeleteOptions body). */
    static final List<String> LOG = List.of("container", "follow", "insecureSkipTLSVerifyBackend", "limitBytes",
            "previous", "sinceSeconds", "sinceTime", "tailLines", "timestamps");
    static final List<String> DELETE = List.of("dryRun", "gracePeriodSeconds", "orphanDependents", "propagationPolicy");
    /** Options of a collection DELETE: the list options that select, then the delete options. */
    static final List<String> DELETE_COLLECTION = List.of("continue", "dryRun", "fieldSelector", "gracePeriodSeconds",
            "labelSelector", "limit", "orphanDependents", "propagationPolicy", "resourceVersion", "resourceVersionMatch",
            "sendInitialEvents", "timeoutSeconds");

    private record Query(String type, String description) {
    }

    private static final Map<String, Query> QUERY = Map.ofEntries(
            Map.entry("allowWatchBookmarks", new Query("boolean", "With watch, asks for BOOKMARK events that only "
                    + "carry a newer resourceVersion. The server sends them at its discretion; ignored without watch.")),
            Map.entry("continue", new Query("string", "The metadata.continue token of the previous page of a "
                    + "paginated list. An expired token answers 410 Gone. Not supported with watch.")),
            Map.entry("fieldSelector", new Query("string", "Restricts the result to objects whose fields match, "
                    + "such as metadata.name=web. Defaults to everything.")),
            Map.entry("labelSelector", new Query("string", "Restricts the result to objects whose labels match, "
                    + "such as app=web,tier!=db or env in (prod,staging). Defaults to everything.")),
            Map.entry("limit", new Query("integer", "The most items to return. When more exist, metadata.continue "
                    + "holds the token of the next page. Not supported with watch.")),
            Map.entry("resourceVersion", new Query("string", "How fresh the answer must be: unset for the latest "
                    + "state, 0 for any state, otherwise at least (or, with resourceVersionMatch=Exact, exactly) this "
                    + "resourceVersion. A watch sends the changes after it.")),
            Map.entry("resourceVersionMatch", new Query("string", "How resourceVersion applies to a list: "
                    + "NotOlderThan or Exact. Defaults to unset.")),
            Map.entry("sendInitialEvents", new Query("boolean", "With watch, starts the stream with a synthetic "
                    + "ADDED event per existing object, then a BOOKMARK annotated k8s.io/initial-events-end. Requires "
                    + "resourceVersionMatch=NotOlderThan.")),
            Map.entry("timeoutSeconds", new Query("integer", "Ends the list or watch call after this many seconds.")),
            Map.entry("watch", new Query("boolean", "Streams the changes (WatchEvent objects, one per line) instead "
                    + "of answering with a list. Specify resourceVersion. A watch request that asks for a WebSocket "
                    + "(Upgrade: websocket, Connection: Upgrade, an Origin header; 403 without one) is answered 101, "
                    + "then each WatchEvent is one text message.")),
            Map.entry("pretty", new Query("string", "If 'true', the output is indented.")),
            Map.entry("dryRun", new Query("string", "When present, the request is validated and defaulted but not "
                    + "persisted. The only valid value is All.")),
            Map.entry("fieldManager", new Query("string", "The name of the actor making the change, recorded in "
                    + "metadata.managedFields. At most 128 printable characters.")),
            Map.entry("fieldValidation", new Query("string", "What to do with unknown or duplicate fields in the "
                    + "body: Ignore drops them; Warn drops them and adds a Warning header per field; Strict rejects "
                    + "the request with 400 BadRequest listing them.")),
            Map.entry("force", new Query("boolean", "Forces an apply request to take over fields that other managers "
                    + "own. Must be unset for the other patch types.")),
            Map.entry("gracePeriodSeconds", new Query("integer", "Seconds before the object is deleted; 0 deletes "
                    + "at once. Unset uses the object's own default (a pod's terminationGracePeriodSeconds).")),
            Map.entry("orphanDependents", new Query("boolean", "Deprecated, use propagationPolicy: whether "
                    + "dependents are orphaned (true) or garbage collected (false). Not together with "
                    + "propagationPolicy.")),
            Map.entry("propagationPolicy", new Query("string", "How dependents are garbage collected: Orphan leaves "
                    + "them, Background deletes them after the owner, Foreground deletes them before the owner.")),
            Map.entry("hash", new Query("string", "The document's hash as the /openapi/v3 index lists it. The "
                    + "current hash makes the answer cacheable for a year; another one redirects (301) to the current "
                    + "URL.")),
            Map.entry("container", new Query("string", "The container to read; may be omitted when the pod has one.")),
            Map.entry("follow", new Query("boolean", "Keeps the stream open and sends new lines until the container "
                    + "stops.")),
            Map.entry("insecureSkipTLSVerifyBackend", new Query("boolean", "Accepted for compatibility; kubesim's "
                    + "simulated kubelets have no TLS.")),
            Map.entry("limitBytes", new Query("integer", "Stops after this many bytes of output.")),
            Map.entry("previous", new Query("boolean", "Reads the previous terminated run of the container.")),
            Map.entry("sinceSeconds", new Query("integer", "Only lines printed in the last this many seconds.")),
            Map.entry("sinceTime", new Query("string", "Only lines printed at or after this RFC 3339 time.")),
            Map.entry("tailLines", new Query("integer", "Only this many lines from the end.")),
            Map.entry("timestamps", new Query("boolean", "Prefixes each line with its RFC 3339 time.")),
            Map.entry("verbose", new Query("string", "When present, lists every check and its result.")));

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Parameters() {
    }

    /** A query parameter with its standard description. */
    static ObjectNode query(String name) {
        Query q = QUERY.get(name);
        if (q == null) {
            throw new IllegalArgumentException("unknown query parameter " + name);
        }
        return query(name, q.type(), q.description());
    }

    /** A query parameter with its own description. */
    static ObjectNode query(String name, String type, String description) {
        ObjectNode p = F.objectNode().put("name", name).put("in", "query").put("description", description);
        p.putObject("schema").put("type", type);
        return p;
    }

    /** {@code fieldSelector}, listing the fields this kind can be selected by. */
    static ObjectNode fieldSelector(List<String> fields) {
        return query("fieldSelector", "string", QUERY.get("fieldSelector").description()
                + " Supported fields: " + String.join(", ", fields) + ".");
    }

    /** A query parameter that holds a list ({@code exclude=a&exclude=b}). */
    static ObjectNode repeated(String name, String description) {
        ObjectNode p = F.objectNode().put("name", name).put("in", "query").put("description", description);
        ObjectNode schema = p.putObject("schema").put("type", "array");
        schema.putObject("items").put("type", "string");
        return p;
    }

    /** A required path parameter. */
    static ObjectNode path(String name, String description) {
        ObjectNode p = F.objectNode().put("name", name).put("in", "path").put("description", description)
                .put("required", true);
        p.putObject("schema").put("type", "string");
        return p;
    }

    /** {@code {namespace}}. */
    static ObjectNode namespace() {
        return path("namespace", "object name and auth scope, such as for teams and projects");
    }

    /** {@code {name}} of an object of {@code kind}. */
    static ObjectNode name(String kind) {
        return path("name", "name of the " + kind);
    }
}
