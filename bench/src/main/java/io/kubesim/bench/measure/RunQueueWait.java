package io.kubesim.bench.measure;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How long a process's threads were runnable but waiting for a core: the second field of the kernel's
 * {@code /proc/PID/task/TID/schedstat} (run delay, nanoseconds). Summed per thread between two snapshots; a thread that
 * ended in between is not counted. On two shared cores this is where a request's time goes when the machine is
 * saturated.
 */
public final class RunQueueWait {

    private final long pid;
    private final Map<String, Long> start;

    private RunQueueWait(long pid) {
        this.pid = pid;
        this.start = snapshot(pid);
    }

    /** Starts counting for the process {@code pid}. */
    public static RunQueueWait of(long pid) {
        return new RunQueueWait(pid);
    }

    /** Nanoseconds the process's threads waited for a core since {@link #of}. */
    public long nanos() {
        long total = 0;
        for (Map.Entry<String, Long> e : snapshot(pid).entrySet()) {
            total += e.getValue() - start.getOrDefault(e.getKey(), 0L);
        }
        return total;
    }

    private static Map<String, Long> snapshot(long pid) {
        Map<String, Long> delays = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String[] f = Files.readString(task.resolve("schedstat")).trim().split(" ");
                    delays.put(task.getFileName().toString(), Long.parseLong(f[1]));
                } catch (IOException | RuntimeException e) {
                    // the thread ended, or the kernel keeps no schedstat: not counted
                }
            }
        } catch (IOException e) {
            // the process ended, or no /proc: nothing to count
        }
        return delays;
    }
}
