package io.kubesim.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubesim.registry.validation.FieldError;
import io.kubesim.registry.validation.ObjectMetaValidation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A kind's rules, in the image of the apiserver's per-kind {@code strategy.go}. Every method has the
 * common default, so a kind overrides only what differs. Methods run inside the registry's write
 * path and may mutate the object they are given (a fresh decode), never the stored one.
 */
public interface ResourceStrategy<T extends HasMetadata> {

    /** The kind this strategy serves. */
    ResourceType type();

    /** Fills defaults (the versioned {@code SetDefaults_*}); runs on every create and update body. */
    default void applyDefaults(T object) {
    }

    /** Create-time adjustments: reset status, admission defaults. */
    default void prepareForCreate(T object, Instant now) {
    }

    /** Update of the main resource: adjust {@code object} given the stored {@code old} (status is already kept). */
    default void prepareForUpdate(T object, T old) {
    }

    /** Update through {@code /status}: adjust {@code object} given {@code old} (spec is already kept). */
    default void prepareForStatusUpdate(T object, T old) {
    }

    /** Update through {@code /finalize} (namespaces): by default like the main resource. */
    default void prepareForFinalize(T object, T old) {
        prepareForUpdate(object, old);
    }

    /** Validation of a new object, metadata included (by default: metadata only). */
    default List<FieldError> validate(T object) {
        ResourceType t = type();
        return ObjectMetaValidation.validate(object.getMetadata(), t.namespaced(), t.nameRule(), t.kind());
    }

    /** Validation of an update, metadata included (by default: the metadata update rules). */
    default List<FieldError> validateUpdate(T object, T old) {
        return ObjectMetaValidation.validateUpdate(object.getMetadata(), old.getMetadata(), type().kind());
    }

    /** Validation of a status update. */
    default List<FieldError> validateStatusUpdate(T object, T old) {
        return List.of();
    }

    /** Non-fatal warnings for the {@code Warning} header (e.g. a pod name that is not a DNS label). */
    default List<String> warnings(T object) {
        return List.of();
    }

    /** Selectable fields beyond {@code metadata.name} and {@code metadata.namespace}, by field label. */
    default Map<String, Function<T, String>> selectableFields() {
        return Map.of();
    }

    /** The replica accessors of the {@code scale} subresource (null when the kind has none). */
    default ScaleAccess<T> scale() {
        return null;
    }

    /**
     * The grace period for a graceful deletion: {@code requested} (may be null) adjusted to the kind;
     * 0 deletes at once. Only called for kinds with graceful deletion.
     */
    default long gracePeriod(T object, Long requested) {
        return requested == null ? 0 : requested;
    }

    /**
     * Whether the generation moves: by default when the spec changed. {@code specOf} extracts the
     * comparable desired state.
     */
    default boolean specChanged(T object, T old) {
        return !java.util.Objects.equals(SpecAccess.spec(object), SpecAccess.spec(old));
    }

    /** The propagation policy when a delete names none: {@code Background} for every built-in kind here. */
    default String defaultPropagation() {
        return "Background";
    }

    /**
     * Whether a delete must wait for something besides metadata finalizers (a namespace's
     * {@code spec.finalizers}); such an object is only marked deleting.
     */
    default boolean deferDeletion(T object) {
        return false;
    }

    /**
     * Normalises a new object after validation, once its final name is known (the apiserver's {@code Canonicalize}):
     * a namespace created with {@code generateName} gets its {@code kubernetes.io/metadata.name} label here.
     */
    default void canonicalize(T object) {
    }

    /** Adjusts an object that has just been marked for deletion (a namespace turns Terminating). */
    default void markDeleting(T object) {
    }
}
