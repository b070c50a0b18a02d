package io.kubesim.controller;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.ArrayList;
import java.util.List;

/**
 * Starts the in-process control plane once the API is up: first every shared informer (after all
 * controllers registered their handlers), then each registered component; stops them in reverse.
 */
public final class ControllerManager implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ControllerManager.class);

    /** Something with a life: a controller loop, the scheduler, the kubelets. */
    public interface Component {
        String name();

        void start();

        void stop();
    }

    private final InformerFactory informers;
    private final List<Component> components = new ArrayList<>();
    private final List<Runnable> beforeStart = new ArrayList<>();
    private volatile boolean running;

    public ControllerManager(InformerFactory informers) {
        this.informers = informers;
    }

    public synchronized void register(Component c) {
        components.add(c);
    }

    /** Work done before informers start (e.g. registering the configured nodes). */
    public synchronized void beforeStart(Runnable r) {
        beforeStart.add(r);
    }

    public static Component component(String name, Runnable start, Runnable stop) {
        return new Component() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void start() {
                start.run();
            }

            @Override
            public void stop() {
                stop.run();
            }
        };
    }

    @Override
    public synchronized void start() {
        try {
            beforeStart.forEach(Runnable::run);
            informers.start();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (Component c : components) {
            c.start();
            log.debug("started {}", c.name());
        }
        running = true;
        log.info("control plane started: {}", components.stream().map(Component::name).toList());
    }

    @Override
    public synchronized void stop() {
        running = false;
        for (int i = components.size() - 1; i >= 0; i--) {
            try {
                components.get(i).stop();
            } catch (RuntimeException e) {
                log.warn("stopping {} failed", components.get(i).name(), e);
            }
        }
        informers.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Not pauseable: the control plane is stopped once, at shutdown (informer threads and work queues do not
     * restart). Spring's test context cache pauses idle contexts by default; this keeps their clusters consistent.
     */
    @Override
    public boolean isPauseable() {
        return false;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
