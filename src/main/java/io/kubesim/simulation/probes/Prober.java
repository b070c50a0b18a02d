package io.kubesim.simulation.probes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HTTPHeader;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import io.kubesim.behavior.ProbeWindow;
import io.kubesim.behavior.RunBehavior;
import io.kubesim.simulation.kubelet.PodRuntime.ProbeOutcome;
import io.kubesim.simulation.kubelet.ProbeKind;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Decides a probe tick's outcome: real endpoint, declared behaviour, or success. */
public final class Prober {

    /** Maps a pod to a real host for its httpGet / tcpSocket / grpc probes (must be allow-listed). */
    public static final String PROBE_HOST = "kubesim.io/probe-host";

    private final Set<String> allowedHosts;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();

    public Prober(List<String> allowedHosts) {
        this.allowedHosts = Set.copyOf(allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
    }

    /** The real host this pod's httpGet / tcpSocket / grpc probes go to, or null when not mapped (or not allowed). */
    public String realHost(Pod pod, Probe probe) {
        if (probe.getHttpGet() == null && probe.getTcpSocket() == null && probe.getGrpc() == null) {
            return null;
        }
        var annotations = pod.getMetadata().getAnnotations();
        String host = annotations == null ? null : annotations.get(PROBE_HOST);
        if (host == null || !allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return host;
    }

    /** One tick's outcome. */
    public ProbeOutcome probe(Pod pod, String podIp, Container c, Probe probe, ProbeKind kind, RunBehavior declared,
                              Duration sinceStart) {
        String host = realHost(pod, probe);
        if (host != null) {
            if (probe.getGrpc() != null) {
                return GrpcHealthProbe.check(host, probe.getGrpc().getPort() == null ? 0 : probe.getGrpc().getPort(),
                        probe.getGrpc().getService(), timeoutSeconds(probe));
            }
            return probe.getHttpGet() != null ? httpGet(host, c, probe) : tcp(host, c, probe);
        }
        List<ProbeWindow> windows = switch (kind) {
            case STARTUP -> declared.startup();
            case READINESS -> declared.readiness();
            case LIVENESS -> declared.liveness();
        };
        if (windows != null) {
            for (ProbeWindow w : windows) {
                if (w.covers(sinceStart)) {
                    return w.success() ? ProbeOutcome.SUCCESS : new ProbeOutcome(false, declaredFailure(probe, c, podIp));
                }
            }
        }
        return ProbeOutcome.SUCCESS;
    }

    static String declaredFailure(Probe probe, Container c, String podIp) {
        if (probe.getHttpGet() != null) {
            return "HTTP probe failed with statuscode: 503";
        }
        if (probe.getTcpSocket() != null) {
            return "dial tcp " + podIp + ":" + port(probe.getTcpSocket().getPort(), c) + ": connect: connection refused";
        }
        if (probe.getGrpc() != null) {
            return "service unhealthy (responded with \"NOT_SERVING\")";
        }
        if (probe.getExec() != null && probe.getExec().getCommand() != null) {
            return "command " + probe.getExec().getCommand() + " exited with 1";
        }
        return "probe failed";
    }

    private static int timeoutSeconds(Probe p) {
        return p.getTimeoutSeconds() == null ? 1 : Math.max(1, p.getTimeoutSeconds());
    }

    static int port(IntOrString port, Container c) {
        if (port == null) {
            return 0;
        }
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        String name = port.getStrVal();
        if (c.getPorts() != null) {
            for (ContainerPort p : c.getPorts()) {
                if (name.equals(p.getName())) {
                    return p.getContainerPort();
                }
            }
        }
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private ProbeOutcome httpGet(String host, Container c, Probe probe) {
        HTTPGetAction get = probe.getHttpGet();
        int port = port(get.getPort(), c);
        String path = get.getPath() == null || get.getPath().isEmpty() ? "/" : get.getPath();
        String scheme = get.getScheme() == null ? "http" : get.getScheme().toLowerCase(Locale.ROOT);
        String h = host.contains(":") ? "[" + host + "]" : host;
        String url = scheme + "://" + h + ":" + port + (path.startsWith("/") ? path : "/" + path);
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(timeoutSeconds(probe)))
                    .header("User-Agent", "kube-probe/1.32").header("Accept", "*/*").GET();
            if (get.getHttpHeaders() != null) {
                for (HTTPHeader header : get.getHttpHeaders()) {
                    b.setHeader(header.getName(), header.getValue());
                }
            }
            HttpResponse<Void> r = http.send(b.build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() >= 200 && r.statusCode() < 400) {
                return ProbeOutcome.SUCCESS;
            }
            return new ProbeOutcome(false, "HTTP probe failed with statuscode: " + r.statusCode());
        } catch (HttpTimeoutException e) {
            return new ProbeOutcome(false, "Get \"" + url + "\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)");
        } catch (ConnectException e) {
            return new ProbeOutcome(false, "Get \"" + url + "\": dial tcp " + host + ":" + port + ": connect: connection refused");
        } catch (IOException | IllegalArgumentException e) {
            return new ProbeOutcome(false, "Get \"" + url + "\": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProbeOutcome(false, "Get \"" + url + "\": interrupted");
        }
    }

    private ProbeOutcome tcp(String host, Container c, Probe probe) {
        int port = port(probe.getTcpSocket().getPort(), c);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), timeoutSeconds(probe) * 1000);
            return ProbeOutcome.SUCCESS;
        } catch (IOException e) {
            return new ProbeOutcome(false, "dial tcp " + host + ":" + port + ": connect: connection refused");
        }
    }
}
