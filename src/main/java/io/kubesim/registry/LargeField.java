package io.kubesim.registry;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A kind's {@code spec} or {@code status} property, reached through its typed getter and setter, so that a field
 * equal before and after a write can be left out of the trees the field manager compares.
 */
record LargeField(MethodHandle getter, MethodHandle setter) {

    private static final List<String> NAMES = List.of("Spec", "Status");

    private static final ClassValue<List<LargeField>> OF = new ClassValue<>() {
        @Override
        protected List<LargeField> computeValue(Class<?> type) {
            List<LargeField> out = new ArrayList<>();
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            for (String name : NAMES) {
                try {
                    MethodHandle get = lookup.findVirtual(type, "get" + name, MethodType.methodType(
                            type.getMethod("get" + name).getReturnType()));
                    MethodHandle set = lookup.findVirtual(type, "set" + name, MethodType.methodType(void.class,
                            get.type().returnType()));
                    out.add(new LargeField(get.asType(MethodType.methodType(Object.class, Object.class)),
                            set.asType(MethodType.methodType(void.class, Object.class, Object.class))));
                } catch (ReflectiveOperationException | SecurityException e) {
                    // the kind has no such property
                }
            }
            return List.copyOf(out);
        }
    };

    /** The large fields that are non-null and equal in both objects (of the same class). */
    static List<LargeField> equalIn(Object old, Object next) {
        if (old.getClass() != next.getClass()) {
            return List.of();
        }
        List<LargeField> equal = new ArrayList<>(2);
        for (LargeField f : OF.get(next.getClass())) {
            Object a = f.get(old);
            if (a != null && Objects.equals(a, f.get(next))) {
                equal.add(f);
            }
        }
        return equal;
    }

    /** Sets the fields to null and returns their values. */
    static Object[] detach(List<LargeField> fields, Object object) {
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = fields.get(i).get(object);
            fields.get(i).set(object, null);
        }
        return values;
    }

    /** Puts back what {@link #detach} took. */
    static void attach(List<LargeField> fields, Object object, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            fields.get(i).set(object, values[i]);
        }
    }

    private Object get(Object object) {
        try {
            return getter.invokeExact(object);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private void set(Object object, Object value) {
        try {
            setter.invokeExact(object, value);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
