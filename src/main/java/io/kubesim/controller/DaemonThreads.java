package io.kubesim.controller;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread factories for the simulation's and controllers' background pools: named daemon threads. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Every thread gets {@code name} and does not keep the JVM alive. */
    public static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Threads named {@code prefix-1}, {@code prefix-2}, ... that do not keep the JVM alive. */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
