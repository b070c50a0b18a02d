package io.kubesim.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * The container's error page ({@code /error}, where Tomcat forwards a {@code sendError} or an exception that escaped a
 * non-API handler) as a Kubernetes {@code Status}; replaces Spring Boot's JSON error body.
 */
@RestController
public class ErrorEndpoint implements ErrorController {

    private final Responder responder;

    ErrorEndpoint(Responder responder) {
        this.responder = responder;
    }

    @RequestMapping("/error")
    public void error(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        int code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer i ? i : 500;
        Object message = req.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        responder.status(resp, null, ContainerErrors.of(code < 400 ? 500 : code, message == null ? null : message.toString()));
    }
}
