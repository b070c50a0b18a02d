package io.kubesim.api;

import io.kubesim.registry.ResourceRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code /version}, the health endpoints and the root path index. */
@RestController
public class ServerEndpoints {

    static final String GIT_VERSION = "v1.32.4+kubesim";

    private static final List<String> ROOT_PATHS = List.of("/api", "/api/v1", "/apis", "/healthz", "/livez",
            "/metrics", "/openapi/v2", "/openapi/v3", "/readyz", "/version");

    private final ResourceRegistry registry;
    private final JsonMapper json = JsonMapper.builder().build();

    ServerEndpoints(ResourceRegistry registry) {
        this.registry = registry;
    }

    @GetMapping(path = "/version", produces = "application/json")
    public String version() {
        ObjectNode n = json.createObjectNode();
        n.put("major", "1");
        n.put("minor", "32");
        n.put("emulationMajor", "1");
        n.put("emulationMinor", "32");
        n.put("minCompatibilityMajor", "1");
        n.put("minCompatibilityMinor", "31");
        n.put("gitVersion", GIT_VERSION);
        n.put("gitCommit", "kubesim");
        n.put("gitTreeState", "clean");
        n.put("buildDate", "2026-11-27T00:00:00Z");
        n.put("goVersion", "go1.23.8");
        n.put("compiler", "gc");
        n.put("platform", "linux/amd64");
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(n);
    }

    @GetMapping(path = {"/healthz", "/livez", "/readyz", "/healthz/{check}", "/livez/{check}", "/readyz/{check}"})
    public void health(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        String endpoint = path.substring(1).split("/")[0];
        List<String> checks = List.of("ping", "log", "etcd", "informer-sync", "poststarthook/start-kubesim-controllers");
        String single = path.contains("/") && path.lastIndexOf('/') > 0 ? path.substring(path.indexOf('/', 1) + 1) : null;
        boolean ready = registry.revision() > 0;
        StringBuilder body = new StringBuilder();
        if (single != null) {
            body.append(checks.contains(single) ? "ok" : "");
            write(resp, checks.contains(single) ? 200 : 404, checks.contains(single) ? "ok" : "404 page not found\n");
            return;
        }
        if (req.getParameter("verbose") != null) {
            List<String> excluded = req.getParameterValues("exclude") == null ? List.of()
                    : List.of(req.getParameterValues("exclude"));
            for (String c : checks) {
                body.append("[+]").append(c).append(excluded.contains(c) ? " excluded: ok\n" : " ok\n");
            }
            body.append(endpoint).append(" check passed\n");
            write(resp, ready ? 200 : 500, body.toString());
            return;
        }
        write(resp, ready ? 200 : 500, ready ? "ok" : "[-]etcd failed: reason withheld\n" + endpoint + " check failed\n");
    }

    private static void write(HttpServletResponse resp, int code, String body) throws IOException {
        resp.setStatus(code);
        resp.setContentType("text/plain; charset=utf-8");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    @RequestMapping(path = "/")
    public void root(HttpServletResponse resp) throws IOException {
        ObjectNode n = json.createObjectNode();
        ArrayNode paths = n.putArray("paths");
        ROOT_PATHS.forEach(paths::add);
        resp.setStatus(200);
        resp.setContentType("application/json");
        resp.getOutputStream().write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
    }
}
