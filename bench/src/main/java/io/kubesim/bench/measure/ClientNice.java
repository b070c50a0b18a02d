package io.kubesim.bench.measure;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Lowers the CPU priority of the benchmark's own JVM (every thread of it, Linux's nice value is per thread), so that
 * on a small machine the clients take the cores only when the server leaves them idle: the server's latency is then
 * its own, not the time it waited for a core behind the clients. Start it after the servers are started: a process
 * started later inherits the lower priority. Raising a nice value needs no privilege; lowering it back does, so the
 * priority stays lowered until the JVM ends.
 *
 * <p>A thread inherits its creator's nice value, so the threads the benchmark starts later are lowered too; the
 * JVM's own threads that start later (GC and compiler workers) are caught by a scan of {@code /proc/self/task} every
 * 200 ms. Uses util-linux's {@code renice --priority}, which sets the value rather than adding to it.
 */
public final class ClientNice implements AutoCloseable {

    private final int nice;
    private final Set<String> done = new HashSet<>();
    private final Thread loop;
    private volatile boolean closed;

    private ClientNice(int nice) {
        this.nice = nice;
        renewed(); // the threads that exist now, before this returns
        int now = currentThreadNice();
        if (now != nice) {
            throw new IllegalStateException("renice left this JVM's threads at nice " + now + ", not " + nice);
        }
        this.loop = new Thread(this::run, "bench-renice");
        loop.setDaemon(true);
        loop.start();
    }

    /** Lowers this JVM's threads to {@code nice} (1 to 19) until {@link #close}, and those started later too. */
    public static ClientNice lower(int nice) {
        return new ClientNice(requireValid(nice));
    }

    /** {@code nice} if it is a nice value this can set (1 to 19), to check an option before the servers start. */
    public static int requireValid(int nice) {
        if (nice < 1 || nice > 19) {
            throw new IllegalArgumentException("--client-nice must be between 1 and 19, not " + nice);
        }
        return nice;
    }

    private void run() {
        while (!closed) {
            try {
                TimeUnit.MILLISECONDS.sleep(200); // a polling period, not synchronisation
                renewed();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                System.err.println("client nice: " + e.getMessage());
            }
        }
    }

    /** The calling thread's nice value: the 19th field of {@code /proc/thread-self/stat}, the 17th after its name. */
    private static int currentThreadNice() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read this thread's nice value (Linux only): " + e, e);
        }
    }

    /** Renices the threads not seen before (a thread id the kernel hands out again counts as new). */
    private void renewed() {
        Set<String> current = new HashSet<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                current.add(task.getFileName().toString());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/task (Linux only): " + e.getMessage(), e);
        }
        List<String> fresh = new ArrayList<>(current);
        fresh.removeAll(done);
        done.clear();
        done.addAll(current);
        if (fresh.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("renice", "--priority", Integer.toString(nice), "-p"));
        command.addAll(fresh);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // renice reports threads that ended meanwhile and fails for them; the others are reniced all the same
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run renice: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops renicing new threads; the ones lowered stay lowered. */
    @Override
    public void close() {
        closed = true;
        loop.interrupt();
    }
}
