package io.kubesim.api;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The servlet for {@code /api} and {@code /apis}: every request, whatever its method, goes straight to the
 * {@link ResourceEndpoint}, which answers unknown methods with the apiserver's 405 Status. Registered on its own
 * (not behind Spring MVC's dispatcher), so a request skips handler lookup by path patterns, argument resolution and
 * the reflective call, none of which the endpoint uses: it parses the path itself.
 */
final class ApiServlet extends HttpServlet {

    private final transient ResourceEndpoint endpoint;

    ApiServlet(ResourceEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        endpoint.handle(req, resp);
    }
}
