package io.kubesim.bench.measure;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * How long a process's threads were runnable but waiting for a core: the second field of the kernel's
 * {@code /proc/PID/task/TID/schedstat} (run delay, nanoseconds), summed per thread between two snapshots. On two shared
 * cores this is where a request's time goes when the machine is saturated.
 *
 * <p>A thread that ends in between takes its count with it. The benchmark's own short-lived threads (the
 * {@link Workers}, named {@value #WORKER_PREFIX}…) therefore add their run delay to {@link #threadEnding} as they end,
 * and are left out of the snapshots of this process; the other threads of a process that end in between are not
 * counted.
 */
public final class RunQueueWait {

    static final String WORKER_PREFIX = "bench-worker";
    private static final LongAdder ENDED_WORKERS = new LongAdder();
    private static final long SELF = ProcessHandle.current().pid();

    private final long pid;
    private final Map<String, Long> start;
    private final long endedAtStart;

    private RunQueueWait(long pid) {
        this.pid = pid;
        this.start = snapshot(pid);
        this.endedAtStart = ENDED_WORKERS.sum();
    }

    /** Starts counting for the process {@code pid}. */
    public static RunQueueWait of(long pid) {
        return new RunQueueWait(pid);
    }

    /** Nanoseconds the process's threads waited for a core since {@link #of}. */
    public long nanos() {
        long total = pid == SELF ? ENDED_WORKERS.sum() - endedAtStart : 0;
        for (Map.Entry<String, Long> e : snapshot(pid).entrySet()) {
            total += e.getValue() - start.getOrDefault(e.getKey(), 0L);
        }
        return total;
    }

    /** The calling thread's run delay so far (0 without schedstat); a worker reads it as it starts. */
    static long currentThread() {
        try {
            return Long.parseLong(Files.readString(Path.of("/proc/thread-self/schedstat")).trim().split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Counts the run delay of a worker thread that is about to end, since it read {@link #currentThread} as {@code since}. */
    static void threadEnding(long since) {
        ENDED_WORKERS.add(Math.max(0, currentThread() - since));
    }

    private static Map<String, Long> snapshot(long pid) {
        Map<String, Long> delays = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    if (pid == SELF && Files.readString(task.resolve("comm")).startsWith(WORKER_PREFIX)) {
                        continue;
                    }
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
