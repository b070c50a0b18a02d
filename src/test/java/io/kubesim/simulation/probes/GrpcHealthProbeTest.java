package io.kubesim.simulation.probes;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.kubesim.simulation.kubelet.PodRuntime.ProbeOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** The gRPC prober against a real {@code grpc.health.v1} server on loopback, with the kubelet's messages. */
class GrpcHealthProbeTest {

    private final HealthStatusManager health = new HealthStatusManager();
    private Server server;

    @BeforeEach
    void start() throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(health.getHealthService()).build().start();
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    @Test
    void servingIsASuccessAndNotServingAFailureWithTheStatusName() {
        health.setStatus("", ServingStatus.SERVING);
        assertThat(GrpcHealthProbe.check("127.0.0.1", server.getPort(), "", 1)).isEqualTo(ProbeOutcome.SUCCESS);
        health.setStatus("", ServingStatus.NOT_SERVING);
        ProbeOutcome r = GrpcHealthProbe.check("127.0.0.1", server.getPort(), null, 1);
        assertThat(r.success()).isFalse();
        assertThat(r.failureMessage()).isEqualTo("service unhealthy (responded with \"NOT_SERVING\")");
    }

    @Test
    void theServiceNameIsSentAndAnUnknownServiceIsAFailedRpc() {
        health.setStatus("payments", ServingStatus.SERVING);
        assertThat(GrpcHealthProbe.check("127.0.0.1", server.getPort(), "payments", 1).success()).isTrue();
        ProbeOutcome r = GrpcHealthProbe.check("127.0.0.1", server.getPort(), "billing", 1);
        assertThat(r.failureMessage()).isEqualTo("error: health rpc probe failed: rpc error: code = NotFound desc = unknown service billing");
    }

    @Test
    void aServerWithoutTheHealthServiceIsUnimplemented() throws IOException {
        Server plain = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).build().start();
        try {
            ProbeOutcome r = GrpcHealthProbe.check("127.0.0.1", plain.getPort(), "", 1);
            assertThat(r.failureMessage()).startsWith("error: this server does not implement the grpc health protocol "
                    + "(grpc.health.v1.Health): ").contains("grpc.health.v1.Health/Check");
        } finally {
            plain.shutdownNow();
        }
    }

    @Test
    void nothingListeningIsAConnectTimeout() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        ProbeOutcome r = GrpcHealthProbe.check("127.0.0.1", closed, "", 1);
        assertThat(r.failureMessage()).isEqualTo("timeout: failed to connect service \"127.0.0.1:" + closed
                + "\" within 1s: context deadline exceeded");
    }

    @Test
    void statusCodesAreNamedAsGrpcGoNamesThem() {
        assertThat(GrpcHealthProbe.goCodeName(Status.Code.NOT_FOUND)).isEqualTo("NotFound");
        assertThat(GrpcHealthProbe.goCodeName(Status.Code.DEADLINE_EXCEEDED)).isEqualTo("DeadlineExceeded");
        assertThat(GrpcHealthProbe.goCodeName(Status.Code.UNAVAILABLE)).isEqualTo("Unavailable");
        assertThat(GrpcHealthProbe.goCodeName(Status.Code.OK)).isEqualTo("OK");
        assertThat(GrpcHealthProbe.failure(Status.DEADLINE_EXCEEDED, true, "10.0.0.1:9000", 3))
                .isEqualTo("timeout: health rpc did not complete within 3s");
    }
}
