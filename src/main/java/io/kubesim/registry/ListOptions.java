package io.kubesim.registry;

/**
 * The list and watch query options, as given (validated by the registry).
 *
 * @param sendInitialEvents null when not given
 * @param timeoutSeconds    null when not given
 */
public record ListOptions(String labelSelector, String fieldSelector, String resourceVersion,
                          String resourceVersionMatch, Long limit, String continueToken, boolean watch,
                          boolean allowWatchBookmarks, Boolean sendInitialEvents, Long timeoutSeconds) {

    public static ListOptions all() {
        return new ListOptions(null, null, null, null, null, null, false, false, null, null);
    }

    public static ListOptions labels(String labelSelector) {
        return new ListOptions(labelSelector, null, null, null, null, null, false, false, null, null);
    }

    public static ListOptions fields(String fieldSelector) {
        return new ListOptions(null, fieldSelector, null, null, null, null, false, false, null, null);
    }

    public ListOptions withSelectors(String label, String field) {
        return new ListOptions(label, field, resourceVersion, resourceVersionMatch, limit, continueToken, watch,
                allowWatchBookmarks, sendInitialEvents, timeoutSeconds);
    }
}
