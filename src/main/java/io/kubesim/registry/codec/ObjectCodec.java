package io.kubesim.registry.codec;

import io.fabric8.kubernetes.api.model.AnyType;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.runtime.RawExtension;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedClass;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.module.blackbird.BlackbirdModule;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Encodes typed objects to canonical JSON and decodes request bodies strictly (Go's scalar rules: no
 * coercion of strings to numbers, no floats into integers) while collecting unknown fields.
 * Thread-safe.
 */
public final class ObjectCodec {

    /** Types whose extra properties are their data, so their any-setter stays on. */
    private static final Set<Class<?>> FREE_FORM = Set.of(FieldsV1.class, GenericKubernetesResource.class,
            AnyType.class, RawExtension.class);

    private final SharedFieldsV1 fieldsV1 = new SharedFieldsV1();
    private final JsonMapper plain;
    private final JsonMapper withoutManagedFields;
    private final JsonMapper strict;
    private final String marker;
    private final byte[] markerBytes;

    /**
     * Stored documents are parsed without canonical property names: they carry unique names (the managedFields keys
     * of pod IPs, {@code k:{"ip":"10.244.3.17"}}) that grew Jackson's shared name table to its reuse limit, after
     * which every parse meeting a new name copied the whole table (~600 KB; 8,500 humongous allocations and 34 extra
     * young collections in a 10,000-pod ramp). Request bodies (recurring names) keep the faster canonicalizing
     * UTF-8 parser, which Jackson offers only with canonical names.
     */
    public ObjectCodec() {
        this.plain = base(false, fieldsV1).build();
        this.withoutManagedFields = base(false, fieldsV1).addMixIn(ObjectMeta.class, SkipManagedFields.class).build();
        this.strict = base(true, fieldsV1)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .annotationIntrospector(new StrictIntrospector())
                .addHandler(new UnknownFieldCollector())
                .build();
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        this.marker = "kubesim-rv-" + HexFormat.of().formatHex(random);
        this.markerBytes = ("\"" + marker + "\"").getBytes(StandardCharsets.US_ASCII);
    }

    private static JsonMapper.Builder base(boolean canonicalNames, SharedFieldsV1 fieldsV1) {
        return JsonMapper.builder(JsonFactory.builder()
                        .configure(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES, canonicalNames).build())
                .addModule(new BlackbirdModule())
                .addModule(new SimpleModule("kubesim-model-fixes")
                        .addValueInstantiator(OwnerReference.class, new EmptyOwnerReference())
                        .setDeserializerModifier(fieldsV1.modifier()))
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The mapper for trusted documents and for building trees. */
    public JsonMapper mapper() {
        return plain;
    }

    /**
     * Decodes a request body (JSON bytes or a tree) into {@code type}, dropping unknown fields and
     * reporting them.
     *
     * @throws DecodeException when the body does not fit the type (wrong scalar types, malformed JSON)
     */
    public <T> Decoded<T> decodeStrict(Object body, Class<T> type) throws DecodeException {
        List<String> unknown = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        var reader = strict.readerFor(type).withAttribute(UnknownFieldCollector.ATTRIBUTE, unknown);
        try {
            T value = body instanceof JsonNode tree ? reader.readValue(tree) : reader.readValue((byte[]) body);
            return new Decoded<>(value, unknown, duplicates);
        } catch (StreamReadException e) {
            String duplicate = duplicateName(e);
            if (duplicate != null && body instanceof byte[] bytes) {
                unknown.clear();
                Decoded<T> lenient = decodeLenient(bytes, type, unknown);
                return new Decoded<>(lenient.value(), unknown, List.of(duplicate));
            }
            throw new DecodeException(describe(e), e);
        } catch (JacksonException | ClassCastException e) {
            throw new DecodeException(describe(e), e);
        }
    }

    private <T> Decoded<T> decodeLenient(byte[] bytes, Class<T> type, List<String> unknown) throws DecodeException {
        try {
            T value = strict.readerFor(type).withAttribute(UnknownFieldCollector.ATTRIBUTE, unknown)
                    .without(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readValue(bytes);
            return new Decoded<>(value, unknown, List.of());
        } catch (JacksonException e) {
            throw new DecodeException(describe(e), e);
        }
    }

    private static String duplicateName(StreamReadException e) {
        String m = e.getOriginalMessage();
        if (m != null && m.startsWith("Duplicate Object property \"")) {
            int end = m.indexOf('"', 27);
            return end > 27 ? m.substring(27, end) : null;
        }
        return null;
    }

    /** A short, Go-flavoured explanation of a decoding failure. */
    static String describe(Exception e) {
        if (e instanceof JacksonException je) {
            String msg = je.getOriginalMessage();
            String path = je.getPathReference();
            if (msg == null) {
                msg = je.getClass().getSimpleName();
            }
            int nl = msg.indexOf('\n');
            if (nl > 0) {
                msg = msg.substring(0, nl);
            }
            return path == null || path.isEmpty() ? msg : msg + " (at " + path + ")";
        }
        return String.valueOf(e.getMessage());
    }

    /** Decodes a trusted document (stored by kubesim). */
    public <T> T decode(byte[] json, Class<T> type) {
        return plain.readValue(json, type);
    }

    /**
     * Decodes a trusted document without its {@code metadata.managedFields}, which the parser skips: for caches that
     * never read them (informers, whose thread spent a fifth of its CPU copying FieldsV1 alone before this).
     */
    public <T> T decodeWithoutManagedFields(byte[] json, Class<T> type) {
        return withoutManagedFields.readValue(json, type);
    }

    /** Mix-in for {@link ObjectMeta}: {@code managedFields} is ignored when decoding (not handed to the any-setter). */
    @JsonIgnoreProperties("managedFields")
    private abstract static class SkipManagedFields {
    }

    /** Converts a trusted tree to a typed value. */
    public <T> T convert(JsonNode tree, Class<T> type) {
        return plain.treeToValue(tree, type);
    }

    public JsonNode tree(byte[] json) {
        return plain.readTree(json);
    }

    /**
     * The tree of a trusted document without its top-level fields {@code skip} (null entries skip nothing): those are
     * passed over by the parser, not built and then removed.
     */
    public JsonNode treeWithout(byte[] json, String... skip) {
        try (JsonParser p = plain.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return plain.readTree(json);
            }
            ObjectNode out = plain.createObjectNode();
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                p.nextToken();
                if (skipped(skip, name)) {
                    p.skipChildren();
                } else {
                    out.set(name, (JsonNode) p.readValueAsTree());
                }
            }
            return out;
        }
    }

