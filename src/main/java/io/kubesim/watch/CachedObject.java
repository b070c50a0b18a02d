package io.kubesim.watch;

import java.util.Map;

/**
 * An immutable object in the watch cache: its identity, revision, JSON body and what selectors
 * need (labels and the resource's selectable field values, aligned with
 * {@link ResourceCache#fieldNames()}).
 */
public final class CachedObject {

    private final String key;
    private final String namespace;
    private final String name;
    private final String uid;
    private final long revision;
    /** The JSON document, or its deflated form when {@link #compression} is set. */
    private final byte[] json;
    private final JsonCompression compression;
    private final int length;
    private final Map<String, String> labels;
    private final String[] fields;
    private volatile int itemOffset = -1;

    public CachedObject(String namespace, String name, String uid, long revision, byte[] json,
                        Map<String, String> labels, String[] fields) {
        this.namespace = namespace == null ? "" : namespace.intern();
        this.name = name;
        this.key = this.namespace.isEmpty() ? name : this.namespace + "/" + name;
        this.uid = uid;
        this.revision = revision;
        this.json = json;
        this.compression = null;
        this.length = json.length;
        this.labels = labels == null ? Map.of() : labels;
        this.fields = fields == null ? new String[0] : fields;
    }

    private CachedObject(CachedObject plain, JsonCompression compression) {
        this.namespace = plain.namespace;
        this.name = plain.name;
        this.key = plain.key;
        this.uid = plain.uid;
        this.revision = plain.revision;
        this.itemOffset = plain.itemOffset();
        this.json = compression.deflate(plain.json);
        this.compression = compression;
        this.length = plain.json.length;
        this.labels = plain.labels;
        this.fields = plain.fields;
    }

    /** This object keeping its document deflated (inflated again on every {@link #json()}). */
    CachedObject compressed(JsonCompression with) {
        return compression != null ? this : new CachedObject(this, with);
    }

    /** The bytes this object keeps for its document. */
    int retainedBytes() {
        return json.length;
    }

    public String key() {
        return key;
    }

    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    public String uid() {
        return uid;
    }

    public long revision() {
        return revision;
    }

    /**
     * The full JSON document (with apiVersion and kind). Never modify the array. For an object of a compressed
     * resource each call inflates a new copy: call it once per use.
     */
    public byte[] json() {
        return compression == null ? json : compression.inflate(json, length);
    }

    public Map<String, String> labels() {
        return labels;
    }

    /** Selectable field values, aligned with the resource's field names. */
    String[] fields() {
        return fields;
    }

    /**
     * The offset at which the fields after {@code apiVersion} and {@code kind} start: a list item is
     * {@code '{'} followed by {@code json()[itemOffset()..]}.
     */
    public int itemOffset() {
        int offset = itemOffset;
        if (offset < 0) {
            offset = JsonBytes.afterTypeFields(json);
            itemOffset = offset;
        }
        return offset;
    }

    /** This object with its {@code metadata.resourceVersion} rewritten (DELETED events of objects leaving a selector). */
    public CachedObject withRevision(long newRevision) {
        byte[] plain = json();
        long located = JsonBytes.locateResourceVersion(plain);
        if (located < 0) {
            return this;
        }
        byte[] spliced = JsonBytes.splice(plain, (int) (located >>> 32), (int) located, newRevision);
        return new CachedObject(namespace, name, uid, newRevision, spliced, labels, fields);
    }

    @Override
    public String toString() {
        return "CachedObject[" + key + "@" + revision + "]";
    }
}
