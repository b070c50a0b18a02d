package io.kubesim.simulation.kubelet;

/**
 * The pod phase from container states, as the kubelet's {@code getPhase} computes it; terminal
 * phases never revert.
 */
final class PodPhases {

    private PodPhases() {
    }

    static String phase(PodRuntime rt, String previous) {
        if ("Succeeded".equals(previous) || "Failed".equals(previous)) {
            return previous;
        }
        boolean pendingInit = false;
        boolean initFailed = rt.initFailed;
        for (ContainerRuntime c : rt.inits) {
            if (c.sidecar) {
                if (c.state == ContainerState.RUNNING ? !c.started() : !c.everStarted) {
                    pendingInit = true;
                }
                continue;
            }
            if (c.succeeded()) {
                continue;
            }
            if (c.state == ContainerState.TERMINATED || (c.state.waiting() && c.last != null && c.last.exitCode() != 0)) {
                initFailed = initFailed || c.state == ContainerState.TERMINATED;
                if (c.state.waiting()) {
                    pendingInit = true;
                }
            } else {
                pendingInit = true;
            }
        }
        int running = 0;
        int stopped = 0;
        int succeeded = 0;
        int waiting = 0;
        for (ContainerRuntime c : rt.regulars) {
            switch (c.state) {
                case RUNNING -> running++;
                case TERMINATED -> {
                    stopped++;
                    if (c.current != null && c.current.exitCode() == 0) {
                        succeeded++;
                    }
                }
                default -> {
                    if (c.current != null) {
                        stopped++;
                        if (c.current.exitCode() == 0) {
                            succeeded++;
                        }
                    } else if (c.last != null) {
                        stopped++;
                    } else {
                        waiting++;
                    }
                }
            }
        }
        String policy = rt.restartPolicy;
        if (initFailed && "Never".equals(policy)) {
            return "Failed";
        }
        if (pendingInit || waiting > 0 || !rt.sandboxReady && !rt.deleting) {
            if (rt.deleting && rt.finished) {
                return succeeded == rt.regulars.size() && !rt.regulars.isEmpty() ? "Succeeded" : "Failed";
            }
            return "Pending";
        }
        if (running > 0) {
            return "Running";
        }
        if (stopped > 0) {
            if (rt.deleting) {
                return stopped == succeeded ? "Succeeded" : "Failed";
            }
            if ("Always".equals(policy)) {
                return "Running";
            }
            if (stopped == succeeded) {
                return "Succeeded";
            }
            if ("Never".equals(policy)) {
                return "Failed";
            }
            return "Running";
        }
        return "Pending";
    }
}
