package io.kubesim.behavior;

import java.time.Duration;
import java.util.List;

/**
 * What one start of a container does: when (if ever) it exits and with which code, and the probe
 * outcomes over time since that start. Null fields fall back to the container's defaults.
 */
public record RunBehavior(Integer exitCode, Duration exitAfter, List<ProbeWindow> readiness,
                          List<ProbeWindow> liveness, List<ProbeWindow> startup) {

    public static final RunBehavior EMPTY = new RunBehavior(null, null, null, null, null);
}
