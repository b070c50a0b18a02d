package io.kubesim.api;

import io.kubesim.registry.ApiException;
import io.kubesim.registry.ApiList;
import io.kubesim.registry.ApiWatch;
import io.kubesim.registry.DeleteOptions;
import io.kubesim.registry.ListOptions;
import io.kubesim.registry.PatchType;
import io.kubesim.registry.ResourceRegistry;
import io.kubesim.registry.ResourceStrategy;
import io.kubesim.registry.ResourceType;
import io.kubesim.registry.Subresource;
import io.kubesim.registry.WriteOptions;
import io.kubesim.registry.WriteResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.io.IOException;

/**
 * The one HTTP endpoint of every kind: parses the path into a {@link RequestTarget}, the query into
 * options, the body into a tree or bytes, calls the registry, and writes the answer or the Status. Served by
 * {@link ApiServlet}.
 */
public final class ResourceEndpoint {

    private static final Logger log = LoggerFactory.getLogger(ResourceEndpoint.class);
    static final String NOT_FOUND = "the server could not find the requested resource";

    private final ResourceRegistry registry;
    private final Responder responder;
    private final RequestBodies bodies;
    private final WatchStreamer watches;
    private final DiscoveryEndpoint discovery;
    private final WatchEncoders watchEncoders;
    private final SubresourceHandlers subresources;

    ResourceEndpoint(ResourceRegistry registry, Responder responder, RequestBodies bodies, WatchStreamer watches,
                     DiscoveryEndpoint discovery, WatchEncoders watchEncoders, SubresourceHandlers subresources) {
        this.registry = registry;
        this.responder = responder;
        this.bodies = bodies;
        this.watches = watches;
        this.discovery = discovery;
        this.watchEncoders = watchEncoders;
        this.subresources = subresources;
    }

