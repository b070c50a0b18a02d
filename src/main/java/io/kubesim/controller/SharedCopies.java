package io.kubesim.controller;

import io.fabric8.kubernetes.api.model.FieldsV1;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shrinks a decoded fabric8 object in place before an informer shares it. The model classes start every map and list
 * field as a new empty collection ({@code additionalProperties} on every nested object, {@code env}, {@code volumes},
 * ...): about forty empty maps and lists per pod. Empty ones become the shared immutable empty collections and short
 * strings are interned, since the same values (image, policies, condition types, node names, timestamps) recur in
 * every pod. Shared copies are never mutated (see {@link Informer}); builders and codecs copy them into fresh
 * collections, so writers are unaffected.
 */
final class SharedCopies {

    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";
    private static final int MAX_DEPTH = 64;
    private static final int MAX_INTERNED_LENGTH = 64;

    private static final ClassValue<Field[]> FIELDS = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            List<Field> out = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers()) || f.getType().isPrimitive()) {
                        continue;
                    }
                    try {
                        f.setAccessible(true);
                        out.add(f);
                    } catch (InaccessibleObjectException | SecurityException e) {
                        // leave the field as decoded
                    }
                }
            }
            return out.toArray(Field[]::new);
        }
    };

    private SharedCopies() {
    }

    /** Shrinks {@code object} in place and returns it. */
    static <T> T compact(T object) {
        visit(object, 0);
        return object;
    }

    private static boolean isModel(Class<?> type) {
        return type.getName().startsWith(MODEL_PACKAGE);
    }

    private static void visit(Object object, int depth) {
        if (object == null || depth > MAX_DEPTH || !isModel(object.getClass()) || object instanceof FieldsV1) {
            // FieldsV1 comes shared from the codec already (one read-only instance per distinct content)
            return;
        }
        for (Field f : FIELDS.get(object.getClass())) {
            try {
                Object value = f.get(object);
                Object shrunk = shrink(value, depth);
                if (shrunk != value) {
                    f.set(object, shrunk);
                }
            } catch (IllegalAccessException | IllegalArgumentException e) {
                // leave the field as decoded
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object shrink(Object value, int depth) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s.length() <= MAX_INTERNED_LENGTH ? s.intern() : s;
        }
        if (value instanceof List list) {
            if (list.isEmpty()) {
                return Collections.emptyList();
            }
            if (list instanceof ArrayList && depth < MAX_DEPTH) {
                for (int i = 0; i < list.size(); i++) {
                    Object e = list.get(i);
                    Object shrunk = shrink(e, depth + 1);
                    if (shrunk != e) {
                        list.set(i, shrunk);
                    }
                }
            }
            return list;
        }
        if (value instanceof Map map) {
            if (map.isEmpty()) {
                return Collections.emptyMap();
            }
            return depth < MAX_DEPTH ? shrinkMap((Map<Object, Object>) map, depth) : map;
        }
        visit(value, depth + 1);
        return value;
    }

    /**
     * The map with interned keys (decoders do not canonicalize property names, so every pod brings its own copy of
     * {@code app} and {@code pod-template-hash}) and shrunk values, in the same order; the map itself when nothing
     * changed.
     */
    private static Map<Object, Object> shrinkMap(Map<Object, Object> map, int depth) {
        Map<Object, Object> rebuilt = new LinkedHashMap<>((int) (map.size() / 0.75f) + 1);
        boolean changed = false;
        for (Map.Entry<Object, Object> e : map.entrySet()) {
            Object key = e.getKey();
            Object sharedKey = key instanceof String s && s.length() <= MAX_INTERNED_LENGTH ? s.intern() : key;
            Object v = e.getValue();
            Object shrunk = shrink(v, depth + 1);
            changed |= sharedKey != key || shrunk != v;
            rebuilt.put(sharedKey, shrunk);
        }
        return changed ? rebuilt : map;
    }
}
