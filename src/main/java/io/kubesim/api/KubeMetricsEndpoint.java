package io.kubesim.api;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * {@code GET /metrics}: every meter in the Prometheus text format (0.0.4, or OpenMetrics 1.0 when the Accept header
 * asks for {@code application/openmetrics-text}), unauthenticated, as kube-apiserver serves it. The meters are read
 * from memory only; the pod and node gauges are recounted first ({@link ClusterGauges#refresh()}).
 */
@RestController
public class KubeMetricsEndpoint {

    static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final PrometheusMeterRegistry prometheus;
    private final ClusterGauges gauges;

    KubeMetricsEndpoint(PrometheusMeterRegistry prometheus, ClusterGauges gauges) {
        this.prometheus = prometheus;
        this.gauges = gauges;
    }

    @GetMapping("/metrics")
    public void metrics(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String accept = req.getHeader("Accept");
        String type = accept != null && accept.contains("application/openmetrics-text") ? OPENMETRICS : TEXT;
        gauges.refresh();
        resp.setStatus(200);
        resp.setContentType(type);
        prometheus.scrape(resp.getOutputStream(), type);
    }
}
