package io.kubesim.api;

import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.kubesim.registry.ApiException;
import io.kubesim.registry.PatchType;
import io.kubesim.registry.ResourceRegistry;
import io.kubesim.registry.ResourceStrategy;
import io.kubesim.registry.ResourceType;
import io.kubesim.registry.Subresource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** The subresources: {@code status}, {@code scale} and the kind-specific ones. */
final class SubresourceHandlers {

    /** What a {@code scale} PUT body is: an autoscaling/v1 Scale, whatever the parent kind. */
    static final ResourceType SCALE = ResourceType.of("autoscaling", "v1", "Scale", "scale", Scale.class).build();

    private final ResourceRegistry registry;
    private final Responder responder;
    private final RequestBodies bodies;
    private final PodSubresources pods;

    SubresourceHandlers(ResourceRegistry registry, Responder responder, RequestBodies bodies, PodSubresources pods) {
        this.registry = registry;
        this.responder = responder;
        this.bodies = bodies;
        this.pods = pods;
    }

    void handle(ResourceStrategy<?> s, RequestTarget t, HttpServletRequest req, HttpServletResponse resp, Format f,
                QueryParams q) throws IOException {
        String method = req.getMethod();
        switch (t.subresource()) {
            case "status", "finalize" -> status(s, t, req, resp, f, q, method);
            case "scale" -> scale(s, t, req, resp, f, q, method);
            case "log" -> pods.log(t, req, resp, q);
            case "eviction" -> pods.evict(t, req, resp, f, q);
            case "binding" -> pods.bind(t, req, resp, f, q);
            default -> throw ApiException.notFound404();
        }
    }

    private void status(ResourceStrategy<?> s, RequestTarget t, HttpServletRequest req, HttpServletResponse resp,
                        Format f, QueryParams q, String method) throws IOException {
        Subresource sub = t.subresource().equals("finalize") ? Subresource.FINALIZE : Subresource.STATUS;
        switch (method) {
            case "GET" -> {
                if (t.subresource().equals("finalize")) {
                    throw ResourceEndpoint.methodNotAllowed();
                }
                responder.object(resp, f, 200, registry.get(s, t.namespace(), t.name()));
            }
            case "PUT" -> responder.write(resp, f, registry.replace(s, t.namespace(), t.name(), sub,
                    bodies.object(req, s.type()), q.writeOptions("UpdateOptions")));
            case "PATCH" -> {
                if (t.subresource().equals("finalize")) {
                    throw ResourceEndpoint.methodNotAllowed();
                }
                PatchType type = PatchType.of(req.getContentType());
                if (type == null) {
                    throw ApiException.unsupportedMediaType(RequestBodies.UNKNOWN_PATCH);
                }
                responder.write(resp, f, registry.patch(s, t.namespace(), t.name(), sub, type, bodies.read(req),
                        q.writeOptions("PatchOptions")));
            }
            default -> throw ResourceEndpoint.methodNotAllowed();
        }
    }

    private void scale(ResourceStrategy<?> s, RequestTarget t, HttpServletRequest req, HttpServletResponse resp,
                       Format f, QueryParams q, String method) throws IOException {
        switch (method) {
            case "GET" -> responder.object(resp, f, 200, registry.getScale(s, t.namespace(), t.name()));
            case "PUT" -> responder.write(resp, f, registry.replaceScale(s, t.namespace(), t.name(),
                    bodies.object(req, SCALE), q.writeOptions("UpdateOptions")));
            case "PATCH" -> {
                PatchType type = PatchType.of(req.getContentType());
                if (type == null || type == PatchType.APPLY) {
                    throw ApiException.unsupportedMediaType(RequestBodies.UNKNOWN_PATCH);
                }
                responder.write(resp, f, registry.patchScale(s, t.namespace(), t.name(), type, bodies.read(req),
                        q.writeOptions("PatchOptions")));
            }
            default -> throw ResourceEndpoint.methodNotAllowed();
        }
    }
}
