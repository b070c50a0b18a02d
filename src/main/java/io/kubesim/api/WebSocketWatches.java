package io.kubesim.api;

import io.kubesim.registry.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The WebSocket handshake of a watch, checked as kube-apiserver checks it (its watch handler serves WebSockets with
 * {@code golang.org/x/net/websocket}): a request is a WebSocket request when it says {@code Upgrade: websocket} and
 * {@code Connection: upgrade}; it needs an {@code Origin} (403 without one), version 13 and a key (400 otherwise),
 * and at most one subprotocol, which is echoed. The upgrade itself is Tomcat's.
 */
final class WebSocketWatches {

    static final String VERSION = "13";

    private WebSocketWatches() {
    }

    /** Whether {@code req} asks for a WebSocket ({@code wsstream.IsWebSocketRequest}). */
    static boolean requested(HttpServletRequest req) {
        String upgrade = req.getHeader("Upgrade");
        if (upgrade == null || !upgrade.trim().equalsIgnoreCase("websocket")) {
            return false;
        }
        for (var values = req.getHeaders("Connection"); values.hasMoreElements(); ) {
            for (String token : values.nextElement().split(",")) {
                if (token.trim().toLowerCase(Locale.ROOT).equals("upgrade")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Checks the handshake before the watch starts.
     *
     * @return the subprotocol to echo, or null
     */
    static String checkHandshake(HttpServletRequest req, HttpServletResponse resp) {
        String origin = req.getHeader("Origin");
        if (origin == null || origin.isBlank()) {
            throw ApiException.forbidden("a watch over WebSocket needs an Origin header");
        }
        String version = req.getHeader("Sec-WebSocket-Version");
        if (!VERSION.equals(version == null ? null : version.trim())) {
            resp.setHeader("Sec-WebSocket-Version", VERSION);
            throw ApiException.badRequest("unsupported Sec-WebSocket-Version " + (version == null ? "(none)" : version)
                    + ": the server speaks version " + VERSION);
        }
        String key = req.getHeader("Sec-WebSocket-Key");
        if (key == null || key.isBlank()) {
            throw ApiException.badRequest("a WebSocket handshake needs a Sec-WebSocket-Key header");
        }
        String protocols = req.getHeader("Sec-WebSocket-Protocol");
        if (protocols == null || protocols.isBlank()) {
            return null;
        }
        String[] offered = protocols.split(",");
        if (offered.length > 1) {
            throw ApiException.badRequest("a watch over WebSocket takes at most one subprotocol, not " + offered.length);
        }
        return offered[0].trim();
    }

    /** Hands the connection to Tomcat's WebSocket container, which answers 101 and then runs {@code endpoint}. */
    static void upgrade(HttpServletRequest req, HttpServletResponse resp, Endpoint endpoint, String subprotocol)
            throws IOException {
        if (!(req.getServletContext().getAttribute(ServerContainer.class.getName()) instanceof ServerContainer container)) {
            throw ApiException.serviceUnavailable("watch over WebSocket is not available here: use a streaming HTTP watch");
        }
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(endpoint.getClass(), req.getRequestURI())
                .subprotocols(subprotocol == null ? List.of() : List.of(subprotocol))
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public <T> T getEndpointInstance(Class<T> endpointClass) {
                        return (T) endpoint;
                    }

                    @Override
                    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
                        return subprotocol == null ? "" : subprotocol;
                    }

                    @Override
                    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
                        return List.of(); // as upstream: no permessage-deflate
                    }

                    @Override
                    public boolean checkOrigin(String originHeaderValue) {
                        return true; // checkHandshake required one (upstream also refuses one that is not a URL)
                    }
                })
                .build();
        try {
            container.upgradeHttpToWebSocket(req, resp, config, Map.of());
        } catch (DeploymentException e) {
            throw ApiException.internal("the WebSocket upgrade failed: " + e.getMessage());
        }
    }
}
