package io.kubesim.storage;

/** A write the store refused, or could not perform. Nothing was written. */
public final class StorageException extends RuntimeException {

    /** Why the write was refused. */
    public enum Reason {
        /** A create found the key taken. */
        ALREADY_EXISTS,
        /** An update or delete found no object. */
        NOT_FOUND,
        /** An update or delete found another revision than expected. */
        CONFLICT,
        /** The database failed; the write may be retried. */
        UNAVAILABLE
    }

    private final Reason reason;
    private final long currentRevision;

    public StorageException(Reason reason, String message, long currentRevision, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.currentRevision = currentRevision;
    }

    public Reason reason() {
        return reason;
    }

    /** The revision stored for the key when the write was refused (0 when absent or unknown). */
    public long currentRevision() {
        return currentRevision;
    }
}
