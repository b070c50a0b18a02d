package io.kubesim.controller;

import java.util.concurrent.ThreadFactory;

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
}
