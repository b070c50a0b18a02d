package io.kubesim.api;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's error report as a Kubernetes {@code Status} instead of an HTML page: what a client gets when Tomcat refuses
 * a request before any servlet runs (an encoded slash in the path, a malformed request line) or when an error has no
 * body. Replaces the host's {@link ErrorReportValve} (see {@link ApiConfiguration}); it must be public with a no-arg
 * constructor because Tomcat can instantiate it by class name.
 */
public final class StatusErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        byte[] body = JSON.writeValueAsBytes(StatusBodies.failure(ContainerErrors.of(code, response.getMessage())));
        try {
            response.setContentType("application/json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body any more: nothing left to tell it
        }
    }
}
