package io.kubesim.controller;

import java.time.Instant;
import java.util.List;

/**
 * What node agents (the simulated kubelets) offer to {@code pods/log}: the lines a container printed. The control
 * plane turns it into the registry's {@code PodLogSource}, so node agents never depend on the registry.
 */
@FunctionalInterface
public interface ContainerLogs {

    /** One printed line, without its newline. */
    record Line(Instant at, String text) {
    }

    /** The latest (or previous) run's lines of a container of the pod with this uid; empty when unknown. */
    List<Line> lines(String podUid, String container, boolean previous);
}
