package io.kubesim.registry.codec;

/** A body that could not be decoded into the expected type; the message is the decoder's explanation. */
public final class DecodeException extends Exception {

    public DecodeException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
