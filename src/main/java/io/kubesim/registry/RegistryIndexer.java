package io.kubesim.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubesim.registry.codec.ObjectCodec;
import io.kubesim.storage.StoredObject;
import io.kubesim.watch.CachedObject;
import io.kubesim.watch.ObjectIndexer;
import io.kubesim.watch.ResourceDescriptor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Extracts labels and selectable fields for the watch cache: from the typed object the write path
 * already holds (passed as the write's attachment), or by decoding the stored document at startup.
 */
final class RegistryIndexer implements ObjectIndexer {

    /** Labels and field values computed by the write path. */
    record Indexed(Map<String, String> labels, String[] fields) {
    }

    private final ObjectCodec codec;
    private final Map<String, ResourceStrategy<?>> byResource = new HashMap<>();

    RegistryIndexer(ObjectCodec codec, ResourceCatalog catalog) {
        this.codec = codec;
        for (ResourceStrategy<?> s : catalog.all()) {
            byResource.put(s.type().resource(), s);
        }
    }

    /** The watch-cache descriptor of a kind: its field names in a fixed order. */
    static ResourceDescriptor descriptor(ResourceStrategy<?> s) {
        List<String> names = new ArrayList<>(s.selectableFields().keySet());
        names.sort(null);
        return new ResourceDescriptor(s.type().resource(), s.type().apiVersion(), s.type().kind(), names);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Indexed indexTyped(ResourceStrategy s, HasMetadata object) {
        Map<String, Function> extractors = s.selectableFields();
        List<String> names = new ArrayList<>(extractors.keySet());
        names.sort(null);
        String[] values = new String[names.size()];
        for (int i = 0; i < values.length; i++) {
            Object v = extractors.get(names.get(i)).apply(object);
            values[i] = v == null ? "" : v.toString().intern();
        }
        Map<String, String> labels = object.getMetadata() == null ? null : object.getMetadata().getLabels();
        return new Indexed(labels == null || labels.isEmpty() ? Map.of() : interned(labels), values);
    }

    /**
     * An immutable copy with interned keys and values. Field values and labels repeat across objects (a phase, a node
     * name, a ReplicaSet's labels on each of its pods, a pod's name and uid on each of its events), and the watch cache
     * keeps them for every object: interning keeps one copy of each.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, String> interned(Map<String, String> labels) {
        Map.Entry<String, String>[] entries = new Map.Entry[labels.size()];
        int i = 0;
        for (Map.Entry<String, String> e : labels.entrySet()) {
            entries[i++] = Map.entry(e.getKey().intern(), e.getValue() == null ? "" : e.getValue().intern());
        }
        return Map.ofEntries(entries);
    }

    @Override
    public CachedObject index(StoredObject stored, Object attachment) {
        Indexed indexed = attachment instanceof Indexed i ? i : decodeAndIndex(stored);
        return new CachedObject(stored.namespace(), stored.name(), stored.uid(), stored.revision(), stored.body(),
                indexed.labels(), indexed.fields());
    }

    private Indexed decodeAndIndex(StoredObject stored) {
        ResourceStrategy<?> s = byResource.get(stored.resource());
        if (s == null) {
            return new Indexed(Map.of(), new String[0]);
        }
        HasMetadata object = codec.decode(stored.body(), s.type().javaType());
        return indexTyped(s, object);
    }
}
