package io.kubesim.registry.codec;

import io.fabric8.kubernetes.api.model.FieldsV1;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decodes {@code managedFields[].fieldsV1} into one shared {@link FieldsV1} per distinct content. Every write decodes
 * the stored object and most request bodies carry managedFields back; their field sets are a few kilobytes of
 * nested maps each, nearly always equal to ones decoded before (the same managers write the same fields of every
 * pod of a ReplicaSet). The content is copied token by token into compact JSON in a per-thread buffer, which is
 * the key; a known key returns the instance decoded the first time. Shared instances are read-only at the top
 * level (a write to one would change every object holding it). At most {@value #LIMIT} are remembered; when full
 * it starts over (a pod's superseded status sets stay remembered until then, so the limit is kept small).
 */
final class SharedFieldsV1 {

    static final int LIMIT = 1024;
    /**
     * Larger contents are decoded as they come and not remembered, so that a client sending large, distinct sets
     * cannot pin memory here (a pod's sets are 0.5 to 3 KB).
     */
    static final int MAX_REMEMBERED_BYTES = 8 * 1024;

    /**
     * Without canonical property names, like the codec's own mapper for stored documents: the keys of the kubelet's
     * status entries are unique per pod ({@code k:{"ip":"10.244.3.17"}}) and would fill Jackson's shared name table.
     */
    private static final JsonMapper COPIER = JsonMapper.builder(JsonFactory.builder()
            .configure(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES, false).build()).build();

    private final Map<ByteBuffer, FieldsV1> known = new ConcurrentHashMap<>();

    /** The deserializer modifier that puts this in front of Jackson's own FieldsV1 deserializer. */
    ValueDeserializerModifier modifier() {
        return new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                                                           BeanDescription.Supplier beanDesc,
                                                           ValueDeserializer<?> deserializer) {
                return beanDesc.getBeanClass() == FieldsV1.class ? new Deserializer(deserializer) : deserializer;
            }
        };
    }

    /** The shared instance for the JSON object at {@code p}'s current token (left on its END_OBJECT). */
    FieldsV1 read(JsonParser p) {
        Copy copy = COPIES.get();
        copy.reset();
        try (JsonGenerator g = COPIER.createGenerator(copy)) {
            g.copyCurrentStructure(p);
        }
        if (copy.size() > MAX_REMEMBERED_BYTES) {
            return decode(copy.toByteArray());
        }
        // looked up in place; only content seen for the first time is copied out of the reused buffer
        FieldsV1 shared = known.get(copy.view());
        if (shared != null) {
            return shared;
        }
        byte[] json = copy.toByteArray();
        shared = decode(json);
        if (known.size() >= LIMIT) {
            known.clear();
        }
        known.put(ByteBuffer.wrap(json), shared);
        return shared;
    }

    /** A per-thread buffer the copies are written to (a ByteBuffer over it compares and hashes by content). */
    private static final class Copy extends ByteArrayOutputStream {

        Copy() {
            super(1024);
        }

        ByteBuffer view() {
            return ByteBuffer.wrap(buf, 0, count);
        }

        @Override
        public void reset() {
            super.reset();
            if (buf.length > 4 * MAX_REMEMBERED_BYTES) {
                buf = new byte[1024]; // one very large set does not stay with the thread
            }
        }
    }

    private static final ThreadLocal<Copy> COPIES = ThreadLocal.withInitial(Copy::new);

    @SuppressWarnings("unchecked")
    private static FieldsV1 decode(byte[] json) {
        Map<String, Object> content = COPIER.readValue(json, LinkedHashMap.class);
        FieldsV1 f = new FieldsV1();
        f.setAdditionalProperties(Collections.unmodifiableMap(content));
        return f;
    }

    int size() {
        return known.size();
    }

    /** Objects through {@link #read}; anything else (null, wrong types) through Jackson's own, for its errors. */
    private final class Deserializer extends DelegatingDeserializer {

        Deserializer(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Deserializer(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            if (p.hasToken(JsonToken.START_OBJECT)) {
                return read(p);
            }
            return super.deserialize(p, ctxt);
        }
    }
}
