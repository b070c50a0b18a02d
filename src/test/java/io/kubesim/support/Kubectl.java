package io.kubesim.support;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real kubectl against a test server with a temporary KUBECONFIG and cache directory. Tests
 * using it are skipped (with a message) where kubectl is not installed.
 */
public final class Kubectl {

    /** A finished command. */
    public record Result(int exitCode, String out, String err) {
    }

    private final String binary;
    private final Path home;
    private final Path kubeconfig;

    private Kubectl(String binary, String server) throws IOException {
        this.binary = binary;
        // under target/, so that a clean build removes it with the H2 files of the test servers
        this.home = Files.createTempDirectory(Files.createDirectories(Path.of("target", "kubectl-homes").toAbsolutePath()), "home-");
        this.kubeconfig = home.resolve("config");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: kubesim
                  cluster:
                    server: %s
                contexts:
                - name: kubesim
                  context:
                    cluster: kubesim
                    user: kubesim
                current-context: kubesim
                users:
                - name: kubesim
                  user: {}
                """.formatted(server));
    }

    /** kubectl on PATH (or the given binary name), or the test is skipped. */
    public static Kubectl against(String server) throws IOException {
        return against("kubectl", server);
    }

    public static Kubectl against(String binaryName, String server) throws IOException {
        String found = find(binaryName);
        Assumptions.assumeTrue(found != null, binaryName + " is not installed: kubectl tests skipped");
        return new Kubectl(found, server);
    }

    /** The path of an executable on PATH, or null. */
    public static String find(String name) {
        if (name.contains("/")) {
            return new File(name).canExecute() ? name : null;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, name);
            if (f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        return null;
    }

    public ProcessBuilder builder(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary);
        cmd.add("--cache-dir=" + home.resolve("cache"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("KUBECONFIG", kubeconfig.toString());
        pb.environment().put("HOME", home.toString());
        return pb;
    }

    /** Runs to completion (at most 60 s). */
    public Result run(String... args) {
        try {
            Process p = builder(args).start();
            p.getOutputStream().close();
            var out = p.getInputStream().readAllBytes();
            var err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs with stdin. */
    public Result runWithInput(String input, String... args) {
        try {
            Process p = builder(args).start();
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            var out = p.getInputStream().readAllBytes();
            var err = p.getErrorStream().readAllBytes();
            p.waitFor(60, TimeUnit.SECONDS);
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
