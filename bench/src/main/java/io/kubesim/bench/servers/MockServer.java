package io.kubesim.bench.servers;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;

/**
 * fabric8's {@code KubernetesMockServer} in CRUD mode, started in its own JVM (this class's
 * {@link #main}) so that it and kubesim are both separate processes measured by the same client.
 */
public final class MockServer extends ServerProcess {

    private MockServer(List<String> command, Path dir, int port) {
        super("mock", command, dir, port);
    }

    /** Starts the mock server in a child JVM on the benchmark's classpath and waits until it answers. */
    public static MockServer start(List<String> jvmOptions) {
        int port = freePort();
        Path dir;
        try {
            dir = Files.createTempDirectory("kubesim-bench-mock-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(java());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(absoluteClassPath());
        cmd.add(MockServer.class.getName());
        cmd.add(Integer.toString(port));
        MockServer server = new MockServer(cmd, dir, port);
        server.awaitHttp200("/api/v1/namespaces", Duration.ofMinutes(2));
        return server;
    }

    private static String absoluteClassPath() {
        StringBuilder out = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (out.length() > 0) {
                out.append(java.io.File.pathSeparatorChar);
            }
            out.append(Path.of(entry).toAbsolutePath().normalize());
        }
        return out.toString();
    }

    /** The child JVM: a CRUD-mode mock server on 127.0.0.1:{@code args[0]} until the process is ended. */
    public static void main(String[] args) throws InterruptedException {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
        System.out.println("mock server listening on " + server.url("/"));
        Thread.currentThread().join();
    }
}
