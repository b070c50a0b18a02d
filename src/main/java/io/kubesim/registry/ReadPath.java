package io.kubesim.registry;

import io.kubesim.selection.SelectionPredicate;
import io.kubesim.watch.CachedObject;
import io.kubesim.watch.ListQuery;
import io.kubesim.watch.ListResult;
import io.kubesim.watch.ResourceCache;
import io.kubesim.watch.TooOldResourceVersionException;
import io.kubesim.watch.WatchHub;
import io.kubesim.watch.WatchQuery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * get, list and watch, served from the watch cache with the apiserver's resourceVersion rules
 * (API-MACHINERY §4–5).
 */
final class ReadPath {

    private static final String EXPIRED_CONTINUE = "The provided continue parameter is too old to display a consistent"
            + " list result. You can start a new list without the continue parameter, or use the continue token in"
            + " this response to retrieve the remainder of the results. Continuing with the provided token results in"
            + " an inconsistent list - objects that were created, modified, or deleted between the time the first"
            + " chunk was returned and now may show up in the list.";

    private final WatchHub hub;
    private final Duration futureWait;

    ReadPath(WatchHub hub, Duration futureWait) {
        this.hub = hub;
        this.futureWait = futureWait;
    }

    static ApiObject apiObject(CachedObject o) {
        return new ApiObject(o.json(), o.itemOffset(), o.name(), o.namespace(), o.uid(), o.revision());
    }

    ResourceCache cache(ResourceType t) {
        return hub.cache(t.resource());
    }

    CachedObject current(ResourceType t, String namespace, String name) {
        return cache(t).get(t.namespaced() ? namespace + "/" + name : name);
    }

    ApiObject get(ResourceType t, String namespace, String name) {
        CachedObject o = current(t, namespace, name);
        if (o == null) {
            throw ApiException.notFound(t.group(), t.plural(), name);
        }
        return apiObject(o);
    }

    ApiList list(ResourceStrategy<?> s, String namespace, ListOptions o) {
        ResourceType t = s.type();
        validateList(o);
        SelectionPredicate p = Selections.parse(s, o.labelSelector(), o.fieldSelector());
        String ns = t.namespaced() ? namespace : null;
        int limit = o.limit() == null || o.limit() <= 0 ? 0 : (int) Math.min(o.limit(), Integer.MAX_VALUE);
        boolean count = p.isEverything();
        if (o.continueToken() != null && !o.continueToken().isEmpty()) {
            return continueList(t, ns, p, o.continueToken(), limit, count);
        }
        String rv = o.resourceVersion();
        long at = 0;
        if (rv != null && !rv.isEmpty() && !rv.equals("0")) {
            long n = parseRevision(rv);
            boolean exact = "Exact".equals(o.resourceVersionMatch())
                    || (o.resourceVersionMatch() == null || o.resourceVersionMatch().isEmpty()) && limit > 0;
            awaitRevision(n);
            at = exact ? n : 0;
        }
        try {
            ListResult r = cache(t).list(new ListQuery(ns, p, at, null, limit, count));
            return toList(t, ns, r);
        } catch (TooOldResourceVersionException e) {
            throw ApiException.expired("The resourceVersion for the provided list is too old.");
        }
    }

    private ApiList continueList(ResourceType t, String ns, SelectionPredicate p, String token, int limit, boolean count) {
        ContinueToken c = ContinueToken.decode(token);
        String start = ns == null ? c.start() : ns + "/" + c.start();
        long at = c.revision() < 0 ? 0 : c.revision();
        try {
            ListResult r = cache(t).list(new ListQuery(ns, p, at, start, limit, count));
            return toList(t, ns, r);
        } catch (TooOldResourceVersionException e) {
            String fresh = new ContinueToken(-1, c.start()).encode();
            throw ApiException.expiredContinue(EXPIRED_CONTINUE, fresh);
        }
    }

    private static ApiList toList(ResourceType t, String ns, ListResult r) {
        List<ApiObject> items = new ArrayList<>(r.items().size());
        for (CachedObject o : r.items()) {
            items.add(apiObject(o));
        }
        String token = "";
        if (r.nextStartKey() != null) {
            String start = ns == null ? r.nextStartKey() : r.nextStartKey().substring(ns.length() + 1);
            token = new ContinueToken(r.revision(), start).encode();
        }
        Long remaining = r.remaining() > 0 ? r.remaining() : null;
        return new ApiList(t, items, Long.toString(r.revision()), token, remaining);
    }

