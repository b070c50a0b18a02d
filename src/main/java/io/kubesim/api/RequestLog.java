package io.kubesim.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * One log line per request (verb, path, code, latency, user agent), as text or JSON
 * ({@code kubesim.logging.requests-format}). Logged at INFO on the {@code io.kubesim.requests} logger;
 * watches are logged when they start.
 */
final class RequestLog extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("io.kubesim.requests");

    private final boolean json;

    RequestLog(boolean json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(req, resp);
        } finally {
            if (log.isInfoEnabled()) {
                long micros = (System.nanoTime() - start) / 1000;
                String path = req.getQueryString() == null ? req.getRequestURI() : req.getRequestURI() + "?" + req.getQueryString();
                String verb = req.isAsyncStarted() ? "WATCH" : req.getMethod();
                String ua = req.getHeader("User-Agent");
                log.info(json ? jsonLine(verb, path, resp.getStatus(), micros, ua) : textLine(verb, path, resp.getStatus(), micros, ua));
            }
        }
    }

    private static String textLine(String verb, String path, int code, long micros, String ua) {
        return verb + " " + path + " " + code + " " + String.format("%.3fms", micros / 1000.0) + " \"" + ua + "\"";
    }

    private static String jsonLine(String verb, String path, int code, long micros, String ua) {
        return "{\"verb\":\"" + esc(verb) + "\",\"path\":\"" + esc(path) + "\",\"code\":" + code + ",\"latencyMs\":"
                + String.format("%.3f", micros / 1000.0) + ",\"userAgent\":\"" + esc(ua) + "\"}";
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }
}
