package io.kubesim.watch;

import io.kubesim.selection.SelectionPredicate;

/**
 * A list read from the cache.
 *
 * @param namespace      null for all namespaces
 * @param revision       0 for the latest state, else the exact revision to read at
 * @param startKey       first key to consider (inclusive), null from the beginning
 * @param limit          most items to return; 0 for all
 * @param countRemaining whether to count the items after the page ({@code remainingItemCount})
 */
public record ListQuery(String namespace, SelectionPredicate predicate, long revision, String startKey, int limit,
                        boolean countRemaining) {
}
