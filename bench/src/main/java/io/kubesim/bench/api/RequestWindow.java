package io.kubesim.bench.api;

/**
 * When a measured phase ran (wall clock, milliseconds since the epoch) and which of its requests a server's request
 * log shows for it: the verb as kube-apiserver names it ({@code POST}, {@code GET}, {@code LIST}, {@code PUT},
 * {@code DELETE}) and whether the path is a pod's {@code status} subresource.
 */
record RequestWindow(String phase, String verb, boolean status, long startMillis, long endMillis) {

    /**
     * Whether a request logged at {@code atMillis} with this verb and path belongs to the phase. The server logs a
     * request as it answers, before the phase's client sees the answer, so the line falls inside the window.
     */
    boolean holds(long atMillis, String verb, String path, String podsPath) {
        return this.verb.equals(verb) && atMillis >= startMillis && atMillis <= endMillis
                && isUnder(path, podsPath) && withoutQuery(path).endsWith("/status") == status;
    }

    private static String withoutQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private static boolean isUnder(String path, String podsPath) {
        if (!path.startsWith(podsPath)) {
            return false;
        }
        return path.length() == podsPath.length() || path.charAt(podsPath.length()) == '/'
                || path.charAt(podsPath.length()) == '?';
    }
}
