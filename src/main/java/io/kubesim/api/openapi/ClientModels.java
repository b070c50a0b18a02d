package io.kubesim.api.openapi;

import com.google.gson.annotations.SerializedName;
import io.swagger.annotations.ApiModel;
import io.swagger.annotations.ApiModelProperty;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reflection over the generated models of the Kubernetes Java client ({@code io.kubernetes.client.openapi.models}):
 * each JSON field is a private field annotated {@code @SerializedName("name")} whose getter carries
 * {@code @ApiModelProperty(value = description, required = ...)}; the class carries {@code @ApiModel(description)}.
 * Classes are loaded without being initialised.
 */
final class ClientModels {

    static final String PACKAGE = "io.kubernetes.client.openapi.models.";

    /** One JSON property of a model class. */
    record Property(String name, Type type, String description, boolean required, String javaName) {
    }

    private ClientModels() {
    }

    /** Whether {@code c} is one of the client's generated model classes. */
    static boolean isModel(Class<?> c) {
        return c.getName().startsWith(PACKAGE) && !c.isEnum() && !c.getSimpleName().startsWith("Abstract");
    }

    /** The class-level description, empty when none. */
    static String description(Class<?> c) {
        ApiModel m = c.getAnnotation(ApiModel.class);
        return m == null ? "" : m.description();
    }

    /** The JSON properties of a model class, by JSON name. */
    static List<Property> properties(Class<?> c) {
        List<Property> out = new ArrayList<>();
        for (Field f : c.getDeclaredFields()) {
            SerializedName json = f.getAnnotation(SerializedName.class);
            if (json == null || Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            Optional<ApiModelProperty> doc = getter(c, f).map(m -> m.getAnnotation(ApiModelProperty.class));
            out.add(new Property(json.value(), f.getGenericType(), doc.map(ApiModelProperty::value).orElse(""),
                    doc.map(ApiModelProperty::required).orElse(false), f.getName()));
        }
        out.sort(Comparator.comparing(Property::name));
        return out;
    }

    private static Optional<Method> getter(Class<?> c, Field f) {
        String bare = f.getName().startsWith("_") ? f.getName().substring(1) : f.getName();
        String name = "get" + bare.substring(0, 1).toUpperCase(Locale.ROOT) + bare.substring(1);
        try {
            return Optional.of(c.getMethod(name));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    /** The model classes a property type mentions: itself, or the element/value type of a list or map. */
    static List<Class<?>> referencedModels(Type type) {
        List<Class<?>> out = new ArrayList<>();
        collect(type, out);
        return out;
    }

    private static void collect(Type type, List<Class<?>> out) {
        if (type instanceof ParameterizedType p) {
            for (Type arg : p.getActualTypeArguments()) {
                collect(arg, out);
            }
        } else if (type instanceof Class<?> c && isModel(c)) {
            out.add(c);
        }
    }

    /**
     * The client class of a kind: {@code CoreV1Event} (group-prefixed, used where two groups share a kind name) or
     * else {@code V1Pod}. Empty when the client has neither.
     */
    static Optional<Class<?>> forKind(String group, String version, String kind) {
        String v = capitalize(version);
        for (String name : List.of(GroupNames.clientPrefix(group) + v + kind, v + kind)) {
            try {
                return Optional.of(Class.forName(PACKAGE + name, false, ClientModels.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                // try the next spelling
            }
        }
        return Optional.empty();
    }

    /** The client class of a kind, or an error naming the kind. */
    static Class<?> requireKind(String group, String version, String kind) {
        return forKind(group, version, kind).orElseThrow(() -> new IllegalStateException(
                "no io.kubernetes client model for " + (group.isEmpty() ? "" : group + "/") + version + " " + kind));
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
