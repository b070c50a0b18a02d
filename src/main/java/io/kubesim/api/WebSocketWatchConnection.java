package io.kubesim.api;

import io.kubesim.registry.ApiWatch;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A watch over a WebSocket, as kube-apiserver serves one when the watch request asks for the upgrade: one text
 * message per JSON event (the same bytes as a line of the HTTP stream), one message in flight at a time, and a
 * normal closure (1000) at the deadline. What the client sends is read and ignored.
 */
final class WebSocketWatchConnection extends WatchConnection {

    private static final Logger log = LoggerFactory.getLogger(WebSocketWatchConnection.class);
    /** Tomcat's per-session bound on blocking sends, which its close handshake is: a stuck client holds a writer ≤ 1 s. */
    private static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final Consumer<WebSocketWatchConnection> onOpen;
    private volatile Session session;
    private boolean inFlight;

    WebSocketWatchConnection(ApiWatch watch, Function<ApiWatch.Event, byte[]> encoder, ExecutorService writers,
                             ScheduledExecutorService timer, Consumer<WebSocketWatchConnection> onOpen) {
        super(watch, encoder, writers, timer);
        this.onOpen = onOpen;
    }

    /** The endpoint instance for this connection's upgrade. */
    Socket socket() {
        return new Socket(this);
    }

    @Override
    boolean canWrite() {
        return session != null;
    }

    @Override
    synchronized void drain() {
        if (inFlight || finished()) {
            return;
        }
        try {
            ApiWatch.Event e = watch.poll();
            if (e == null) {
                if (ending()) {
                    finish();
                }
                return;
            }
            boolean error = "ERROR".equals(e.type());
            inFlight = true;
            session.getAsyncRemote().sendText(new String(encoder.apply(e), StandardCharsets.UTF_8), r -> sent(r, error));
        } catch (RuntimeException e) {
            log.debug("watch connection ended: {}", e.toString());
            finish();
        }
    }

    private void sent(SendResult result, boolean error) {
        synchronized (this) {
            inFlight = false;
        }
        if (!result.isOK()) {
            finish();
            return;
        }
        if (error) {
            watch.close();
        }
        schedule();
    }

    @Override
    void end() {
        Session s = session;
        if (s != null && s.isOpen()) {
            onWriter(() -> {
                try {
                    s.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, ""));
                } catch (IOException | RuntimeException e) {
                    log.debug("watch connection close: {}", e.toString());
                }
            });
        }
    }

    /** The container's view of the connection. */
    static final class Socket extends Endpoint {
        private final WebSocketWatchConnection connection;

        Socket(WebSocketWatchConnection connection) {
            this.connection = connection;
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.getUserProperties().put(BLOCKING_SEND_TIMEOUT, 1000L);
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) ignored -> { });
            session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) ignored -> { });
            connection.session = session;
            connection.onOpen.accept(connection);
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            connection.finish();
        }

        @Override
        public void onError(Session session, Throwable t) {
            connection.finish();
        }
    }
}
