package io.kubesim.api.protobuf;

/** A protobuf body that cannot be read; the message is the apiserver's reason, without the kind prefix. */
public final class ProtobufDecodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProtobufDecodeException(String why) {
        super(why);
    }
}
