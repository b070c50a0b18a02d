package io.kubesim.registry;

import java.time.Instant;
import java.util.List;

/**
 * Where container output comes from: the node agent that ran the container (the simulated kubelet). The registry asks
 * it only after checking, from the pod's status, that the requested run exists.
 */
public interface PodLogSource {

    /** One line a container printed, without its newline. */
    record Line(Instant at, String text) {
    }

    /**
     * The lines of a container's latest run (its current one, or the last one that ended if no new run started), or,
     * with {@code previous}, of the run before the current one; empty when the node knows nothing of it.
     */
    List<Line> lines(String podUid, String container, boolean previous);

    /** No node agent runs (simulation disabled): containers never printed anything. */
    PodLogSource NONE = (uid, container, previous) -> List.of();
}
