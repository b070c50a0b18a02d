package io.kubesim.api;

import io.kubesim.registry.ApiException;
import io.kubesim.registry.StatusReason;

/**
 * Errors the servlet container decides before kubesim's code runs (a request line or URL Tomcat refuses, a method
 * it does not pass on) or after a failure outside the API handlers, as the apiserver's {@code v1 Status}: the code
 * stays, the reason is the one the apiserver gives that code.
 */
final class ContainerErrors {

    private ContainerErrors() {
    }

    static ApiException of(int code, String message) {
        boolean said = message != null && !message.isBlank();
        return switch (code) {
            case 400 -> ApiException.badRequest(said ? message : "the server rejected the request as malformed");
            case 404 -> ApiException.notFound404();
            case 405 -> ResourceEndpoint.methodNotAllowed();
            case 413 -> ApiException.tooLarge(said ? message : "the request is too large");
            case 500 -> ApiException.internal(said ? message : "an error on the server prevented the request from succeeding");
            default -> ApiException.with(StatusReason.UNKNOWN, said ? message : "the request failed with HTTP status " + code)
                    .code(code).build();
        };
    }
}
