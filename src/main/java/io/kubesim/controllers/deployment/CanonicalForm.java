package io.kubesim.controllers.deployment;

import io.kubesim.quantity.Quantities;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A canonical, order-stable tree of a fabric8 model object, and its text rendering (the input of the pod
 * template hash).
 *
 * <p>Tree: objects become {@link TreeMap}s keyed by property name (the getter name without {@code get}/{@code is},
 * first letter lower-cased; {@code additionalProperties} included as a nested map), lists stay lists, maps become
 * {@link TreeMap}s. Absent values are dropped: null, empty strings, empty lists and maps, and objects whose
 * properties are all absent, so that "unset" and "empty" are the same (like Go's semantic equality, which treats
 * nil and empty collections alike). List elements are never dropped (an absent element renders as {@code null}).
 * Quantities become their canonical string ({@code 1000m} and {@code 1} are equal); an int-or-string keeps its
 * kind ({@code 8080} differs from {@code "8080"}).
 *
 * <p>Text: JSON with sorted keys and no whitespace.
 */
final class CanonicalForm {

    private CanonicalForm() {
    }

    /** The canonical tree of {@code value}, or null when it is absent. */
    static Object tree(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s.isEmpty() ? null : s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Quantity q) {
            String raw = q.toString();
            return Quantities.canonical(raw).orElse(raw);
        }
        if (value instanceof IntOrString ios) {
            return ios.getValue() instanceof Integer i ? i : tree(ios.getStrVal());
        }
        if (value instanceof Collection<?> c) {
            List<Object> list = new ArrayList<>();
            c.forEach(e -> list.add(tree(e)));
            return list.isEmpty() ? null : list;
        }
        if (value instanceof Map<?, ?> m) {
            return map(m);
        }
        if (value.getClass().getName().startsWith("io.fabric8.")) {
            return bean(value);
        }
        return value.toString();
    }

    private static Object map(Map<?, ?> m) {
        TreeMap<String, Object> out = new TreeMap<>();
        m.forEach((k, v) -> {
            Object t = tree(v);
            if (k != null && t != null) {
                out.put(k.toString(), t);
            }
        });
        return out.isEmpty() ? null : out;
    }

    private static Object bean(Object bean) {
        TreeMap<String, Object> out = new TreeMap<>();
        for (Method m : bean.getClass().getMethods()) {
            String name = propertyName(m);
            if (name == null) {
                continue;
            }
            Object t = tree(invoke(m, bean));
            if (t != null) {
                out.put(name, t);
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static String propertyName(Method m) {
        if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())
                || m.getDeclaringClass() == Object.class) {
            return null;
        }
        String n = m.getName();
        int prefix = n.startsWith("get") ? 3 : n.startsWith("is") ? 2 : 0;
        if (prefix == 0 || n.length() == prefix) {
            return null;
        }
        return Character.toLowerCase(n.charAt(prefix)) + n.substring(prefix + 1);
    }

    private static Object invoke(Method m, Object bean) {
        try {
            return m.invoke(bean);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + m.getName() + " of " + bean.getClass().getName(), e);
        }
    }

    /** Renders a canonical tree as compact JSON with sorted keys. */
    static String render(Object tree) {
        StringBuilder sb = new StringBuilder();
        render(tree, sb);
        return sb.toString();
    }

    private static void render(Object t, StringBuilder sb) {
        if (t == null || t instanceof Number || t instanceof Boolean) {
            sb.append(t);
        } else if (t instanceof String s) {
            quote(s, sb);
        } else if (t instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ",");
                render(list.get(i), sb);
            }
            sb.append(']');
        } else {
            sb.append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : ((Map<?, ?>) t).entrySet()) {
                sb.append(sep);
                quote(e.getKey().toString(), sb);
                sb.append(':');
                render(e.getValue(), sb);
                sep = ",";
            }
            sb.append('}');
        }
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
