package io.kubesim.e2e;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.kubesim.support.ApiTestBase;
import io.kubesim.support.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code openapi.yaml} honest: real traffic (creates, reads, lists with selectors, the three patch types,
 * scale and status subresources, deletes, discovery, health, and the error answers 400/404/405/409/415/422) is sent
 * to the running server and every request/response pair is checked against the contract with Atlassian's
 * swagger-request-validator: the path and method must exist, parameters and bodies must match, the status code must
 * be documented and the response body must match its schema.
 */
class ContractTrafficTest extends ApiTestBase {

    private static OpenApiInteractionValidator validator;

    private final List<String> problems = new ArrayList<>();
    private int exchanges;

    @BeforeAll
    static void contract() throws IOException {
        try (InputStream in = ContractTrafficTest.class.getClassLoader().getResourceAsStream("kubesim/openapi.yaml")) {
            assertThat(in).as("openapi.yaml on the classpath").isNotNull();
            validator = OpenApiInteractionValidator
                    .createForInlineApiSpecification(new String(in.readAllBytes(), StandardCharsets.UTF_8)).build();
        }
    }

    /** Sends one request and checks the exchange against the contract. */
    private Http.Response send(String method, String pathAndQuery, String contentType, String body, int expectedCode) {
        return send(method, pathAndQuery, contentType, body, expectedCode, true);
    }

    /** A request the contract rejects on purpose (to provoke an error): only the answer is checked. */
    private Http.Response sendInvalid(String method, String pathAndQuery, String contentType, String body, int expectedCode) {
        return send(method, pathAndQuery, contentType, body, expectedCode, false);
    }

