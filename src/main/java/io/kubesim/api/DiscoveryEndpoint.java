package io.kubesim.api;

import io.kubesim.api.openapi.ConditionalGet;
import io.kubesim.registry.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Serves {@code /api}, {@code /apis}, {@code /apis/{group}} and the group-version resource lists. */
final class DiscoveryEndpoint {

    static final String AGGREGATED_TYPE = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    private final Discovery discovery;
    private final Responder responder;
    private final JsonMapper json = JsonMapper.builder().build();
    /** The aggregated documents of /api (true) and /apis (false): the catalog is fixed once the server runs. */
    private final java.util.Map<Boolean, Aggregated> aggregatedDocuments = new java.util.concurrent.ConcurrentHashMap<>();

    private record Aggregated(byte[] body, String etag) {
    }

    DiscoveryEndpoint(Discovery discovery, Responder responder) {
        this.discovery = discovery;
        this.responder = responder;
    }

    void handle(RequestTarget t, HttpServletRequest req, HttpServletResponse resp, Format f) throws IOException {
        if (!req.getMethod().equals("GET") && !req.getMethod().equals("HEAD")) {
            throw ResourceEndpoint.methodNotAllowed();
        }
        JsonNode body;
        if (t.group() == null) {
            body = f.output().conversion() == OutputFormat.Conversion.DISCOVERY_V2 ? null : discovery.groupList();
            if (body == null) {
                aggregated(req, resp, false);
                return;
            }
        } else if (t.version() == null) {
            if (t.core()) {
                if (f.output().conversion() == OutputFormat.Conversion.DISCOVERY_V2) {
                    aggregated(req, resp, true);
                    return;
                }
                body = discovery.apiVersions(req.getServerName() + ":" + req.getServerPort());
            } else {
                body = discovery.group(t.group());
            }
        } else {
            body = discovery.resourceList(t.group(), t.version());
        }
        if (body == null) {
            throw ApiException.notFound404();
        }
        Format plain = f.forErrors();
        responder.tree(resp, plain, 200, body);
    }

    private void aggregated(HttpServletRequest req, HttpServletResponse resp, boolean core) throws IOException {
        Aggregated document = aggregatedDocuments.computeIfAbsent(core, c -> {
            byte[] body = json.writeValueAsBytes(discovery.aggregated(c));
            return new Aggregated(body, sha256(body));
        });
        ConditionalGet.write(req, resp, document.body(), document.etag(), AGGREGATED_TYPE, true);
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).toUpperCase();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
