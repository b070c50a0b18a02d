package io.kubesim.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Paths that are neither API nor known non-resource URLs: 404 with the root index, as the apiserver does. */
@RestController
@Order(Ordered.LOWEST_PRECEDENCE)
public class FallbackEndpoint {

    @RequestMapping(path = "/**")
    public void notFound(HttpServletResponse resp) throws IOException {
        resp.setStatus(404);
        resp.setContentType("application/json");
        resp.getOutputStream().write(("{\n  \"paths\": [\n    \"/api\",\n    \"/api/v1\",\n    \"/apis\",\n"
                + "    \"/healthz\",\n    \"/livez\",\n    \"/metrics\",\n    \"/openapi/v2\",\n    \"/openapi/v3\",\n"
                + "    \"/readyz\",\n    \"/version\"\n  ]\n}").getBytes(StandardCharsets.UTF_8));
    }
}
