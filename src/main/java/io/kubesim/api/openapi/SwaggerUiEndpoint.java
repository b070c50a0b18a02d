package io.kubesim.api.openapi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Swagger UI on the contract: {@code GET /openapi.yaml} is the checked-in {@code openapi.yaml} (packed into the jar
 * by the build; rendered from the catalog when run without it), {@code /swagger-ui} redirects to
 * {@code /swagger-ui/index.html}, and the files under {@code /swagger-ui/} come from the {@code org.webjars:swagger-ui}
 * jar, except {@code swagger-initializer.js}, which points the UI at {@code /openapi.yaml} and sends "Try it out"
 * requests to the server that served the page (the document names the default address).
 */
@RestController
public class SwaggerUiEndpoint {

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String CONTRACT = "kubesim/openapi.yaml";
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "png", "image/png",
            "txt", "text/plain; charset=utf-8", "map", "application/json");

    private final String version = webjarVersion();
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();
    private volatile byte[] contract;

    @GetMapping({"/swagger-ui", "/swagger-ui/"})
    public void redirect(HttpServletResponse resp) {
        resp.setStatus(302);
        resp.setHeader("Location", "/swagger-ui/index.html");
    }

    @GetMapping("/swagger-ui/{file}")
    public void file(@PathVariable String file, HttpServletResponse resp) throws IOException {
        int dot = file.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(file.substring(dot + 1));
        byte[] body = !FILE.matcher(file).matches() || type == null ? null
                : file.equals("swagger-initializer.js") ? initializer() : webjarFile(file);
        if (body == null) {
            resp.setStatus(404);
            resp.setContentType("text/plain; charset=utf-8");
            resp.getOutputStream().write("404 page not found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        resp.setStatus(200);
        resp.setContentType(type);
        resp.setHeader("Cache-Control", "public, max-age=3600");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    @GetMapping("/openapi.yaml")
    public void contract(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] body = contract();
        ConditionalGet.write(req, resp, body, OpenApiDocuments.sha512(body), "application/yaml", false);
    }

    private byte[] contract() {
        byte[] c = contract;
        if (c == null) {
            c = resource(CONTRACT);
            if (c == null) {
                c = OpenApiContract.render().getBytes(StandardCharsets.UTF_8);
            }
            contract = c;
        }
        return c;
    }

    /** A file of the webjar (cached once read; misses are not cached, so unknown names cannot grow the cache). */
    private byte[] webjarFile(String file) {
        byte[] cached = cache.get(file);
        if (cached != null || version == null) {
            return cached;
        }
        byte[] b = resource(WEBJAR + version + "/" + file);
        if (b != null) {
            cache.put(file, b);
        }
        return b;
    }

    private static byte[] initializer() {
        return """
                window.onload = function () {
                  // kubesim: the contract of this server; "Try it out" goes to the server that served this page
                  window.ui = SwaggerUIBundle({
                    url: "/openapi.yaml",
                    dom_id: "#swagger-ui",
                    deepLinking: true,
                    docExpansion: "none",
                    defaultModelsExpandDepth: -1,
                    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
                    layout: "StandaloneLayout",
                    requestInterceptor: function (req) {
                      req.url = req.url.replace(/^https?:\\/\\/127\\.0\\.0\\.1:8080/, window.location.origin);
                      return req;
                    }
                  });
                };
                """.getBytes(StandardCharsets.UTF_8);
    }

    private static String webjarVersion() {
        byte[] pom = resource("META-INF/maven/org.webjars/swagger-ui/pom.properties");
        if (pom == null) {
            return null;
        }
        Properties p = new Properties();
        try {
            p.load(new java.io.ByteArrayInputStream(pom));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private static byte[] resource(String name) {
        try (InputStream in = SwaggerUiEndpoint.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
