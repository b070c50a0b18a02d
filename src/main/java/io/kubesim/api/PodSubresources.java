package io.kubesim.api;

import io.fabric8.kubernetes.api.model.policy.v1.Eviction;
import io.kubesim.registry.ApiException;
import io.kubesim.registry.DeleteOptions;
import io.kubesim.registry.PodLogSource;
import io.kubesim.registry.PodLogs;
import io.kubesim.registry.RequestBody;
import io.kubesim.registry.ResourceRegistry;
import io.kubesim.registry.ResourceType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** The pod-only subresources: {@code log} (plain text, optionally followed) and {@code eviction}. */
final class PodSubresources {

    static final ResourceType EVICTION = ResourceType.of("policy", "v1", "Eviction", "eviction", Eviction.class).build();
    private static final Duration FOLLOW_POLL = Duration.ofMillis(100);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final ResourceRegistry registry;
    private final PodLogs logs;
    private final RequestBodies bodies;
    private final Responder responder;
    private final Clock clock;

    PodSubresources(ResourceRegistry registry, PodLogs logs, RequestBodies bodies, Responder responder, Clock clock) {
        this.registry = registry;
        this.logs = logs;
        this.bodies = bodies;
        this.responder = responder;
        this.clock = clock;
    }

    // ---- log -----------------------------------------------------------------------------------

