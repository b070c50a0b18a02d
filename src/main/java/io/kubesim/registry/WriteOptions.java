package io.kubesim.registry;

/**
 * Options common to create, update and patch.
 *
 * @param fieldManager null when not given
 * @param userAgent    the request's User-Agent (null in process): names the manager when {@code fieldManager} is not
 *                     given
 */
public record WriteOptions(boolean dryRun, String fieldManager, FieldValidation fieldValidation, boolean force,
                           String userAgent) {

    public WriteOptions(boolean dryRun, String fieldManager, FieldValidation fieldValidation, boolean force) {
        this(dryRun, fieldManager, fieldValidation, force, null);
    }

    public static WriteOptions defaults() {
        return new WriteOptions(false, null, FieldValidation.WARN, false);
    }

    /** Options for in-process controllers: the given manager, strict nothing. */
    public static WriteOptions manager(String manager) {
        return new WriteOptions(false, manager, FieldValidation.IGNORE, false);
    }

    /** The manager a non-apply write is recorded under: {@code fieldManager}, else the User-Agent's product. */
    public String managerOrUserAgent() {
        if (fieldManager != null && !fieldManager.isEmpty()) {
            return fieldManager;
        }
        return io.kubesim.patch.apply.FieldManager.defaultManager(userAgent);
    }
}
