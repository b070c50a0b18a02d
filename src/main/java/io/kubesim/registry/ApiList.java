package io.kubesim.registry;

import java.util.List;

/**
 * One page of a list.
 *
 * @param continueToken      empty when this is the last page
 * @param remainingItemCount null unless counted
 */
public record ApiList(ResourceType type, List<ApiObject> items, String resourceVersion, String continueToken,
                      Long remainingItemCount) {
}
