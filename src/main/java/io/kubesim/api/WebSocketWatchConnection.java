package io.kubesim.api;

import io.kubesim.registry.ApiWatch;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.RemoteEndpoint;
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
 * normal closure (1000) at the deadline. What the client sends is read and ignored. A flush is Tomcat's only blocking
 * send; its timeout is 1 s here, so a client that stopped reading until its socket filled is cut then (its close
 * tries one more flush: a writer thread waits at most 2 s for it) instead of holding a writer thread.
 */
final class WebSocketWatchConnection extends WatchConnection {

    private static final Logger log = LoggerFactory.getLogger(WebSocketWatchConnection.class);
    /** Tomcat's per-session bound on blocking sends (a flush, the close handshake). */
    private static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final Consumer<WebSocketWatchConnection> onOpen;
    private volatile Session session;
    /** A message is being written (guarded by this). */
    private boolean inFlight;
    /** Messages were batched since the last flush (guarded by this). */
    private boolean unflushed;
    /** The thread inside {@link #drain}, to tell a send completed on the spot from one completed later. */
    private Thread drainer;

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

    /**
     * Sends what the watch has, one message per event: with batching on, Tomcat copies a message into the session's
     * buffer and completes it at once, writing to the socket only when the buffer fills (then the send completes
     * later and the drain resumes from {@link #sent}); a burst ends with one flush.
     */
    @Override
    synchronized void drain() {
        if (inFlight || finished()) {
            return;
        }
        try {
            RemoteEndpoint.Async remote = session.getAsyncRemote();
            drainer = Thread.currentThread();
            try {
                while (!inFlight && !finished()) {
                    ApiWatch.Event e = next();
                    if (e == null) {
                        break;
                    }
                    boolean error = "ERROR".equals(e.type());
                    inFlight = true;
                    unflushed = true;
                    remote.sendText(new String(encoder.apply(e), StandardCharsets.UTF_8), r -> sent(r, error));
                    written(e);
                }
            } finally {
                drainer = null;
            }
            if (unflushed && !inFlight && !finished()) {
                unflushed = false;
                remote.flushBatch();
            }
        } catch (IOException | RuntimeException e) {
            log.debug("watch connection ended: {}", e.toString());
            finish();
        }
    }

    private void sent(SendResult result, boolean error) {
        boolean inline;
        synchronized (this) {
            inFlight = false;
            inline = drainer == Thread.currentThread();
        }
        if (!result.isOK()) {
            finish();
            return;
        }
        if (error) {
            watch.close();
        }
        if (!inline) {
            schedule();
        }
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
            try {
                session.getAsyncRemote().setBatchingAllowed(true);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
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
