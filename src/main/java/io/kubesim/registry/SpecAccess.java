package io.kubesim.registry;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Generic access to the {@code spec} and {@code status} properties every fabric8 kind with those
 * fields has, so the status subresource is one code path for every kind.
 */
public final class SpecAccess {

    private record Accessors(MethodHandle getSpec, MethodHandle setSpec, MethodHandle getStatus, MethodHandle setStatus) {
    }

    private static final Map<Class<?>, Accessors> CACHE = new ConcurrentHashMap<>();

    private SpecAccess() {
    }

    private static Accessors of(Class<?> type) {
        return CACHE.computeIfAbsent(type, t -> new Accessors(getter(t, "getSpec"), setter(t, "setSpec", "getSpec"),
                getter(t, "getStatus"), setter(t, "setStatus", "getStatus")));
    }

    private static MethodHandle getter(Class<?> t, String name) {
        try {
            return MethodHandles.publicLookup().findVirtual(t, name, MethodType.methodType(t.getMethod(name).getReturnType()));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static MethodHandle setter(Class<?> t, String name, String getterName) {
        try {
            Class<?> value = t.getMethod(getterName).getReturnType();
            return MethodHandles.publicLookup().findVirtual(t, name, MethodType.methodType(void.class, value));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    public static Object spec(Object o) {
        return invokeGet(of(o.getClass()).getSpec(), o);
    }

    public static Object status(Object o) {
        return invokeGet(of(o.getClass()).getStatus(), o);
    }

    public static void setSpec(Object o, Object spec) {
        invokeSet(of(o.getClass()).setSpec(), o, spec);
    }

    public static void setStatus(Object o, Object status) {
        invokeSet(of(o.getClass()).setStatus(), o, status);
    }

    private static Object invokeGet(MethodHandle h, Object o) {
        if (h == null) {
            return null;
        }
        try {
            return h.invoke(o);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static void invokeSet(MethodHandle h, Object o, Object value) {
        if (h == null) {
            return;
        }
        try {
            h.invoke(o, value);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
