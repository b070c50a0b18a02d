package io.kubesim.api;

import io.kubesim.registry.ApiWatch;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * A watch streamed over a chunked HTTP response with non-blocking servlet I/O: one JSON event per line, written while
 * the socket accepts them and flushed per batch.
 */
final class HttpWatchConnection extends WatchConnection implements WriteListener, AsyncListener {

    private static final Logger log = LoggerFactory.getLogger(HttpWatchConnection.class);

    private final AsyncContext async;
    private final ServletOutputStream out;
    private volatile boolean ready;

    HttpWatchConnection(AsyncContext async, ServletOutputStream out, ApiWatch watch,
                        Function<ApiWatch.Event, byte[]> encoder, ExecutorService writers,
                        ScheduledExecutorService timer) {
        super(watch, encoder, writers, timer);
        this.async = async;
        this.out = out;
    }

    @Override
    boolean canWrite() {
        return ready;
    }

    @Override
    synchronized void drain() {
        if (finished()) {
            return;
        }
        try {
            boolean wrote = false;
            while (out.isReady()) {
                ApiWatch.Event e = next();
                if (e == null) {
                    break;
                }
                out.write(encoder.apply(e));
                written(e);
                wrote = true;
                if ("ERROR".equals(e.type())) {
                    watch.close();
                }
            }
            if (wrote && !finished() && out.isReady()) {
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            log.debug("watch connection ended: {}", e.toString());
            finish();
        }
    }

    @Override
    void end() {
        try {
            async.complete();
        } catch (RuntimeException ignored) {
            // already completed by the container
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