    void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Format format = null;
        try {
            format = format(req);
            RequestTarget target = RequestTarget.parse(Paths.decoded(req));
            if (target == null) {
                throw ApiException.notFound404();
            }
            req.setAttribute(RequestTarget.ATTRIBUTE, target); // for the request log: the path is parsed once
            if (target.isDiscovery()) {
                discovery.handle(target, req, resp, format);
                return;
            }
            resource(target, req, resp, format);
        } catch (ApiException e) {
            responder.status(resp, format, e);
        } catch (RuntimeException e) {
            log.error("unexpected failure on {} {}", req.getMethod(), req.getRequestURI(), e);
            responder.status(resp, format, ApiException.internal(String.valueOf(e.getMessage())));
        }
    }

    static Format format(HttpServletRequest req) {
        OutputFormat output = OutputFormat.negotiate(req.getHeader("Accept"));
        String ua = req.getHeader("User-Agent");
        String prettyParam = req.getParameter("pretty");
        boolean pretty = prettyParam != null ? !prettyParam.equals("false") && !prettyParam.equals("0")
                : ua != null && (ua.startsWith("curl") || ua.startsWith("Wget") || ua.startsWith("Mozilla/5.0"));
        String include = req.getParameter("includeObject");
        TableConverter.checkIncludeObject(include);
        return new Format(output, pretty, include);
    }

    private void resource(RequestTarget t, HttpServletRequest req, HttpServletResponse resp, Format f) throws IOException {
        ResourceStrategy<?> s = registry.catalog().find(t.group(), t.version(), t.resource())
                .orElseThrow(ApiException::notFound404);
        ResourceType type = s.type();
        if (!type.namespaced() && t.namespace() != null) {
            throw ApiException.notFound404();
        }
        if (t.name() != null) {
            Paths.checkName(t.name());
        }
        QueryParams q = new QueryParams(req);
        String method = req.getMethod();
        if (t.subresource() != null) {
            if (!type.subresources().contains(t.subresource()) || t.legacyWatch()) {
                throw ApiException.notFound404();
            }
            subresources.handle(s, t, req, resp, f, q);
            return;
        }
        if (t.name() == null || t.legacyWatch()) {
            collection(s, t, req, resp, f, q, method);
            return;
        }
        switch (method) {
            case "GET" -> responder.object(resp, f, 200, registry.get(s, t.namespace(), t.name()));
            case "PUT" -> responder.write(resp, f, registry.replace(s, t.namespace(), t.name(), Subresource.MAIN,
                    bodies.object(req, type), q.writeOptions("UpdateOptions")));
            case "PATCH" -> responder.write(resp, f, patch(s, t, req, q, Subresource.MAIN));
            case "DELETE" -> responder.write(resp, f, registry.delete(s, t.namespace(), t.name(), deleteOptions(req, q)));
            default -> throw methodNotAllowed();
        }
    }

    private void collection(ResourceStrategy<?> s, RequestTarget t, HttpServletRequest req, HttpServletResponse resp,
                            Format f, QueryParams q, String method) throws IOException {
        ResourceType type = s.type();
        switch (method) {
            case "GET" -> {
                boolean watch = t.legacyWatch() || q.has("watch") && q.flag("watch") || isEmptyWatch(q);
                ListOptions o = q.listOptions(watch);
                if (t.name() != null) {
                    o = nameWatch(o, t.name());
                }
                if (watch) {
                    watch(s, t, req, resp, f, o);
                } else {
                    responder.list(resp, f, registry.list(s, t.namespace(), o));
                }
            }
            case "POST" -> {
                if (type.namespaced() && t.namespace() == null) {
                    throw methodNotAllowed();
                }
                WriteOptions o = q.writeOptions("CreateOptions");
                responder.write(resp, f, registry.create(s, t.namespace(), bodies.object(req, type), o));
            }
            case "DELETE" -> {
                DeleteOptions d = deleteOptions(req, q);
                ApiList deleted = registry.deleteCollection(s, t.namespace(), q.listOptions(false), d);
                responder.list(resp, f, deleted);
            }
            default -> throw methodNotAllowed();
        }
    }

    private static boolean isEmptyWatch(QueryParams q) {
        String w = q.get("watch");
        return w != null && w.isEmpty();
    }

    private static ListOptions nameWatch(ListOptions o, String name) {
        String fs = o.fieldSelector();
        String byName = "metadata.name=" + io.kubesim.selection.FieldSelector.escapeValue(name);
        return o.withSelectors(o.labelSelector(), fs == null || fs.isEmpty() ? byName : fs + "," + byName);
    }

    private void watch(ResourceStrategy<?> s, RequestTarget t, HttpServletRequest req, HttpServletResponse resp,
                       Format f, ListOptions o) throws IOException {
        if (f.output().encoding() == OutputFormat.Encoding.YAML) {
            throw ApiException.notAcceptable(OutputFormat.NOT_ACCEPTABLE);
        }
        boolean webSocket = WebSocketWatches.requested(req);
        String subprotocol = webSocket ? WebSocketWatches.checkHandshake(req, resp) : null;
        String byName = requiredName(o);
        if (t.name() != null && byName != null && !byName.equals(t.name())) {
            throw ApiException.badRequest("fieldSelector metadata.name doesn't match requested name");
        }
        ApiWatch w = registry.watch(s, t.namespace(), o);
        var encoder = watchEncoders.encoder(s.type(), f);
        if (webSocket) {
            watches.upgrade(req, resp, s.type(), w, encoder, o.timeoutSeconds(), subprotocol);
        } else {
            watches.stream(req, resp, s.type(), w, encoder, o.timeoutSeconds(), "application/json");
        }
    }

    private static String requiredName(ListOptions o) {
        if (o.fieldSelector() == null || o.fieldSelector().isEmpty()) {
            return null;
        }
        try {
            return io.kubesim.selection.FieldSelector.parse(o.fieldSelector()).requiredValue("metadata.name").orElse(null);
        } catch (io.kubesim.selection.SelectorParseException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    WriteResult patch(ResourceStrategy<?> s, RequestTarget t, HttpServletRequest req, QueryParams q, Subresource sub)
            throws IOException {
        PatchType type = PatchType.of(req.getContentType());
        if (type == null) {
            throw ApiException.unsupportedMediaType(RequestBodies.UNKNOWN_PATCH);
        }
        WriteOptions o = q.writeOptions("PatchOptions");
        byte[] body = bodies.read(req);
        return registry.patch(s, t.namespace(), t.name(), sub, type, body, o);
    }

    DeleteOptions deleteOptions(HttpServletRequest req, QueryParams q) throws IOException {
        JsonNode body = bodies.deleteOptions(req);
        if (body == null || body.isNull() || body.isMissingNode()) {
            return q.deleteOptionsFromQuery();
        }
        return DeleteOptionsBody.parse(body, q.dryRun("DeleteOptions"));
    }

    static ApiException methodNotAllowed() {
        return ApiException.methodNotAllowed("the server does not allow this method on the requested resource");
    }
}
