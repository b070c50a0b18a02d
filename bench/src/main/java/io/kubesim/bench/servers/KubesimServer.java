package io.kubesim.bench.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * kubesim's real application jar as a separate process, with its default durable storage (the H2
 * file {@code ./data/kubesim}) in a fresh temporary directory, on a free port.
 */
public final class KubesimServer extends ServerProcess {

    private KubesimServer(List<String> command, Path dir, int port) {
        super("kubesim", command, dir, port);
    }

    /** The JVM options kubesim's own launchers use (the Dockerfile and {@code ./mvnw spring-boot:run}). */
    static final List<String> SHIPPED_JVM_OPTIONS = List.of("-XX:+UseStringDeduplication");

    /**
     * Starts kubesim and waits until {@code /readyz} answers.
     *
     * @param jar        the Spring Boot jar ({@code target/kubesim-*.jar})
     * @param jvmOptions e.g. {@code -Xmx2g}
     * @param properties Spring properties passed as {@code --key=value}
     */
    public static KubesimServer start(Path jar, List<String> jvmOptions, Map<String, String> properties) {
        int port = freePort();
        Path dir;
        try {
            dir = Files.createTempDirectory("kubesim-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(SHIPPED_JVM_OPTIONS);
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar.toAbsolutePath().toString());
        cmd.add("--server.port=" + port);
        properties.forEach((k, v) -> cmd.add("--" + k + "=" + v));
        KubesimServer server = new KubesimServer(cmd, dir, port);
        server.awaitHttp200("/readyz", Duration.ofMinutes(5));
        return server;
    }
}
