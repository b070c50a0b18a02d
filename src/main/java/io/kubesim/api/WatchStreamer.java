package io.kubesim.api;

import io.kubesim.registry.ApiWatch;
import io.kubesim.registry.ResourceType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Streams watches over asynchronous, non-blocking servlet I/O: no thread is held per watcher, a
 * small pool drains whichever connections have events, and a client that stops reading only fills
 * its own bounded queue (then it is cut). One JSON event per line, flushed per batch.
 */
final class WatchStreamer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WatchStreamer.class);

    private final ExecutorService writers;
    private final ScheduledExecutorService timer;
    private final AtomicInteger open = new AtomicInteger();
    private final long minTimeoutSeconds;
    private final long maxTimeoutSeconds;
    private final Counter started;
    private final MeterRegistry meters;
    private final Map<String, AtomicInteger> perKind = new ConcurrentHashMap<>();

    WatchStreamer(ExecutorService writers, ScheduledExecutorService timer, long minTimeoutSeconds, long maxTimeoutSeconds,
                  MeterRegistry meters) {
        this.writers = writers;
        this.timer = timer;
        this.minTimeoutSeconds = Math.max(1, minTimeoutSeconds);
        this.maxTimeoutSeconds = maxTimeoutSeconds;
        this.meters = meters;
        this.started = Counter.builder("kubesim.watch.connections.started")
                .description("Watch streams opened over HTTP").register(meters);
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
     * Starts streaming {@code watch}; {@code encoder} turns each event into one line of bytes.
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
        AtomicInteger kindCount = watchers(type);
        Connection c = new Connection(async, out, watch, encoder, kindCount);
        async.addListener(c);
        open.incrementAndGet();
        kindCount.incrementAndGet();
        started.increment();
        long seconds = timeoutSeconds != null && timeoutSeconds > 0 ? timeoutSeconds
                : minTimeoutSeconds + ThreadLocalRandom.current().nextLong(minTimeoutSeconds);
        if (maxTimeoutSeconds > 0) {
            seconds = Math.min(seconds, maxTimeoutSeconds);
        }
        c.deadline = timer.schedule(c::expire, seconds, TimeUnit.SECONDS);
        out.setWriteListener(c);
        watch.onAvailable(c::schedule);
    }

    @Override
    public void close() {
        writers.shutdownNow();
        timer.shutdownNow();
    }

    /** One watch connection: drains events while the socket accepts them. */
    private final class Connection implements WriteListener, AsyncListener {
        private final AsyncContext async;
        private final ServletOutputStream out;
        private final ApiWatch watch;
        private final Function<ApiWatch.Event, byte[]> encoder;
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final AtomicBoolean finished = new AtomicBoolean();
        private volatile boolean expiring;
        private volatile boolean ready;
        private final AtomicInteger kindCount;
        private ScheduledFuture<?> deadline;

        Connection(AsyncContext async, ServletOutputStream out, ApiWatch watch, Function<ApiWatch.Event, byte[]> encoder,
                   AtomicInteger kindCount) {
            this.kindCount = kindCount;
            this.async = async;
            this.out = out;
            this.watch = watch;
            this.encoder = encoder;
        }

        void schedule() {
            if (ready && !finished.get() && scheduled.compareAndSet(false, true)) {
                try {
                    writers.execute(this::drain);
                } catch (RuntimeException e) {
                    scheduled.set(false);
                    finish();
                }
            }
        }

        /** The deadline: a last bookmark (for watchers that want them), then a clean end. */
        void expire() {
            expiring = true;
            watch.requestBookmark();
            schedule();
            timer.schedule(this::finish, 5, TimeUnit.SECONDS);
        }

        private synchronized void drain() {
            scheduled.set(false);
            if (finished.get()) {
                return;
            }
            try {
                boolean wrote = false;
                while (out.isReady()) {
                    ApiWatch.Event e = watch.poll();
                    if (e == null) {
                        if (expiring || watch.isClosed()) {
                            finish();
                            return;
                        }
                        break;
                    }
                    out.write(encoder.apply(e));
                    wrote = true;
                    if ("ERROR".equals(e.type())) {
                        watch.close();
                    }
                }
                if (wrote && out.isReady()) {
                    out.flush();
                }
            } catch (IOException | RuntimeException e) {
                log.debug("watch connection ended: {}", e.toString());
                finish();
            }
        }

        private void finish() {
            if (finished.compareAndSet(false, true)) {
                open.decrementAndGet();
                kindCount.decrementAndGet();
                watch.close();
                if (deadline != null) {
                    deadline.cancel(false);
                }
                try {
                    async.complete();
                } catch (RuntimeException ignored) {
                    // already completed by the container
                }
            }
        }

        @Override
        public void onWritePossible() {
            ready = true;
            drain();
        }

        @Override
        public void onError(Throwable t) {
            finish();
        }

        @Override
        public void onComplete(AsyncEvent event) {
            finish();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            finish();
        }

        @Override
        public void onError(AsyncEvent event) {
            finish();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}
