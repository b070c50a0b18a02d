package io.kubesim.storage.jdbc;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The revision of every key this process has seen committed: lets the writer refuse conflicting
 * writes before touching the database. The database's compare-and-swap remains the authority.
 */
final class KnownRevisions {

    private final ConcurrentHashMap<String, Long> revisions = new ConcurrentHashMap<>();

    static String id(String resource, String key) {
        return resource + '\u0000' + key;
    }

    long get(String id) {
        Long r = revisions.get(id);
        return r == null ? 0 : r;
    }

    void put(String id, long revision) {
        if (revision == 0) {
            revisions.remove(id);
        } else {
            revisions.put(id, revision);
        }
    }

    int size() {
        return revisions.size();
    }
}