    private Http.Response send(String method, String pathAndQuery, String contentType, String body, int expectedCode,
                               boolean checkRequest) {
        String accept = pathAndQuery.startsWith("/api") || pathAndQuery.startsWith("/version") ? "application/json"
                : "text/plain";
        Http.Response r = http.send(method, pathAndQuery, contentType, body, Map.of("Accept", accept));
        assertThat(r.code()).as(method + " " + pathAndQuery + ": " + r.body()).isEqualTo(expectedCode);
        int q = pathAndQuery.indexOf('?');
        SimpleRequest.Builder req = new SimpleRequest.Builder(Request.Method.valueOf(method),
                q < 0 ? pathAndQuery : pathAndQuery.substring(0, q)).withAccept(accept);
        if (q >= 0) {
            query(pathAndQuery.substring(q + 1)).forEach(req::withQueryParam);
        }
        if (body != null) {
            req.withContentType(contentType).withBody(body);
        }
        SimpleResponse.Builder resp = SimpleResponse.Builder.status(r.code());
        if (r.header("Content-Type") != null) {
            resp.withContentType(r.header("Content-Type"));
        }
        if (!r.body().isEmpty()) {
            resp.withBody(r.body());
        }
        ValidationReport report = checkRequest ? validator.validate(req.build(), resp.build())
                : validator.validateResponse(req.build().getPath(), req.build().getMethod(), resp.build());
        exchanges++;
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) {
                problems.add(method + " " + pathAndQuery + " -> " + r.code() + ": [" + m.getKey() + "] " + m.getMessage());
            }
        }
        return r;
    }

    private static Map<String, List<String>> query(String q) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static final String JSON = "application/json";

    private static String pod(String name, String app) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\",\"labels\":{\"app\":\"" + app
                + "\"}},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx:1.27\",\"ports\":[{\"containerPort\":80}]}]}}";
    }

    private static String replicaSet(String name, int replicas) {
        return "{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{"
                + "\"replicas\":" + replicas + ",\"selector\":{\"matchLabels\":{\"app\":\"" + name + "\"}},\"template\":{"
                + "\"metadata\":{\"labels\":{\"app\":\"" + name + "\"}},\"spec\":{\"containers\":[{\"name\":\"c\","
                + "\"image\":\"nginx:1.27\"}]}}}}";
    }

    private static String deployment(String name) {
        return "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{"
                + "\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"" + name + "\"}},\"strategy\":{\"type\":"
                + "\"RollingUpdate\",\"rollingUpdate\":{\"maxSurge\":\"25%\",\"maxUnavailable\":1}},\"template\":{"
                + "\"metadata\":{\"labels\":{\"app\":\"" + name + "\"}},\"spec\":{\"containers\":[{\"name\":\"c\","
                + "\"image\":\"nginx:1.27\",\"resources\":{\"requests\":{\"cpu\":\"100m\",\"memory\":\"64Mi\"}}}]}}}}";
    }

    @Test
    void everyExchangeOfARealSessionMatchesTheContract() {
        String ns = namespace;
        String pods = "/api/v1/namespaces/" + ns + "/pods";
        String rss = "/apis/apps/v1/namespaces/" + ns + "/replicasets";
        String deps = "/apis/apps/v1/namespaces/" + ns + "/deployments";

        send("GET", "/api", null, null, 200);
        send("GET", "/api/v1", null, null, 200);
        send("GET", "/apis", null, null, 200);
        send("GET", "/apis/apps/v1", null, null, 200);
        send("GET", "/version", null, null, 200);
        send("GET", "/api/v1/namespaces/" + ns, null, null, 200);
        send("GET", "/api/v1/namespaces?labelSelector=kubernetes.io%2Fmetadata.name%3D" + ns, null, null, 200);

        send("POST", pods, JSON, pod("web-1", "web"), 201);
        send("POST", pods + "?dryRun=All&fieldManager=contract", JSON, pod("dry", "web"), 201);
        send("POST", pods, JSON, "{\"metadata\":{\"generateName\":\"gen-\",\"labels\":{\"app\":\"db\"}},"
                + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"redis\"}]}}", 201);
        send("GET", pods + "/web-1", null, null, 200);
        send("GET", pods + "?labelSelector=app%3Dweb&limit=10", null, null, 200);
        send("GET", pods + "?fieldSelector=status.phase%3DPending", null, null, 200);
        send("GET", "/api/v1/pods?labelSelector=app%20in%20(web,db)", null, null, 200);
        send("PATCH", pods + "/web-1", "application/merge-patch+json", "{\"metadata\":{\"labels\":{\"tier\":\"front\"}}}", 200);
        send("PATCH", pods + "/web-1", "application/strategic-merge-patch+json",
                "{\"metadata\":{\"annotations\":{\"note\":\"smp\"}}}", 200);
        send("PATCH", pods + "/web-1", "application/json-patch+json",
                "[{\"op\":\"add\",\"path\":\"/metadata/labels/patched\",\"value\":\"yes\"}]", 200);
        String current = send("GET", pods + "/web-1", null, null, 200).json().toString();
        send("PUT", pods + "/web-1", JSON, current, 200);
        send("GET", pods + "/web-1/status", null, null, 200);
        send("DELETE", pods + "/web-1?gracePeriodSeconds=0", null, null, 200);

        send("POST", rss, JSON, replicaSet("web", 2), 201);
        send("GET", rss + "/web", null, null, 200);
        send("GET", rss + "/web/scale", null, null, 200);
        send("PUT", rss + "/web/scale", JSON, "{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"Scale\",\"metadata\":{"
                + "\"name\":\"web\",\"namespace\":\"" + ns + "\"},\"spec\":{\"replicas\":4}}", 200);
        send("PATCH", rss + "/web/scale", "application/merge-patch+json", "{\"spec\":{\"replicas\":3}}", 200);
        send("GET", rss + "/web/status", null, null, 200);
        send("GET", "/apis/apps/v1/replicasets", null, null, 200);
        send("DELETE", rss + "/web", JSON, "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\","
                + "\"propagationPolicy\":\"Background\"}", 200);

        send("POST", deps, JSON, deployment("api"), 201);
        send("GET", deps + "/api", null, null, 200);
        send("PATCH", deps + "/api/scale", "application/merge-patch+json", "{\"spec\":{\"replicas\":1}}", 200);
        send("GET", deps + "?watch=false", null, null, 200);
        send("DELETE", deps, null, null, 200);

        send("GET", "/api/v1/nodes", null, null, 200);
        send("POST", "/api/v1/nodes", JSON, "{\"metadata\":{\"name\":\"contract-" + ns + "\",\"labels\":{"
                + "\"kubernetes.io/hostname\":\"contract\"}},\"spec\":{\"unschedulable\":true}}", 201);
        send("GET", "/api/v1/nodes/contract-" + ns, null, null, 200);
        send("DELETE", "/api/v1/nodes/contract-" + ns, null, null, 200);

        send("POST", "/api/v1/namespaces/" + ns + "/configmaps", JSON,
                "{\"metadata\":{\"name\":\"cfg\"},\"data\":{\"k\":\"v\"}}", 201);
        send("POST", "/api/v1/namespaces/" + ns + "/services", JSON, "{\"metadata\":{\"name\":\"svc\"},\"spec\":{"
                + "\"selector\":{\"app\":\"web\"},\"ports\":[{\"port\":80,\"targetPort\":8080}]}}", 201);
        send("GET", "/api/v1/namespaces/" + ns + "/endpoints", null, null, 200);

        // errors: every one a Status the contract documents
        send("GET", pods + "/missing", null, null, 404);
        send("POST", pods, JSON, pod("gen-dup", "x"), 201);
        send("POST", pods, JSON, pod("gen-dup", "x"), 409);
        sendInvalid("POST", pods, JSON, "{\"metadata\":{\"name\":\"bad\"},\"spec\":{\"containers\":[]}}", 422);
        sendInvalid("POST", pods, JSON, "{\"metadata\":{\"name\":\"strict\"},\"spec\":{\"containers\":[{\"name\":\"c\","
                + "\"image\":\"x\"}],\"bogus\":1}}", 201);
        sendInvalid("GET", pods + "?labelSelector=%3Dx", null, null, 400);
        sendInvalid("PATCH", pods + "/gen-dup", "text/plain", "x", 415);
        send("PUT", rss + "/missing", JSON, replicaSet("missing", 1), 404);
        send("POST", "/api/v1/namespaces/nope-" + ns + "/configmaps", JSON, "{\"metadata\":{\"name\":\"x\"}}", 404);

        send("GET", "/healthz", null, null, 200);
        send("GET", "/readyz", null, null, 200);
        send("DELETE", "/api/v1/namespaces/" + ns, null, null, 200);

        assertThat(exchanges).isGreaterThanOrEqualTo(50);
        assertThat(problems).as("exchanges that do not match openapi.yaml").isEmpty();
    }

    @Test
    void theValidatorCatchesAnswersTheContractDoesNotDescribe() {
        Request get = SimpleRequest.Builder.get("/api/v1/namespaces/default/pods/x").build();
        ValidationReport wrongType = validator.validateResponse(get.getPath(), get.getMethod(), SimpleResponse.Builder
                .status(200).withContentType(JSON).withBody("{\"kind\":\"Pod\",\"metadata\":{\"name\":5}}").build());
        assertThat(wrongType.getMessages()).anySatisfy(m -> assertThat(m.getMessage()).contains("/metadata/name"));
        ValidationReport undocumentedCode = validator.validateResponse(get.getPath(), get.getMethod(),
                SimpleResponse.Builder.status(418).withContentType(JSON).withBody("{}").build());
        assertThat(undocumentedCode.hasErrors()).isTrue();
        ValidationReport unknownField = validator.validateResponse(get.getPath(), get.getMethod(), SimpleResponse.Builder
                .status(200).withContentType(JSON).withBody("{\"kind\":\"Pod\",\"spec\":{\"containers\":[],\"extra\":1}}").build());
        assertThat(unknownField.hasErrors()).as("fields the schema does not list").isTrue();
    }
}
