package io.kubesim.api;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kubesim.registry.kinds.Kinds;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The request log lines (text and JSON) and the request metrics the same filter records. */
@ExtendWith(OutputCaptureExtension.class)
class RequestLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(RequestLog.LOGGER);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
        JsonRequestLines.uninstall();
    }

    private void run(boolean json, MockHttpServletRequest req, int code) throws Exception {
        RequestLog filter = new RequestLog(json, Kinds.catalog(), new RequestMetrics(meters), clock);
        MockHttpServletResponse resp = new MockHttpServletResponse();
        filter.doFilter(req, resp, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest q, jakarta.servlet.http.HttpServletResponse r) {
                r.setStatus(code);
            }
        }));
    }

    private static MockHttpServletRequest request(String method, String path, String query, String ua) {
        MockHttpServletRequest req = new MockHttpServletRequest(method, path);
        if (query != null) {
            req.setQueryString(query);
            for (String p : query.split("&")) {
                String[] kv = p.split("=", 2);
                req.addParameter(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        if (ua != null) {
            req.addHeader("User-Agent", ua);
        }
        return req;
    }

    @Test
    void textLinesNameTheVerbPathCodeLatencyAndUserAgent() throws Exception {
        run(false, request("GET", "/api/v1/namespaces/ns/pods", "labelSelector=app%3Dweb", "kubectl/v1.32.4"), 200);
        run(false, request("GET", "/healthz", null, null), 200);
        assertThat(lines.list).hasSize(2);
        assertThat(lines.list.get(0).getFormattedMessage())
                .matches("LIST /api/v1/namespaces/ns/pods\\?labelSelector=app%3Dweb 200 [0-9]+\\.[0-9]{3}ms \"kubectl/v1.32.4\"");
        assertThat(lines.list.get(1).getFormattedMessage()).matches("GET /healthz 200 [0-9.]+ms \"\"");
    }

    @Test
    void theTargetTheEndpointParsedIsUsedAsItIs() throws Exception {
        MockHttpServletRequest req = request("GET", "/api/v1/namespaces/ns/pods/web", null, "kubectl/v1.32.4");
        req.setAttribute(RequestTarget.ATTRIBUTE, RequestTarget.parse("/api/v1/namespaces/ns/pods"));
        run(false, req, 200);
        assertThat(lines.list.get(0).getFormattedMessage()).as("the attribute, not the path, names the verb")
                .startsWith("LIST /api/v1/namespaces/ns/pods/web 200");
    }

    @Test
    void latencyIsPrintedAsPercentThreeFWouldPrintIt() {
        long[] samples = {0, 1, 499, 500, 501, 999, 1_000, 1_499, 1_500, 12_345_678, 999_999_499L, 999_999_500L,
            60_000_000_000L, 123_456_789_012L};
        for (long nanos : samples) {
            assertThat(RequestLog.milliseconds(nanos)).as("%d ns", nanos)
                    .isEqualTo(new java.math.BigDecimal(nanos).movePointLeft(6)
                            .setScale(3, java.math.RoundingMode.HALF_UP).toPlainString());
        }
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 10_000; i++) {
            long nanos = (long) (random.nextDouble() * 10_000_000_000L);
            assertThat(RequestLog.milliseconds(nanos)).as("%d ns", nanos)
                    .isEqualTo(new java.math.BigDecimal(nanos).movePointLeft(6)
                            .setScale(3, java.math.RoundingMode.HALF_UP).toPlainString());
        }
    }

    @Test
    void jsonLinesAreOneObjectEachWithEscapedValues() throws Exception {
        run(true, request("POST", "/apis/apps/v1/namespaces/ns/replicasets", null, "odd \"agent\"\nline"), 201);
        run(true, request("PUT", "/apis/apps/v1/namespaces/ns/replicasets/web/scale", null, "curl/8"), 409);
        JsonNode first = JsonMapper.builder().build().readTree(lines.list.get(0).getFormattedMessage());
        assertThat(first.get("time").stringValue()).isEqualTo("2026-11-27T10:00:00Z");
        assertThat(first.get("verb").stringValue()).isEqualTo("POST");
        assertThat(first.get("path").stringValue()).isEqualTo("/apis/apps/v1/namespaces/ns/replicasets");
        assertThat(first.get("code").intValue()).isEqualTo(201);
        assertThat(first.get("latencyMs").isNumber()).isTrue();
        assertThat(first.get("userAgent").stringValue()).isEqualTo("odd \"agent\"\nline");
        assertThat(first.get("resource").stringValue()).isEqualTo("replicasets");
        assertThat(lines.list.get(0).getFormattedMessage()).doesNotContain("\n");
        JsonNode second = JsonMapper.builder().build().readTree(lines.list.get(1).getFormattedMessage());
        assertThat(second.get("subresource").stringValue()).isEqualTo("scale");
        assertThat(second.get("code").intValue()).isEqualTo(409);
    }

    @Test
    void jsonFormatPrintsBareLinesOnStandardOutput(CapturedOutput out) throws Exception {
        JsonRequestLines.install();
        JsonRequestLines.install();
        assertThat(logger.isAdditive()).isFalse();
        run(true, request("DELETE", "/api/v1/namespaces/ns/configmaps", null, "newman/6.2.2"), 200);
        String line = out.getOut().lines().filter(l -> l.contains("newman/6.2.2")).findFirst().orElseThrow();
        assertThat(line).startsWith("{\"time\":").endsWith("}");
        assertThat(JsonMapper.builder().build().readTree(line).get("verb").stringValue()).isEqualTo("DELETECOLLECTION");
        JsonRequestLines.uninstall();
        assertThat(logger.isAdditive()).isTrue();
        assertThat(logger.getAppender(JsonRequestLines.APPENDER)).isNull();
    }

    @Test
    void theSameFilterCountsAndTimesRequests() throws Exception {
        run(false, request("GET", "/api/v1/namespaces/ns/pods/p", null, null), 404);
        run(false, request("GET", "/api/v1/namespaces/ns/pods/p", null, null), 404);
        assertThat(meters.get("apiserver.request").tags("verb", "GET", "resource", "pods", "scope", "resource",
                "code", "404", "component", "apiserver").counter().count()).isEqualTo(2.0);
        assertThat(meters.get("apiserver.request.duration").tags("verb", "GET", "resource", "pods").timer().count())
                .isEqualTo(2);
    }
}
