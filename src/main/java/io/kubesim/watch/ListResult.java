package io.kubesim.watch;

import java.util.List;

/**
 * A page of a list.
 *
 * @param revision     the revision the page was read at (the list's resourceVersion)
 * @param nextStartKey where the next page starts, null when this is the last page
 * @param remaining    items after this page (only when counted), else -1
 */
public record ListResult(List<CachedObject> items, long revision, String nextStartKey, long remaining) {
}
