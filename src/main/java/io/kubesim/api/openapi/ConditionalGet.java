package io.kubesim.api.openapi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Answers a GET of a document with an ETag: 304 when the client's {@code If-None-Match} names it, else 200 with the
 * body (the discovery and OpenAPI endpoints, which kubectl's HTTP cache revalidates).
 */
public final class ConditionalGet {

    private ConditionalGet() {
    }

    /**
     * @param hash        the body's digest, quoted as the ETag
     * @param varyAccept  whether the representation depends on the Accept header
     */
    public static void write(HttpServletRequest req, HttpServletResponse resp, byte[] body, String hash,
                             String contentType, boolean varyAccept) throws IOException {
        String etag = "\"" + hash + "\"";
        resp.setHeader("ETag", etag);
        if (varyAccept) {
            resp.setHeader("Vary", "Accept");
        }
        if (etag.equals(req.getHeader("If-None-Match"))) {
            resp.setStatus(304);
            return;
        }
        resp.setStatus(200);
        resp.setContentType(contentType);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