    private static boolean skipped(String[] skip, String name) {
        for (String s : skip) {
            if (name.equals(s)) {
                return true;
            }
        }
        return false;
    }

    public JsonNode tree(Object value) {
        return plain.valueToTree(value);
    }

    public byte[] encode(Object value) {
        return plain.writeValueAsBytes(value);
    }

    /**
     * Encodes {@code object} with a hole for its resourceVersion. The object's own resourceVersion
     * is left as it was.
     */
    public RevisionTemplate template(HasMetadata object) {
        ObjectMeta meta = object.getMetadata();
        String saved = meta.getResourceVersion();
        meta.setResourceVersion(marker);
        byte[] bytes;
        try {
            bytes = plain.writeValueAsBytes(object);
        } finally {
            meta.setResourceVersion(saved);
        }
        int at = indexOf(bytes, markerBytes);
        if (at < 0) {
            throw new IllegalStateException("resourceVersion marker not found in the encoding");
        }
        int start = at + 1;
        return new RevisionTemplate(bytes, start, start + marker.length());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        // the needle is a quote and a random marker: test its first two bytes, then compare the rest at once
        byte first = needle[0];
        byte second = needle[1];
        for (int i = 0, last = haystack.length - needle.length; i <= last; i++) {
            if (haystack[i] == first && haystack[i + 1] == second
                    && Arrays.equals(haystack, i + 2, i + needle.length, needle, 2, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * fabric8's OwnerReference starts with apiVersion "v1" and kind "OwnerReference"; a reference
     * sent without them must stay without them (validation reports them missing).
     */
    private static final class EmptyOwnerReference extends ValueInstantiator.Base {
        EmptyOwnerReference() {
            super(OwnerReference.class);
        }

        @Override
        public boolean canCreateUsingDefault() {
            return true;
        }

        @Override
        public Object createUsingDefault(DeserializationContext ctxt) {
            OwnerReference r = new OwnerReference();
            r.setApiVersion(null);
            r.setKind(null);
            return r;
        }
    }

    /** Switches fabric8's catch-all any-setters off, except on free-form types. */
    private static final class StrictIntrospector extends JacksonAnnotationIntrospector {
        @Override
        public Boolean hasAnySetter(MapperConfig<?> config, Annotated a) {
            Class<?> owner = a instanceof AnnotatedMember m ? m.getDeclaringClass()
                    : a instanceof AnnotatedClass c ? c.getRawType() : null;
            if (owner != null && FREE_FORM.contains(owner)) {
                return super.hasAnySetter(config, a);
            }
            return Boolean.FALSE;
        }
    }
}
