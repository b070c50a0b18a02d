package io.kubesim.controller;

/** A refused in-process request, with the HTTP code and Kubernetes reason the API would answer. */
public final class ClientException extends RuntimeException {

    private final int code;
    private final String reason;

    public ClientException(int code, String reason, String message) {
        super(message, null, false, false);
        this.code = code;
        this.reason = reason;
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    public boolean isNotFound() {
        return code == 404;
    }

    public boolean isConflict() {
        return code == 409 && "Conflict".equals(reason);
    }

    public boolean isAlreadyExists() {
        return code == 409 && "AlreadyExists".equals(reason);
    }
}
