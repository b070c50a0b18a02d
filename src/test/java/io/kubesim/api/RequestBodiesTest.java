package io.kubesim.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.registry.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RequestBodiesTest {

    private static final int LIMIT = 1024;

    /** A request whose body stream reports how much of it was read. */
    private static final class Body extends ServletInputStream {
        private final ByteArrayInputStream in;
        private long read;

        Body(int size) {
            this.in = new ByteArrayInputStream(new byte[size]);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            read += Math.max(n, 0);
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
        }
    }

    private static MockHttpServletRequest request(Body body, boolean declareLength, int size) {
        MockHttpServletRequest req = new MockHttpServletRequest("POST", "/api/v1/namespaces/a/configmaps") {
            @Override
            public ServletInputStream getInputStream() {
                return body;
            }

            @Override
            public long getContentLengthLong() {
                return declareLength ? size : -1;
            }
        };
        req.setContentType("application/json");
        return req;
    }

    @Test
    void anOversizedBodyIsReadToItsEndBeforeThe413() {
        RequestBodies bodies = new RequestBodies(LIMIT, new Encoders(), new ProtobufBodies());
        for (boolean declared : new boolean[]{true, false}) {
            Body body = new Body(LIMIT * 5);
            assertThatThrownBy(() -> bodies.read(request(body, declared, LIMIT * 5)))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                            .isEqualTo("Request entity too large: limit is " + LIMIT));
            assertThat(body.read).as("declared length: " + declared).isEqualTo(LIMIT * 5L);
        }
    }

    @Test
    void aBodyWithinTheLimitIsReturnedWhole() throws IOException {
        RequestBodies bodies = new RequestBodies(LIMIT, new Encoders(), new ProtobufBodies());
        Body body = new Body(LIMIT);
        assertThat(bodies.read(request(body, true, LIMIT))).hasSize(LIMIT);
    }
}
