package io.kubesim.api;

import io.kubesim.registry.ApiWatch;
import io.kubesim.registry.ResourceType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Streams watches over asynchronous, non-blocking I/O, as chunked HTTP or over a WebSocket: no thread is held per
 * watcher, a small pool drains whichever connections have events, and a client that stops reading only fills its own
 * bounded queue (then it is cut).
 */
final class WatchStreamer implements AutoCloseable {

    private final ExecutorService writers;
    private final ScheduledExecutorService timer;
    private final AtomicInteger open = new AtomicInteger();
    private final long minTimeoutSeconds;
    private final long maxTimeoutSeconds;
    private final Counter started;
    private final MeterRegistry meters;
    private final Map<String, AtomicInteger> perKind = new ConcurrentHashMap<>();
    private final WatchDeliveryMetrics delivery;

    WatchStreamer(ExecutorService writers, ScheduledExecutorService timer, long minTimeoutSeconds, long maxTimeoutSeconds,
                  MeterRegistry meters) {
        this.writers = writers;
        this.timer = timer;
        this.minTimeoutSeconds = Math.max(1, minTimeoutSeconds);
        this.maxTimeoutSeconds = maxTimeoutSeconds;
        this.meters = meters;
        this.delivery = new WatchDeliveryMetrics(meters);
        this.started = Counter.builder("kubesim.watch.connections.started")
                .description("Watch streams opened, over streaming HTTP or WebSocket").register(meters);
    }

    /** The open-watch count of a kind, registered as {@code apiserver_registered_watchers{group,version,kind}}. */
    private AtomicInteger watchers(ResourceType type) {
        return perKind.computeIfAbsent(type.apiVersion() + "/" + type.kind(), k -> {
            AtomicInteger n = new AtomicInteger();
            Gauge.builder("apiserver.registered.watchers", n, AtomicInteger::get)
                    .description("Number of currently registered watchers for a given resources")
                    .tags("group", type.group(), "version", type.version(), "kind", type.kind()).register(meters);
            return n;
        });
    }

    /** Open watch connections. */
    int open() {
        return open.get();
    }

    /**
     * Starts streaming {@code watch} over the HTTP response; {@code encoder} turns each event into one line of bytes.
     *
     * @param timeoutSeconds null for the apiserver's default (min-request-timeout to twice that)
     */
    void stream(HttpServletRequest req, HttpServletResponse resp, ResourceType type, ApiWatch watch,
                Function<ApiWatch.Event, byte[]> encoder, Long timeoutSeconds, String contentType) throws IOException {
        resp.setStatus(200);
        resp.setContentType(contentType);
        resp.setHeader("Cache-Control", "no-cache, private");
        resp.flushBuffer();
        AsyncContext async = req.startAsync();
        async.setTimeout(0);
        ServletOutputStream out = resp.getOutputStream();
        HttpWatchConnection c = new HttpWatchConnection(async, out, watch, encoder, writers, timer);
        async.addListener(c);
        begin(c, type, timeoutSeconds);
        out.setWriteListener(c);
    }

    /**
     * Upgrades the request to a WebSocket that carries {@code watch}, one event per text message (see
     * {@link WebSocketWatches} for the handshake's checks).
     */
    void upgrade(HttpServletRequest req, HttpServletResponse resp, ResourceType type, ApiWatch watch,
                 Function<ApiWatch.Event, byte[]> encoder, Long timeoutSeconds, String subprotocol) throws IOException {
        WebSocketWatchConnection c = new WebSocketWatchConnection(watch, encoder, writers, timer,
                open -> begin(open, type, timeoutSeconds));
        try {
            WebSocketWatches.upgrade(req, resp, c.socket(), subprotocol);
        } catch (IOException | RuntimeException e) {
            watch.close();
            throw e;
        }
    }

    private void begin(WatchConnection c, ResourceType type, Long timeoutSeconds) {
        AtomicInteger kindCount = watchers(type);
        open.incrementAndGet();
        kindCount.incrementAndGet();
        started.increment();
        long seconds = timeoutSeconds != null && timeoutSeconds > 0 ? timeoutSeconds
                : minTimeoutSeconds + ThreadLocalRandom.current().nextLong(minTimeoutSeconds);
        if (maxTimeoutSeconds > 0) {
            seconds = Math.min(seconds, maxTimeoutSeconds);
        }
        c.start(seconds, () -> {
            open.decrementAndGet();
            kindCount.decrementAndGet();
        }, delivery.of(type));
    }

    @Override
    public void close() {
        writers.shutdownNow();
        timer.shutdownNow();
    }
}
