package io.kubesim.api.openapi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Serves the OpenAPI documents as kube-apiserver does ({@code kube-openapi/pkg/handler3}):
 * <ul>
 *   <li>{@code GET /openapi/v3}: the index, JSON;</li>
 *   <li>{@code GET /openapi/v3/<key>}: one document, JSON. With {@code ?hash=} equal to the current hash the answer
 *       is immutable ({@code Cache-Control: public, immutable}, {@code Expires} a year ahead); with another hash it
 *       is a 301 to the current URL; an unknown key is a 404 Status. Both answer 304 to a matching
 *       {@code If-None-Match} and 406 when the Accept header excludes JSON (protobuf is not offered);</li>
 *   <li>{@code GET /openapi/v2}: {@link OpenApiV2}, paths and parameters without schemas (kubectl 1.27 and 1.28
 *       need it to leave validation to the server).</li>
 * </ul>
 */
@RestController
public class OpenApiEndpoint {

    private static final String JSON = "application/json";

    private final RenderedOpenApi openApi;
    private final Clock clock;

    OpenApiEndpoint(RenderedOpenApi openApi, Clock clock) {
        this.openApi = openApi;
        this.clock = clock;
    }

    @GetMapping("/openapi/v3")
    public void index(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!acceptsJson(req.getHeader("Accept"))) {
            notAcceptable(resp);
            return;
        }
        byte[] body = openApi.v3().index();
        serve(req, resp, body, OpenApiDocuments.sha512(body));
    }

    @GetMapping("/openapi/v3/**")
    public void document(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String key = req.getRequestURI().substring(OpenApiDocuments.PREFIX.length());
        Optional<OpenApiDocuments.Document> doc = openApi.v3().document(key);
        if (doc.isEmpty()) {
            status(resp, 404, "NotFound", "the server could not find the requested resource");
            return;
        }
        if (!acceptsJson(req.getHeader("Accept"))) {
            notAcceptable(resp);
            return;
        }
        String hash = req.getParameter("hash");
        String current = doc.get().hash();
        if (hash != null && !hash.isEmpty()) {
            if (!hash.equals(current)) {
                resp.setStatus(301);
                resp.setHeader("Location", doc.get().serverRelativeUrl());
                return;
            }
            resp.setHeader("Cache-Control", "public, immutable");
            resp.setHeader("Expires", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(clock).plusYears(1)));
        }
        serve(req, resp, doc.get().json(), current);
    }

    /** Swagger 2.0 without schemas: gnostic protobuf when asked for (kubectl), JSON otherwise. */
    @GetMapping("/openapi/v2")
    public void v2(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String accept = req.getHeader("Accept");
        boolean protobuf = accept != null && (accept.contains(OpenApiV2.PROTOBUF)
                || accept.contains(OpenApiV2.PROTOBUF_CONTENT_TYPE));
        byte[] body = protobuf ? openApi.v2().protobuf() : openApi.v2().json();
        if (!protobuf && !acceptsJson(accept)) {
            notAcceptable(resp);
            return;
        }
        ConditionalGet.write(req, resp, body, OpenApiDocuments.sha512(body),
                protobuf ? OpenApiV2.PROTOBUF_CONTENT_TYPE : JSON, true);
    }

    private static void serve(HttpServletRequest req, HttpServletResponse resp, byte[] body, String hash)
            throws IOException {
        ConditionalGet.write(req, resp, body, hash, JSON, true);
    }

    /** Whether an Accept header admits JSON: absent, or a clause for JSON or a wildcard without {@code q=0}. */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String clause : accept.split(",")) {
            String[] parts = clause.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                refused |= parts[i].replace(" ", "").matches("q=0(\\.0*)?");
            }
            if (!refused && (type.equals(JSON) || type.equals("*/*") || type.equals("application/*"))) {
                return true;
            }
        }
        return false;
    }

    private static void notAcceptable(HttpServletResponse resp) throws IOException {
        status(resp, 406, "NotAcceptable", "only the following media types are accepted: application/json");
    }

    private static void status(HttpServletResponse resp, int code, String reason, String message) throws IOException {
        String body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\""
                + message + "\",\"reason\":\"" + reason + "\",\"details\":{},\"code\":" + code + "}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(code);
        resp.setContentType(JSON);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
