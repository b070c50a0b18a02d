package io.kubesim.registry;

import java.util.List;

/**
 * The answer to a write.
 *
 * @param code     201 for creates, 200 otherwise (202 for a legacy orphanDependents=false delete)
 * @param object   the object written (or the deleted object), null when {@code deleted} is set
 * @param deleted  for deletes of kinds that answer with a Success Status: its details
 * @param warnings texts for {@code Warning: 299 - "..."} headers
 */
public record WriteResult(int code, ApiObject object, DeletedDetails deleted, List<String> warnings) {

    /** The details of a {@code Status} with status Success. */
    public record DeletedDetails(String name, String group, String kind, String uid) {
    }
}