    private static void validateList(ListOptions o) {
        List<io.kubesim.registry.validation.FieldError> errors = new ArrayList<>();
        String match = o.resourceVersionMatch();
        boolean hasContinue = o.continueToken() != null && !o.continueToken().isEmpty();
        String rv = o.resourceVersion();
        if (match != null && !match.isEmpty()) {
            if (rv == null || rv.isEmpty()) {
                errors.add(io.kubesim.registry.validation.FieldError.forbidden("resourceVersionMatch",
                        "resourceVersionMatch is forbidden unless resourceVersion is provided"));
            }
            if (hasContinue) {
                errors.add(io.kubesim.registry.validation.FieldError.forbidden("resourceVersionMatch",
                        "resourceVersionMatch is forbidden when continue is provided"));
            }
            if (!match.equals("Exact") && !match.equals("NotOlderThan")) {
                errors.add(io.kubesim.registry.validation.FieldError.notSupported("resourceVersionMatch", match,
                        List.of("Exact", "NotOlderThan", "")));
            }
            if (match.equals("Exact") && "0".equals(rv)) {
                errors.add(io.kubesim.registry.validation.FieldError.forbidden("resourceVersionMatch",
                        "resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\""));
            }
        }
        if (o.sendInitialEvents() != null) {
            errors.add(io.kubesim.registry.validation.FieldError.forbidden("sendInitialEvents",
                    "sendInitialEvents is forbidden for list"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalidOptions("ListOptions", errors);
        }
        if (hasContinue && rv != null && !rv.isEmpty() && !rv.equals("0")) {
            throw ApiException.badRequest("specifying resource version is not allowed when using continue");
        }
    }

    static long parseRevision(String rv) {
        try {
            long n = Long.parseLong(rv);
            if (n < 0 || (rv.length() > 1 && rv.charAt(0) == '0') || rv.charAt(0) == '+') {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid resource version: resourceVersion: Invalid value: "
                    + io.kubesim.registry.validation.GoFormat.quote(rv) + ": strconv.ParseUint: parsing "
                    + io.kubesim.registry.validation.GoFormat.quote(rv) + ": invalid syntax");
        }
    }

    /** Waits (bounded) until the server has reached {@code revision}; 504 when it does not. */
    private void awaitRevision(long revision) {
        if (hub.revision() >= revision) {
            return;
        }
        long deadline = System.nanoTime() + futureWait.toNanos();
        while (hub.revision() < revision && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000L);
        }
        if (hub.revision() < revision) {
            throw ApiException.with(StatusReason.TIMEOUT, "Timeout: Too large resource version: " + revision
                            + ", current: " + hub.revision())
                    .causes(List.of(new ApiException.Cause("ResourceVersionTooLarge", "Too large resource version", "")))
                    .retryAfter(1).build();
        }
    }

    ApiWatch watch(ResourceStrategy<?> s, String namespace, ListOptions o, int capacity) {
        ResourceType t = s.type();
        validateWatch(o);
        SelectionPredicate p = Selections.parse(s, o.labelSelector(), o.fieldSelector());
        String ns = t.namespaced() ? namespace : null;
        String rv = o.resourceVersion();
        boolean fromNow = rv == null || rv.isEmpty() || rv.equals("0");
        long n = fromNow ? 0 : parseRevision(rv);
        WatchQuery q;
        boolean bookmarks = o.allowWatchBookmarks();
        if (Boolean.TRUE.equals(o.sendInitialEvents()) || (o.sendInitialEvents() == null && fromNow)) {
            q = new WatchQuery(ns, p, WatchQuery.Start.INITIAL_STATE, 0, bookmarks, bookmarks, capacity);
        } else if (fromNow) {
            q = new WatchQuery(ns, p, WatchQuery.Start.NOW, 0, false, bookmarks, capacity);
        } else {
            q = new WatchQuery(ns, p, WatchQuery.Start.AFTER_REVISION, n, false, bookmarks, capacity);
        }
        try {
            return new ApiWatch(t, cache(t).watch(q));
        } catch (TooOldResourceVersionException e) {
            return ApiWatch.failed(t, ApiException.expired(e.getMessage()));
        }
    }

    private static void validateWatch(ListOptions o) {
        List<io.kubesim.registry.validation.FieldError> errors = new ArrayList<>();
        String match = o.resourceVersionMatch();
        if (o.sendInitialEvents() != null && !"NotOlderThan".equals(match)) {
            errors.add(io.kubesim.registry.validation.FieldError.forbidden("resourceVersionMatch",
                    "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan"));
        }
        if (match != null && !match.isEmpty()) {
            if (o.sendInitialEvents() == null) {
                errors.add(io.kubesim.registry.validation.FieldError.forbidden("resourceVersionMatch",
                        "resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided"));
            }
            if (!match.equals("NotOlderThan")) {
                errors.add(io.kubesim.registry.validation.FieldError.notSupported("resourceVersionMatch", match,
                        List.of("NotOlderThan")));
            }
            if (o.continueToken() != null && !o.continueToken().isEmpty()) {
                errors.add(io.kubesim.registry.validation.FieldError.forbidden("resourceVersionMatch",
                        "resourceVersionMatch is forbidden when continue is provided"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalidOptions("ListOptions", errors);
        }
    }
}
