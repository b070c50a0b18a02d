package io.kubesim.api;

import io.kubesim.registry.ApiException;
import io.kubesim.registry.ApiList;
import io.kubesim.registry.ApiObject;
import io.kubesim.registry.WriteResult;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;

/** Writes objects, lists and Status documents in the negotiated format. */
final class Responder {

    private static final byte[] ITEMS_OPEN = "\"items\":[".getBytes(StandardCharsets.US_ASCII);

    private final Encoders encoders;
    private final TableConverter tables;

    Responder(Encoders encoders, TableConverter tables) {
        this.encoders = encoders;
        this.tables = tables;
    }

    Encoders encoders() {
        return encoders;
    }

    void warnings(HttpServletResponse resp, List<String> warnings) {
        for (String w : new LinkedHashSet<>(warnings)) {
            resp.addHeader("Warning", "299 - \"" + w.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
    }

    void object(HttpServletResponse resp, Format f, int code, ApiObject o) throws IOException {
        byte[] json = o.json();
        switch (f.output().conversion()) {
            case TABLE -> json = encoders.bytes(tables.tableOf(o, f.includeObject()));
            case PARTIAL_OBJECT_METADATA -> json = encoders.bytes(tables.partial(o));
            case PARTIAL_OBJECT_METADATA_LIST -> throw ApiException.notAcceptable(OutputFormat.NOT_ACCEPTABLE);
            default -> {
            }
        }
        bytes(resp, f, code, json);
    }

    void tree(HttpServletResponse resp, Format f, int code, JsonNode tree) throws IOException {
        bytes(resp, f, code, encoders.bytes(tree));
    }

    void bytes(HttpServletResponse resp, Format f, int code, byte[] json) throws IOException {
        byte[] body = json;
        if (f.output().encoding() == OutputFormat.Encoding.YAML) {
            body = encoders.toYaml(json);
        } else if (f.pretty()) {
            body = encoders.pretty(json);
        }
        resp.setStatus(code);
        resp.setContentType(f.output().contentType());
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    void write(HttpServletResponse resp, Format f, WriteResult r) throws IOException {
        warnings(resp, r.warnings());
        if (r.object() != null) {
            object(resp, f, r.code(), r.object());
        } else {
            tree(resp, f, r.code(), StatusBodies.success(r.deleted()));
        }
    }

    void list(HttpServletResponse resp, Format f, ApiList list) throws IOException {
        switch (f.output().conversion()) {
            case TABLE -> {
                bytes(resp, f, 200, encoders.bytes(tables.tableOf(list, f.includeObject())));
                return;
            }
            case PARTIAL_OBJECT_METADATA_LIST -> {
                bytes(resp, f, 200, encoders.bytes(tables.partialList(list)));
                return;
            }
            case PARTIAL_OBJECT_METADATA -> throw ApiException.notAcceptable(OutputFormat.NOT_ACCEPTABLE);
            default -> {
            }
        }
        if (f.output().encoding() == OutputFormat.Encoding.YAML || f.pretty()) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            writeListJson(buffer, list);
            bytes(resp, f, 200, buffer.toByteArray());
            return;
        }
        resp.setStatus(200);
        resp.setContentType("application/json");
        writeListJson(resp.getOutputStream(), list);
    }

    /** Streams {@code {"kind":"PodList","apiVersion":"v1","metadata":{...},"items":[...]}} item by item. */
    static void writeListJson(OutputStream out, ApiList list) throws IOException {
        StringBuilder head = new StringBuilder(128);
        head.append("{\"kind\":\"").append(list.type().listKind()).append("\",\"apiVersion\":\"")
                .append(list.type().apiVersion()).append("\",\"metadata\":{\"resourceVersion\":\"")
                .append(list.resourceVersion()).append('"');
        if (list.continueToken() != null && !list.continueToken().isEmpty()) {
            head.append(",\"continue\":\"").append(list.continueToken()).append('"');
        }
        if (list.remainingItemCount() != null) {
            head.append(",\"remainingItemCount\":").append(list.remainingItemCount());
        }
        head.append("},");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        out.write(ITEMS_OPEN);
        boolean first = true;
        for (ApiObject item : list.items()) {
            if (!first) {
                out.write(',');
            }
            writeItem(out, item);
            first = false;
        }
        out.write(']');
        out.write('}');
    }

    /** An item of a list: the object without apiVersion and kind, as the apiserver writes built-in lists. */
    static void writeItem(OutputStream out, ApiObject item) throws IOException {
        int offset = item.itemOffset();
        if (offset <= 1) {
            out.write(item.json());
        } else {
            out.write('{');
            out.write(item.json(), offset, item.json().length - offset);
        }
    }

    void status(HttpServletResponse resp, Format f, ApiException e) throws IOException {
        if (e.retryAfterSeconds() > 0) {
            resp.setHeader("Retry-After", Integer.toString(e.retryAfterSeconds()));
        }
        Format errorFormat = f == null ? Format.JSON : f.forErrors();
        tree(resp, errorFormat, e.code(), StatusBodies.failure(e));
    }
}
