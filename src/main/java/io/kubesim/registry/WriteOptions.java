package io.kubesim.registry;

/**
 * Options common to create, update and patch.
 *
 * @param fieldManager null when not given
 */
public record WriteOptions(boolean dryRun, String fieldManager, FieldValidation fieldValidation, boolean force) {

    public static WriteOptions defaults() {
        return new WriteOptions(false, null, FieldValidation.WARN, false);
    }

    /** Options for in-process controllers: the given manager, strict nothing. */
    public static WriteOptions manager(String manager) {
        return new WriteOptions(false, manager, FieldValidation.IGNORE, false);
    }
}
