package io.kubesim.simulation.kubelet;

import java.time.Instant;

/** One line a simulated container printed, for {@code pods/log}. */
public record LogLine(Instant at, String text) {
}