    void log(RequestTarget t, HttpServletRequest req, HttpServletResponse resp, QueryParams q) throws IOException {
        if (!req.getMethod().equals("GET")) {
            throw ResourceEndpoint.methodNotAllowed();
        }
        PodLogs.Options o = new PodLogs.Options(q.get("container"), flag(q, "follow"), flag(q, "previous"),
                flag(q, "timestamps"), q.optionalLong("tailLines"), q.optionalLong("sinceSeconds"),
                empty(q.get("sinceTime")), q.optionalLong("limitBytes"));
        PodLogs.Target target = logs.open(t.namespace(), t.name(), o);
        List<PodLogSource.Line> first = logs.lines(target, o, clock.instant());
        resp.setStatus(200);
        resp.setContentType("text/plain");
        OutputStream out = resp.getOutputStream();
        long[] budget = {o.limitBytes() == null ? Long.MAX_VALUE : o.limitBytes()};
        if (!write(out, first, o.timestamps(), budget)) {
            return;
        }
        out.flush();
        if (!o.follow()) {
            return;
        }
        int printed = logs.allLines(target).size();
        while (budget[0] > 0) {
            boolean running = logs.running(target);
            List<PodLogSource.Line> all = logs.allLines(target);
            if (all.size() > printed) {
                if (!write(out, all.subList(printed, all.size()), o.timestamps(), budget)) {
                    return;
                }
                printed = all.size();
                out.flush();
            }
            if (!running) {
                return;
            }
            LockSupport.parkNanos(FOLLOW_POLL.toNanos());
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    private static boolean flag(QueryParams q, String name) {
        Boolean b = q.optionalBool(name);
        return b != null && b;
    }

    private static String empty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Writes lines within the byte budget; false once the budget is spent. */
    private static boolean write(OutputStream out, List<PodLogSource.Line> lines, boolean timestamps, long[] budget)
            throws IOException {
        for (PodLogSource.Line l : lines) {
            byte[] bytes = ((timestamps ? rfc3339Nano(l.at()) + " " : "") + l.text() + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            if (bytes.length >= budget[0]) {
                out.write(bytes, 0, (int) budget[0]);
                budget[0] = 0;
                return false;
            }
            out.write(bytes);
            budget[0] -= bytes.length;
        }
        return true;
    }

    /** Go's {@code time.RFC3339Nano}: nanoseconds without trailing zeros. */
    static String rfc3339Nano(Instant at) {
        String s = SECONDS.format(at);
        int nanos = at.getNano();
        if (nanos == 0) {
            return s + "Z";
        }
        String frac = String.format("%09d", nanos).replaceAll("0+$", "");
        return s + "." + frac + "Z";
    }

    // ---- eviction ------------------------------------------------------------------------------

    void evict(RequestTarget t, HttpServletRequest req, HttpServletResponse resp, Format f, QueryParams q)
            throws IOException {
        if (!req.getMethod().equals("POST")) {
            throw ResourceEndpoint.methodNotAllowed();
        }
        boolean dryRun = q.dryRun("CreateOptions");
        RequestBody body = bodies.object(req, EVICTION);
        JsonNode tree = body.tree() != null ? body.tree() : parse(body.json());
        if (!tree.isObject()) {
            throw RequestBodies.decodeError(EVICTION, "json: cannot unmarshal into Go value of type policy.Eviction");
        }
        String apiVersion = tree.path("apiVersion").asString("");
        if (!apiVersion.isEmpty() && !apiVersion.equals("policy/v1") && !apiVersion.equals("policy/v1beta1")) {
            throw ApiException.badRequest("the API version in the data (" + apiVersion
                    + ") does not match the expected API version (policy/v1)");
        }
        String kind = tree.path("kind").asString("");
        if (!kind.isEmpty() && !kind.equals("Eviction")) {
            throw RequestBodies.decodeError(EVICTION, "the kind in the data (" + kind
                    + ") does not match the expected kind (Eviction)");
        }
        String name = tree.path("metadata").path("name").asString("");
        if (!name.equals(t.name())) {
            throw ApiException.badRequest("name in URL does not match name in Eviction object");
        }
        JsonNode options = tree.get("deleteOptions");
        DeleteOptions d = options == null || options.isNull() ? new DeleteOptions(null, null, null, null, null, dryRun)
                : DeleteOptionsBody.parse(options, dryRun);
        registry.evict(t.namespace(), t.name(), d);
        ObjectNode status = registry.codec().mapper().createObjectNode();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Success");
        status.put("code", 201);
        responder.tree(resp, f, 201, status);
    }

    // ---- binding -------------------------------------------------------------------------------

    static final ResourceType BINDING = ResourceType.of("", "v1", "Binding", "bindings",
            io.fabric8.kubernetes.api.model.Binding.class).build();

    /** {@code pods/binding}: what a scheduler posts to assign a pod to a node. */
    void bind(RequestTarget t, HttpServletRequest req, HttpServletResponse resp, Format f, QueryParams q)
            throws IOException {
        if (!req.getMethod().equals("POST")) {
            throw ResourceEndpoint.methodNotAllowed();
        }
        io.kubesim.registry.WriteOptions o = q.writeOptions("CreateOptions");
        RequestBody body = bodies.object(req, BINDING);
        JsonNode tree = body.tree() != null ? body.tree() : parse(body.json());
        if (!tree.isObject()) {
            throw RequestBodies.decodeError(BINDING, "json: cannot unmarshal into Go value of type v1.Binding");
        }
        String kind = tree.path("kind").asString("");
        if (!kind.isEmpty() && !kind.equals("Binding")) {
            throw RequestBodies.decodeError(BINDING, "the kind in the data (" + kind
                    + ") does not match the expected kind (Binding)");
        }
        if (!tree.path("metadata").path("name").asString("").equals(t.name())) {
            throw ApiException.badRequest("name in URL does not match name in Binding object");
        }
        String targetKind = tree.path("target").path("kind").asString("");
        if (!targetKind.isEmpty() && !targetKind.equals("Node")) {
            throw ApiException.invalid("", "Binding", t.name(), java.util.List.of(
                    io.kubesim.registry.validation.FieldError.notSupported("target.kind", targetKind,
                            java.util.List.of("Node", "<empty>"))));
        }
        java.util.Map<String, String> annotations = new java.util.LinkedHashMap<>();
        tree.path("metadata").path("annotations").properties().forEach(e -> annotations.put(e.getKey(),
                e.getValue().asString("")));
        if (!o.dryRun()) {
            registry.bind(t.namespace(), t.name(), tree.path("target").path("name").asString(""),
                    tree.path("metadata").path("uid").asString(null), annotations, o);
        }
        ObjectNode status = registry.codec().mapper().createObjectNode();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Success");
        status.put("code", 201);
        responder.tree(resp, f, 201, status);
    }

    private JsonNode parse(byte[] json) {
        try {
            return registry.codec().mapper().readTree(json);
        } catch (tools.jackson.core.JacksonException e) {
            throw RequestBodies.decodeError(EVICTION, RequestBodies.firstLine(e.getOriginalMessage()));
        }
    }
}
