package io.kubesim.api;

import io.kubesim.registry.ResourceCatalog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Clock;

/**
 * One log line per request (verb, path, code, latency, user agent) and the request metrics
 * ({@link RequestMetrics}). The verb is the apiserver's ({@code LIST}, {@code WATCH}, {@code POST}, ...). Lines go to
 * the {@code io.kubesim.requests} logger at INFO, as text or, with {@code kubesim.logging.requests-format=json}, as
 * one JSON object per line ({@link JsonRequestLines} then prints them without the log pattern). A watch is logged and
 * counted when its stream starts.
 */
final class RequestLog extends OncePerRequestFilter {

    static final String LOGGER = "io.kubesim.requests";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final boolean json;
    private final ResourceCatalog catalog;
    private final RequestMetrics metrics;
    private final Clock clock;

    RequestLog(boolean json, ResourceCatalog catalog, RequestMetrics metrics, Clock clock) {
        this.json = json;
        this.catalog = catalog;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(req, resp);
        } finally {
            long nanos = System.nanoTime() - start;
            RequestLabels labels = labels(req);
            int code = resp.getStatus();
            metrics.record(labels, code, nanos);
            if (log.isInfoEnabled()) {
                String path = req.getQueryString() == null ? req.getRequestURI() : req.getRequestURI() + "?" + req.getQueryString();
                String ua = req.getHeader("User-Agent");
                String verb = labels.resource().isEmpty() ? req.getMethod() : labels.verb();
                log.info(json ? jsonLine(verb, path, code, nanos, ua, labels) : textLine(verb, path, code, nanos, ua));
            }
        }
    }

    private RequestLabels labels(HttpServletRequest req) {
        try {
            return req.getAttribute(RequestTarget.ATTRIBUTE) instanceof RequestTarget parsed
                    ? RequestLabels.of(req.getMethod(), parsed, req.getParameter("watch"), req.getContentType(),
                    req.getParameter("dryRun"), catalog)
                    : RequestLabels.of(req.getMethod(), Paths.decoded(req), req.getParameter("watch"),
                    req.getContentType(), req.getParameter("dryRun"), catalog);
        } catch (RuntimeException e) {
            return RequestLabels.nonResource(req.getMethod());
        }
    }

    static String textLine(String verb, String path, int code, long nanos, String ua) {
        return verb + " " + path + " " + code + " " + milliseconds(nanos) + "ms \"" + (ua == null ? "" : ua) + "\"";
    }

    /** {@code nanos} in milliseconds with three decimals, rounded half up (as {@code %.3f}, without a Formatter). */
    static String milliseconds(long nanos) {
        long micros = (nanos + 500) / 1000;
        String frac = Long.toString(micros % 1000);
        return micros / 1000 + "." + "000".substring(frac.length()) + frac;
    }

    String jsonLine(String verb, String path, int code, long nanos, String ua, RequestLabels labels) {
        ObjectNode n = JSON.createObjectNode();
        n.put("time", clock.instant().toString());
        n.put("verb", verb);
        n.put("path", path);
        n.put("code", code);
        n.put("latencyMs", Math.round(nanos / 1e3) / 1e3);
        n.put("userAgent", ua == null ? "" : ua);
        if (!labels.resource().isEmpty()) {
            n.put("resource", labels.resource());
            if (!labels.subresource().isEmpty()) {
                n.put("subresource", labels.subresource());
            }
        }
        return JSON.writeValueAsString(n);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }
}
