package io.kubesim.watch;

/** A watch or list asked for history the window no longer holds (the apiserver's 410 Expired). */
public final class TooOldResourceVersionException extends Exception {

    private final long requested;
    private final long oldest;

    public TooOldResourceVersionException(long requested, long oldest) {
        super("too old resource version: " + requested + " (" + oldest + ")", null, false, false);
        this.requested = requested;
        this.oldest = oldest;
    }

    public long requested() {
        return requested;
    }

    /** The oldest revision that could still be served. */
    public long oldest() {
        return oldest;
    }
}
