package io.kubesim.api;

import io.kubesim.registry.ApiWatch;
import io.kubesim.registry.ResourceType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Turns watch events into lines: {@code {"type":"ADDED","object":{...}}\n}, objects as Tables when asked. */
final class WatchEncoders {

    private final Encoders encoders;
    private final TableConverter tables;

    WatchEncoders(Encoders encoders, TableConverter tables) {
        this.encoders = encoders;
        this.tables = tables;
    }

    Function<ApiWatch.Event, byte[]> encoder(ResourceType type, Format f) {
        OutputFormat.Conversion conversion = f.output().conversion();
        boolean[] first = {true};
        return e -> {
            byte[] object;
            if (e.error() != null) {
                object = encoders.bytes(StatusBodies.failure(e.error()));
            } else if (conversion == OutputFormat.Conversion.TABLE && !"BOOKMARK".equals(e.type())) {
                object = encoders.bytes(tables.watchRow(e.object(), type, first[0], f.includeObject()));
                first[0] = false;
            } else if (conversion == OutputFormat.Conversion.PARTIAL_OBJECT_METADATA && !"BOOKMARK".equals(e.type())) {
                object = encoders.bytes(tables.partial(e.object()));
            } else {
                object = e.object().json();
            }
            return line(e.type(), object);
        };
    }

    static byte[] line(String type, byte[] object) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(object.length + 32);
        out.writeBytes(("{\"type\":\"" + type + "\",\"object\":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(object);
        out.write('}');
        out.write('\n');
        return out.toByteArray();
    }
}
