package io.kubesim.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleStatus;
import io.kubesim.registry.codec.DecodeException;
import io.kubesim.registry.codec.Decoded;
import io.kubesim.registry.codec.ObjectCodec;
import io.kubesim.registry.validation.FieldError;
import io.kubesim.watch.CachedObject;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The {@code scale} subresource: an {@code autoscaling/v1 Scale} view of a kind's replica counts. */
final class ScalePath {

    private static final ResourceType SCALE_TYPE = ResourceType.of("autoscaling", "v1", "Scale", "scale", Scale.class)
            .build();

    private final ObjectCodec codec;
    private final ReadPath reads;
    private final WritePath writes;

    ScalePath(ObjectCodec codec, ReadPath reads, WritePath writes) {
        this.codec = codec;
        this.reads = reads;
        this.writes = writes;
    }

    <T extends HasMetadata> ApiObject get(ResourceStrategy<T> s, String namespace, String name) {
        CachedObject stored = reads.current(s.type(), namespace, name);
        if (stored == null) {
            throw ApiException.notFound(s.type().group(), s.type().plural(), name);
        }
        return toApi(scaleOf(s, codec.decode(stored.json(), WritePath.<T>castType(s.type())), stored.revision()));
    }

    private <T extends HasMetadata> Scale scaleOf(ResourceStrategy<T> s, T object, long revision) {
        ObjectMeta m = object.getMetadata();
        ScaleAccess<T> a = s.scale();
        Scale scale = new Scale();
        scale.setApiVersion("autoscaling/v1");
        scale.setKind("Scale");
        scale.setMetadata(new ObjectMetaBuilder().withName(m.getName()).withNamespace(m.getNamespace())
                .withUid(m.getUid()).withResourceVersion(Long.toString(revision))
                .withCreationTimestamp(m.getCreationTimestamp()).build());
        scale.setSpec(new ScaleSpec(a.specReplicas(object)));
        String selector = a.selector(object);
        scale.setStatus(new ScaleStatus(a.statusReplicas(object), selector == null || selector.isEmpty() ? null : selector));
        return scale;
    }

    private ApiObject toApi(Scale scale) {
        ObjectMeta m = scale.getMetadata();
        return new ApiObject(codec.encode(scale), 1, m.getName(), WritePath.nz(m.getNamespace()), m.getUid(),
                Long.parseLong(m.getResourceVersion()));
    }

    <T extends HasMetadata> WriteResult update(ResourceStrategy<T> s, String namespace, String name, RequestBody body,
                                               WriteOptions o) {
        Scale requested = decodeScale(body.source(), o, name);
        return applyScale(s, namespace, name, current -> requested, o);
    }

    /**
     * Applies the patch to the Scale view of the object as stored at each attempt (as upstream's patcher does inside
     * its update loop), so a concurrent write by a controller is a retry, not a 409; only a resourceVersion the patch
     * itself sets is a precondition.
     */
    <T extends HasMetadata> WriteResult patch(ResourceStrategy<T> s, String namespace, String name, PatchType type,
                                              byte[] patchBody, WriteOptions o) {
        JsonNode patch = Patcher.parse(patchBody);
        if (reads.current(s.type(), namespace, name) == null) {
            throw ApiException.notFound(s.type().group(), s.type().plural(), name);
        }
        return applyScale(s, namespace, name, current -> {
            JsonNode patched = Patcher.apply(type, SCALE_TYPE, codec.tree(current), patch);
            return decodeScale(patched, o, name);
        }, o);
    }

    private Scale decodeScale(Object source, WriteOptions o, String name) {
        try {
            Decoded<Scale> d = codec.decodeStrict(source, Scale.class);
            if (d.value() == null) {
                throw ApiException.badRequest("Object 'Kind' is missing in 'null'");
            }
            if (o.fieldValidation() == FieldValidation.STRICT && !d.problems().isEmpty()) {
                throw ApiException.badRequest("Scale in version \"v1\" cannot be handled as a Scale: strict decoding error: "
                        + String.join(", ", d.problems()));
            }
            Scale scale = d.value();
            if (scale.getMetadata() != null && scale.getMetadata().getName() != null
                    && !scale.getMetadata().getName().isEmpty() && !scale.getMetadata().getName().equals(name)) {
                throw ApiException.badRequest("the name of the object (" + scale.getMetadata().getName()
                        + ") does not match the name on the URL (" + name + ")");
            }
            return scale;
        } catch (DecodeException e) {
            throw ApiException.badRequest("Scale in version \"v1\" cannot be handled as a Scale: " + e.getMessage());
        }
    }

    private <T extends HasMetadata> WriteResult applyScale(ResourceStrategy<T> s, String namespace, String name,
                                                           UnaryOperator<Scale> request, WriteOptions o) {
        ResourceType t = s.type();
        WriteResult r = writes.update(s, namespace, name, Subresource.SCALE, (fresh, stored) -> {
            T current = fresh.get();
            Scale view = scaleOf(s, current, stored.revision());
            Scale requested = request.apply(view);
            int replicas = requested.getSpec() == null || requested.getSpec().getReplicas() == null ? 0
                    : requested.getSpec().getReplicas();
            if (replicas < 0) {
                throw ApiException.invalid("autoscaling", "Scale", name, List.of(FieldError.invalid("spec.replicas",
                        replicas, "must be greater than or equal to 0")));
            }
            String expected = requested.getMetadata() == null ? null : requested.getMetadata().getResourceVersion();
            if (expected != null && !expected.isEmpty() && !expected.equals(Long.toString(stored.revision()))) {
                throw ApiException.modified(t.group(), t.plural(), name);
            }
            s.scale().setSpecReplicas(current, replicas);
            return current;
        }, false, o, new ArrayList<>());
        T updated = codec.decode(r.object().json(), WritePath.<T>castType(t));
        return new WriteResult(200, toApi(scaleOf(s, updated, r.object().revision() > 0 ? r.object().revision()
                : Long.parseLong(updated.getMetadata().getResourceVersion()))), null, r.warnings());
    }
}
