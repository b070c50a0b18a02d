package io.kubesim.registry.codec;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Records the Go-style path of every unknown property and skips its value, so the field is dropped
 * (what the apiserver does under {@code Warn} and {@code Ignore}). The list to record into travels
 * as a reader attribute, keeping the mapper shareable between threads.
 */
final class UnknownFieldCollector extends DeserializationProblemHandler {

    static final Object ATTRIBUTE = UnknownFieldCollector.class;

    @Override
    @SuppressWarnings("unchecked")
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, ValueDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) {
        Object sink = ctxt.getAttribute(ATTRIBUTE);
        if (sink instanceof List<?> list) {
            ((List<String>) list).add(path(p));
        }
        p.skipChildren();
        return true;
    }

    private static String path(JsonParser p) {
        TokenStreamContext ctx = p.streamReadContext();
        JsonToken t = p.currentToken();
        if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && ctx.getParent() != null) {
            ctx = ctx.getParent();
        }
        Deque<TokenStreamContext> chain = new ArrayDeque<>();
        for (TokenStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        StringBuilder b = new StringBuilder();
        for (TokenStreamContext c : chain) {
            if (c.inArray()) {
                b.append('[').append(Math.max(0, c.getCurrentIndex())).append(']');
            } else {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(c.currentName());
            }
        }
        return b.toString();
    }
}
