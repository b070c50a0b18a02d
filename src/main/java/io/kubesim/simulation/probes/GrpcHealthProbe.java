package io.kubesim.simulation.probes;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.kubesim.simulation.kubelet.PodRuntime.ProbeOutcome;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A gRPC probe as the kubelet's prober runs it: {@code grpc.health.v1.Health/Check} over plaintext HTTP/2, waiting
 * for the connection within the probe's timeout, with the kubelet's failure messages.
 */
final class GrpcHealthProbe {

    private GrpcHealthProbe() {
    }

    static ProbeOutcome check(String host, int port, String service, int timeoutSeconds) {
        String addr = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        ManagedChannel channel = NettyChannelBuilder.forAddress(host, port).usePlaintext()
                .userAgent("kube-probe/1.32").build();
        try {
            HealthCheckResponse r = HealthGrpc.newBlockingStub(channel).withWaitForReady()
                    .withDeadlineAfter(timeoutSeconds, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.newBuilder().setService(service == null ? "" : service).build());
            if (r.getStatus() != HealthCheckResponse.ServingStatus.SERVING) {
                return new ProbeOutcome(false, "service unhealthy (responded with \"" + r.getStatus().name() + "\")");
            }
            return ProbeOutcome.SUCCESS;
        } catch (StatusRuntimeException e) {
            boolean connected = channel.getState(false) == ConnectivityState.READY;
            return new ProbeOutcome(false, failure(e.getStatus(), connected, addr, timeoutSeconds));
        } finally {
            channel.shutdownNow();
        }
    }

    /** The kubelet's message for a failed check ({@code pkg/probe/grpc}). */
    static String failure(Status status, boolean connected, String addr, int timeoutSeconds) {
        String description = status.getDescription() == null ? "" : status.getDescription();
        return switch (status.getCode()) {
            case UNIMPLEMENTED -> "error: this server does not implement the grpc health protocol (grpc.health.v1.Health): "
                    + description;
            case DEADLINE_EXCEEDED -> connected ? "timeout: health rpc did not complete within " + timeoutSeconds + "s"
                    : "timeout: failed to connect service \"" + addr + "\" within " + timeoutSeconds
                    + "s: context deadline exceeded";
            default -> "error: health rpc probe failed: rpc error: code = " + goCodeName(status.getCode()) + " desc = "
                    + description;
        };
    }

    /** grpc-go's name of a status code: {@code NOT_FOUND} → {@code NotFound}. */
    static String goCodeName(Status.Code code) {
        if (code == Status.Code.OK) {
            return "OK";
        }
        StringBuilder b = new StringBuilder();
        for (String part : code.name().split("_")) {
            b.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }
}
