package io.kubesim.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubesim.registry.codec.DecodeException;
import io.kubesim.registry.codec.Decoded;
import io.kubesim.registry.codec.ObjectCodec;
import io.kubesim.registry.codec.RevisionTemplate;
import io.kubesim.registry.validation.FieldError;
import io.kubesim.registry.validation.GoFormat;
import io.kubesim.registry.validation.NameRule;
import io.kubesim.registry.validation.ObjectMetaValidation;
import io.kubesim.storage.CommittedChange;
import io.kubesim.storage.ObjectStore;
import io.kubesim.storage.StorageException;
import io.kubesim.storage.WriteRequest;
import io.kubesim.watch.CachedObject;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * create, update and patch for every kind: decode, defaults, metadata policy, strategy, validation,
 * then one compare-and-swap write (retried for unconditional updates, as Go's GuaranteedUpdate).
 */
final class WritePath {

    private static final int MAX_ATTEMPTS = 16;
    private static final int MAX_GENERATE_ATTEMPTS = 8;

    /**
     * Computes the new object for one attempt (may be called more than once); {@code current} decodes a fresh,
     * mutable copy of the stored object on demand (writes that replace the whole object never ask for it).
     */
    @FunctionalInterface
    interface Mutation<T> {
        T apply(java.util.function.Supplier<T> current, CachedObject stored);
    }

    private final ObjectCodec codec;
    private final ObjectStore store;
    private final ReadPath reads;
    private final NamespaceLifecycle lifecycle;
    private final Clock clock;
    private final NameGenerator names = new NameGenerator();
    private final ManagedFields managed;

    WritePath(ObjectCodec codec, ObjectStore store, ReadPath reads, NamespaceLifecycle lifecycle, Clock clock) {
        this.codec = codec;
        this.store = store;
        this.reads = reads;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.managed = new ManagedFields(codec);
    }

    // ---- decoding ----------------------------------------------------------------------------

    /** Decodes a create/update body strictly; unknown fields are an error, a warning or ignored. */
    <T extends HasMetadata> T decode(ResourceStrategy<T> s, RequestBody body, FieldValidation mode, List<String> warnings) {
        ResourceType t = s.type();
        Decoded<T> d;
        try {
            d = codec.decodeStrict(body.source(), castType(t));
        } catch (DecodeException e) {
            throw ApiException.badRequest(t.kind() + " in version " + GoFormat.quote(t.version())
                    + " cannot be handled as a " + t.kind() + ": " + e.getMessage());
        }
        if (d.value() == null) {
            throw ApiException.badRequest("Object 'Kind' is missing in 'null'");
        }
        List<String> problems = d.problems();
        if (!problems.isEmpty()) {
            switch (mode) {
                case STRICT -> throw ApiException.badRequest(t.kind() + " in version " + GoFormat.quote(t.version())
                        + " cannot be handled as a " + t.kind() + ": strict decoding error: " + String.join(", ", problems));
                case WARN -> warnings.addAll(problems);
                case IGNORE -> {
                }
            }
        }
        checkTypeMeta(t, d.value());
        return d.value();
    }

    @SuppressWarnings("unchecked")
    static <T extends HasMetadata> Class<T> castType(ResourceType t) {
        return (Class<T>) t.javaType();
    }

    private static void checkTypeMeta(ResourceType t, HasMetadata o) {
        String apiVersion = o.getApiVersion();
        String kind = o.getKind();
        if (apiVersion != null && !apiVersion.isEmpty() && !apiVersion.equals(t.apiVersion())) {
            throw ApiException.badRequest("the API version in the data (" + apiVersion
                    + ") does not match the expected API version (" + t.apiVersion() + ")");
        }
        if (kind != null && !kind.isEmpty() && !kind.equals(t.kind())) {
            throw ApiException.badRequest(kind + " in version " + GoFormat.quote(t.version()) + " cannot be handled as a "
                    + t.kind() + ": the kind in the data (" + kind + ") does not match the expected kind (" + t.kind() + ")");
        }
        o.setApiVersion(t.apiVersion());
        if (o instanceof io.fabric8.kubernetes.api.model.KubernetesResource) {
            setKind(o, t.kind());
        }
    }

    private static void setKind(HasMetadata o, String kind) {
        try {
            o.getClass().getMethod("setKind", String.class).invoke(o, kind);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- create ------------------------------------------------------------------------------

    <T extends HasMetadata> WriteResult create(ResourceStrategy<T> s, String namespace, T object, WriteOptions o,
                                               List<String> warnings) {
        return create(s, namespace, object, o, warnings, true);
    }

    /** {@code trackFields} is false when an apply already computed the managedFields. */
    private <T extends HasMetadata> WriteResult create(ResourceStrategy<T> s, String namespace, T object, WriteOptions o,
                                                       List<String> warnings, boolean trackFields) {
        ResourceType t = s.type();
        ObjectMeta m = MetadataPolicy.meta(object);
        placeInNamespace(t, m, namespace);
        lifecycle.admitCreate(t, m.getNamespace(), m.getName() == null || m.getName().isEmpty()
                ? Objects.requireNonNullElse(m.getGenerateName(), "") : m.getName());
        if (m.getResourceVersion() != null && !m.getResourceVersion().isEmpty()) {
            throw ApiException.unknown("resourceVersion should not be set on objects to be created");
        }
        s.applyDefaults(object);
        Instant now = clock.instant();
        MetadataPolicy.prepareCreate(t, object, now);
        s.prepareForCreate(object, now);
        boolean generated = (m.getName() == null || m.getName().isEmpty())
                && m.getGenerateName() != null && !m.getGenerateName().isEmpty();
        for (int attempt = 1; ; attempt++) {
            if (generated) {
                m.setName(names.generate(m.getGenerateName()));
            }
            List<FieldError> errors = s.validate(object);
            if (errors.isEmpty()) {
                errors = ObjectMetaValidation.validate(object.getMetadata(), t.namespaced(), NameRule.PATH_SEGMENT_ONLY,
                        t.kind());
            }
            if (!errors.isEmpty()) {
                throw ApiException.invalid(t.group(), t.kind(), m.getName(), errors);
            }
            warnings.addAll(s.warnings(object));
            if (trackFields && attempt == 1) {
                managed.update(t, null, null, object, Subresource.MAIN, o.managerOrUserAgent(), now);
            }
            s.canonicalize(object);
            if (o.dryRun()) {
                return new WriteResult(201, render(object, null), null, warnings);
            }
            RevisionTemplate template = codec.template(object);
            try {
                CommittedChange c = store.write(WriteRequest.create(t.resource(), nz(m.getNamespace()), m.getName(),
                        m.getUid(), template, RegistryIndexer.indexTyped(s, object)));
                return new WriteResult(201, apiObject(c), null, warnings);
            } catch (StorageException e) {
                if (e.reason() == StorageException.Reason.ALREADY_EXISTS) {
                    if (generated && attempt < MAX_GENERATE_ATTEMPTS) {
                        continue;
                    }
                    if (generated) {
                        throw ApiException.generateNameConflict(t.group(), t.plural(), m.getName());
                    }
                    CachedObject existing = reads.current(t, m.getNamespace(), m.getName());
                    if (existing != null && codec.decode(existing.json(), t.javaType()).getMetadata().getDeletionTimestamp() != null) {
                        throw ApiException.alreadyExistsTerminating(t.group(), t.plural(), m.getName());
                    }
                    throw ApiException.alreadyExists(t.group(), t.plural(), m.getName());
                }
                throw storageFailure(t, m.getName(), e);
            }
        }
    }

    private static void placeInNamespace(ResourceType t, ObjectMeta m, String namespace) {
        if (!t.namespaced()) {
            m.setNamespace(null);
            return;
        }
        if (m.getNamespace() == null || m.getNamespace().isEmpty()) {
            m.setNamespace(namespace);
        } else if (!m.getNamespace().equals(namespace)) {
            throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
    }

    // ---- update ------------------------------------------------------------------------------

    /** PUT of a whole object (main resource or status), conditional when the body carries a resourceVersion. */
    <T extends HasMetadata> WriteResult replace(ResourceStrategy<T> s, String namespace, String name, Subresource sub,
                                                java.util.function.Supplier<T> body, WriteOptions o, List<String> warnings) {
        ResourceType t = s.type();
        T first = body.get();
        ObjectMeta m = MetadataPolicy.meta(first);
        if (m.getName() != null && !m.getName().isEmpty() && !m.getName().equals(name)) {
            throw ApiException.badRequest("the name of the object (" + m.getName() + ") does not match the name on the URL (" + name + ")");
        }
        if (t.namespaced() && m.getNamespace() != null && !m.getNamespace().isEmpty() && !m.getNamespace().equals(namespace)) {
            throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        String expected = m.getResourceVersion();
        boolean conditional = expected != null && !expected.isEmpty();
        java.util.concurrent.atomic.AtomicReference<T> pending = new java.util.concurrent.atomic.AtomicReference<>(first);
        Mutation<T> mutation = (current, stored) -> {
            T held = pending.getAndSet(null);
            T next = held != null ? held : body.get();
            ObjectMeta nm = MetadataPolicy.meta(next);
            nm.setName(name);
            nm.setNamespace(t.namespaced() ? namespace : null);
            if (conditional && !expected.equals(Long.toString(stored.revision()))) {
                throw ApiException.modified(t.group(), t.plural(), name);
            }
            return next;
        };
        CachedObject stored = reads.current(t, namespace, name);
        if (stored == null && t.allowCreateOnUpdate() && sub == Subresource.MAIN) {
            T created = body.get();
            MetadataPolicy.meta(created).setResourceVersion(null);
            return create(s, namespace, created, o, warnings);
        }
        return update(s, namespace, name, sub, mutation, conditional, o, warnings);
    }

    /**
     * The read-modify-write loop. {@code conditional} writes fail with 409 on a lost race; others are
     * re-applied to the fresh object.
     */
    <T extends HasMetadata> WriteResult update(ResourceStrategy<T> s, String namespace, String name, Subresource sub,
                                               Mutation<T> mutation, boolean conditional, WriteOptions o,
                                               List<String> warnings) {
        return update(s, namespace, name, sub, mutation, conditional, o, warnings, true);
    }

    private <T extends HasMetadata> WriteResult update(ResourceStrategy<T> s, String namespace, String name,
                                                       Subresource sub, Mutation<T> mutation, boolean conditional,
                                                       WriteOptions o, List<String> warnings, boolean trackFields) {
        ResourceType t = s.type();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            CachedObject stored = reads.current(t, namespace, name);
            if (stored == null) {
                throw ApiException.notFound(t.group(), t.plural(), name);
            }
            Class<T> type = castType(t);
            byte[] storedJson = stored.json();
            T old = codec.decode(storedJson, type);
            T next = mutation.apply(() -> codec.decode(storedJson, type), stored);
            if (next == null) {
                return new WriteResult(200, ReadPath.apiObject(stored), null, warnings);
            }
            prepareUpdate(s, next, old, sub, name);
            if (trackFields) {
                managed.update(t, old, storedJson, next, sub, o.managerOrUserAgent(), clock.instant());
            }
            if (shouldDeleteDuringUpdate(next, old)) {
                return deleteDuringUpdate(s, stored, next, o, warnings);
            }
            RevisionTemplate template = codec.template(next);
            String oldRv = Long.toString(stored.revision());
            if (template.sameAs(storedJson, oldRv)) {
                return new WriteResult(200, ReadPath.apiObject(stored), null, warnings);
            }
            warnings.addAll(s.warnings(next));
            if (o.dryRun()) {
                return new WriteResult(200, render(next, oldRv), null, warnings);
            }
            try {
                CommittedChange c = store.write(WriteRequest.update(t.resource(), nz(next.getMetadata().getNamespace()),
                        name, next.getMetadata().getUid(), stored.revision(), template, RegistryIndexer.indexTyped(s, next)));
                return new WriteResult(200, apiObject(c), null, warnings);
            } catch (StorageException e) {
                if (e.reason() == StorageException.Reason.CONFLICT && !conditional) {
                    continue;
                }
                if (e.reason() == StorageException.Reason.NOT_FOUND) {
                    throw ApiException.notFound(t.group(), t.plural(), name);
                }
                throw storageFailure(t, name, e);
            }
        }
        throw ApiException.modified(t.group(), t.plural(), name);
    }

    private <T extends HasMetadata> void prepareUpdate(ResourceStrategy<T> s, T next, T old, Subresource sub, String name) {
        ResourceType t = s.type();
        s.applyDefaults(next);
        List<FieldError> errors = new ArrayList<>(MetadataPolicy.prepareUpdate(t, next, old, name));
        if (sub == Subresource.STATUS) {
            SpecAccess.setSpec(next, SpecAccess.spec(old));
            s.prepareForStatusUpdate(next, old);
        } else if (sub == Subresource.SYSTEM) {
            return;
        } else if (sub == Subresource.FINALIZE) {
            if (t.hasStatus()) {
                SpecAccess.setStatus(next, SpecAccess.status(old));
            }
            s.prepareForFinalize(next, old);
        } else {
            if (t.hasStatus()) {
                SpecAccess.setStatus(next, SpecAccess.status(old));
            }
            s.prepareForUpdate(next, old);
            if (t.tracksGeneration() && s.specChanged(next, old)) {
                Long g = old.getMetadata().getGeneration();
                next.getMetadata().setGeneration(g == null ? 1 : g + 1);
            }
        }
        errors.addAll(sub == Subresource.STATUS ? s.validateStatusUpdate(next, old) : s.validateUpdate(next, old));
        if (errors.isEmpty()) {
            errors.addAll(ObjectMetaValidation.validateUpdate(next.getMetadata(), old.getMetadata(), t.kind()));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(t.group(), t.kind(), name, errors);
        }
    }

    /** Go's {@code ShouldDeleteDuringUpdate}: the last finalizer of an object being deleted went away. */
    private static boolean shouldDeleteDuringUpdate(HasMetadata next, HasMetadata old) {
        ObjectMeta n = next.getMetadata();
        ObjectMeta p = old.getMetadata();
        if (n.getFinalizers() != null && !n.getFinalizers().isEmpty()) {
            return false;
        }
        if (p.getFinalizers() == null || p.getFinalizers().isEmpty() || p.getDeletionTimestamp() == null) {
            return false;
        }
        return p.getDeletionGracePeriodSeconds() == null || p.getDeletionGracePeriodSeconds() == 0;
    }

    private <T extends HasMetadata> WriteResult deleteDuringUpdate(ResourceStrategy<T> s, CachedObject stored, T next,
                                                                   WriteOptions o, List<String> warnings) {
        ResourceType t = s.type();
        if (o.dryRun()) {
            return new WriteResult(200, render(next, Long.toString(stored.revision())), null, warnings);
        }
        RevisionTemplate template = codec.template(next);
        try {
            CommittedChange c = store.write(WriteRequest.delete(t.resource(), stored.namespace(), stored.name(),
                    stored.uid(), stored.revision(), template, RegistryIndexer.indexTyped(s, next)));
            return new WriteResult(200, apiObject(c), null, warnings);
        } catch (StorageException e) {
            throw storageFailure(t, stored.name(), e);
        }
    }

    // ---- patch -------------------------------------------------------------------------------

    /** PATCH with a JSON, merge or strategic merge patch, re-applied to the fresh object on a lost race. */
    <T extends HasMetadata> WriteResult patch(ResourceStrategy<T> s, String namespace, String name, Subresource sub,
                                              PatchType type, byte[] patchBody, WriteOptions o, List<String> warnings) {
        ResourceType t = s.type();
        JsonNode patch = Patcher.parse(patchBody);
        Mutation<T> mutation = (current, stored) -> {
            JsonNode patched = Patcher.apply(type, t, codec.tree(stored.json()), patch);
            T next = decodePatched(s, patched, o.fieldValidation(), warnings);
            ObjectMeta nm = MetadataPolicy.meta(next);
            if (nm.getName() != null && !nm.getName().equals(name)) {
                throw ApiException.badRequest("the name of the object (" + nm.getName()
                        + ") does not match the name on the URL (" + name + ")");
            }
            String rv = nm.getResourceVersion();
            if (rv != null && !rv.isEmpty() && !rv.equals(Long.toString(stored.revision()))) {
                throw ApiException.modified(t.group(), t.plural(), name);
            }
            nm.setName(name);
            nm.setNamespace(t.namespaced() ? namespace : null);
            return next;
        };
        return update(s, namespace, name, sub, mutation, false, o, warnings);
    }

    /** PATCH with {@code application/apply-patch+yaml}: server-side apply, creating the object when it is missing. */
    <T extends HasMetadata> WriteResult apply(ResourceStrategy<T> s, String namespace, String name, Subresource sub,
                                              byte[] body, WriteOptions o, List<String> warnings) {
        ResourceType t = s.type();
        String ns = t.namespaced() ? namespace : "";
        try {
            io.kubesim.patch.apply.ApplyValidation.requireFieldManager(o.fieldManager());
            JsonNode config = ManagedFields.parseConfig(body);
            io.kubesim.patch.apply.ApplyValidation.checkConfig(config, t.apiVersion(), t.kind());
            managed.checkDeclared(t, config, castType(t));
            String expected = config.path("metadata").path("resourceVersion").asString("");
            CachedObject existing = reads.current(t, namespace, name);
            if (existing == null) {
                if (sub != Subresource.MAIN) {
                    throw ApiException.notFound(t.group(), t.plural(), name);
                }
                if (!expected.isEmpty()) {
                    throw ApiException.notFound(t.group(), t.plural(), name);
                }
                T object = applied(s, managed.apply(t, null, config, sub, o.fieldManager(), o.force(), clock.instant()),
                        name, ns);
                return create(s, namespace, object, o, warnings, false);
            }
            Mutation<T> mutation = (current, stored) -> {
                if (!expected.isEmpty() && !expected.equals(Long.toString(stored.revision()))) {
                    throw ApiException.modified(t.group(), t.plural(), name);
                }
                JsonNode merged = managed.apply(t, codec.tree(stored.json()), config, sub, o.fieldManager(), o.force(),
                        clock.instant());
                return applied(s, merged, name, ns);
            };
            return update(s, namespace, name, sub, mutation, false, o, warnings, false);
        } catch (io.kubesim.patch.apply.ApplyRequestException e) {
            throw ManagedFields.toApi(e);
        }
    }

    private <T extends HasMetadata> T applied(ResourceStrategy<T> s, JsonNode merged, String name, String namespace) {
        io.kubesim.patch.apply.ApplyValidation.checkName(merged, name, namespace);
        T next = codec.convert(merged, castType(s.type()));
        checkTypeMeta(s.type(), next);
        MetadataPolicy.meta(next).setNamespace(s.type().namespaced() ? namespace : null);
        return next;
    }

    private <T extends HasMetadata> T decodePatched(ResourceStrategy<T> s, JsonNode patched, FieldValidation mode,
                                                    List<String> warnings) {
        ResourceType t = s.type();
        Decoded<T> d;
        try {
            d = codec.decodeStrict(patched, castType(t));
        } catch (DecodeException e) {
            throw ApiException.invalid("", "", "", List.of(FieldError.invalid("patch", patched.toString(), e.getMessage())));
        }
        if (!d.problems().isEmpty()) {
            switch (mode) {
                case STRICT -> throw ApiException.invalid("", "", "", List.of(FieldError.invalid("patch",
                        patched.toString(), "strict decoding error: " + String.join(", ", d.problems()))));
                case WARN -> warnings.addAll(d.problems());
                case IGNORE -> {
                }
            }
        }
        checkTypeMeta(t, d.value());
        return d.value();
    }

    // ---- helpers -----------------------------------------------------------------------------

    ApiObject render(HasMetadata object, String resourceVersion) {
        ObjectMeta m = object.getMetadata();
        String saved = m.getResourceVersion();
        m.setResourceVersion(resourceVersion);
        byte[] json = codec.encode(object);
        m.setResourceVersion(saved);
        return new ApiObject(json, 1, m.getName(), nz(m.getNamespace()), m.getUid(), 0);
    }

    static ApiObject apiObject(CommittedChange c) {
        return new ApiObject(c.object().body(), -1, c.object().name(), c.object().namespace(), c.object().uid(),
                c.revision());
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    static ApiException storageFailure(ResourceType t, String name, StorageException e) {
        return switch (e.reason()) {
            case ALREADY_EXISTS -> ApiException.alreadyExists(t.group(), t.plural(), name);
            case NOT_FOUND -> ApiException.notFound(t.group(), t.plural(), name);
            case CONFLICT -> ApiException.modified(t.group(), t.plural(), name);
            case UNAVAILABLE -> ApiException.with(StatusReason.SERVER_TIMEOUT, "The " + "write"
                    + " operation against " + ApiException.qualified(t.plural(), t.group())
                    + " could not be completed at this time, please try again.").retryAfter(1).build();
        };
    }
}
