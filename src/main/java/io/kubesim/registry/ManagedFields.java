package io.kubesim.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.kubesim.patch.apply.ApplyConflictException;
import io.kubesim.patch.apply.ApplyRequestException;
import io.kubesim.patch.apply.FieldManager;
import io.kubesim.registry.codec.ObjectCodec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry's side of {@code metadata.managedFields}: typed objects in, the {@link FieldManager}'s trees in the
 * middle, and its errors as API errors.
 */
final class ManagedFields {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern UNKNOWN_FIELD = Pattern.compile("unknown field \"([^\"]*)\"");

    private final FieldManager manager = new FieldManager();
    private final ObjectCodec codec;

    ManagedFields(ObjectCodec codec) {
        this.codec = codec;
    }

    /** The subresource name the field manager records, or null for writes it does not track. */
    static String subresource(Subresource sub) {
        return switch (sub) {
            case MAIN -> "";
            case STATUS -> "status";
            case SCALE -> "scale";
            case FINALIZE -> "finalize";
            case SYSTEM -> null;
        };
    }

    /**
     * Records a non-apply write of {@code next} in next's managedFields; {@code stored} is the JSON of the object it
     * replaces as stored (the encoding of its typed form) and {@code old} its decoded form, both null on create.
     * A {@code spec} or {@code status} that next shares with old (the write path resets a status write's spec and a
     * main write's status to the stored one) is left out of both trees: it cannot move ownership, and serialising it
     * is most of the work. A subresource write's own managedFields are left out of next's tree (the live ones are
     * kept for subresources).
     */
    <T extends HasMetadata> void update(ResourceType t, T old, byte[] stored, T next, Subresource sub,
                                        String managerName, Instant now) {
        String subresource = subresource(sub);
        if (subresource == null) {
            return;
        }
        Object spec = SpecAccess.spec(next);
        Object status = SpecAccess.status(next);
        // identity, not equals(): fabric8's Quantity compares amounts, so "1Gi" equals "1073741824", which encode
        // (and so compare for ownership) differently
        boolean sameSpec = old != null && spec != null && spec == SpecAccess.spec(old);
        boolean sameStatus = old != null && status != null && status == SpecAccess.status(old);
        JsonNode oldTree = stored == null ? null
                : codec.treeWithout(stored, sameSpec ? "spec" : null, sameStatus ? "status" : null);
        // a subresource write keeps the live managedFields whatever it sends: its own are not read
        JsonNode newTree = treeWithout(next, sameSpec, sameStatus, !subresource.isEmpty());
        JsonNode managedFields = manager.managedFieldsAfterUpdate(oldTree, newTree, managerName,
                t.apiVersion(), subresource, now);
        next.getMetadata().setManagedFields(ManagedFieldsEntries.of(codec, managedFields));
    }

    /** The tree of {@code next} without its spec, status and/or managedFields (set aside while it is built). */
    private <T extends HasMetadata> JsonNode treeWithout(T next, boolean spec, boolean status, boolean managedFields) {
        Object specValue = spec ? SpecAccess.spec(next) : null;
        Object statusValue = status ? SpecAccess.status(next) : null;
        List<ManagedFieldsEntry> entries = managedFields ? next.getMetadata().getManagedFields() : null;
        if (specValue == null && statusValue == null && entries == null) {
            return codec.tree(next);
        }
        put(next, spec, null, status, null, managedFields, null);
        try {
            return codec.tree(next);
        } finally {
            put(next, spec, specValue, status, statusValue, managedFields, entries);
        }
    }

    private static void put(HasMetadata object, boolean setSpec, Object spec, boolean setStatus, Object status,
                            boolean setManagedFields, List<ManagedFieldsEntry> managedFields) {
        if (setSpec) {
            SpecAccess.setSpec(object, spec);
        }
        if (setStatus) {
            SpecAccess.setStatus(object, status);
        }
        if (setManagedFields) {
            object.getMetadata().setManagedFields(managedFields);
        }
    }

    /** Parses an apply configuration (YAML or JSON). */
    static JsonNode parseConfig(byte[] body) {
        try {
            JsonNode n = YAML.readTree(body);
            if (n == null || n.isMissingNode() || n.isNull()) {
                throw ApiException.badRequest("error decoding YAML: the applied configuration must be an object");
            }
            return n;
        } catch (JacksonException e) {
            String msg = e.getOriginalMessage();
            int nl = msg == null ? -1 : msg.indexOf('\n');
            throw ApiException.badRequest("error decoding YAML: " + (nl < 0 ? msg : msg.substring(0, nl)));
        }
    }

    /**
     * Rejects fields the kind does not declare, as the typed conversion of server-side apply does (whatever the
     * field validation mode). Upstream answers with a 500; a client's bad input is a 400 here.
     */
    <T extends HasMetadata> void checkDeclared(ResourceType t, JsonNode config, Class<T> type) {
        List<String> problems;
        try {
            problems = codec.decodeStrict(config, type).problems();
        } catch (io.kubesim.registry.codec.DecodeException e) {
            throw ApiException.badRequest(typedPatchPrefix(t, config) + e.getMessage());
        }
        if (problems.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (String p : problems) {
            Matcher m = UNKNOWN_FIELD.matcher(p);
            lines.add(m.find() ? "." + m.group(1) + ": field not declared in schema" : p);
        }
        String body = lines.size() == 1 ? lines.get(0) : "errors:\n  " + String.join("\n  ", lines);
        throw ApiException.badRequest(typedPatchPrefix(t, config) + body);
    }

    private static String typedPatchPrefix(ResourceType t, JsonNode config) {
        JsonNode meta = config.path("metadata");
        return "failed to create typed patch object (" + meta.path("namespace").asString("") + "/"
                + meta.path("name").asString("") + "; " + (t.group().isEmpty() ? "" : t.group()) + "/" + t.version()
                + ", Kind=" + t.kind() + "): ";
    }

    /** Server-side apply of {@code config} over {@code live} (null to create); the merged object tree. */
    JsonNode apply(ResourceType t, JsonNode live, JsonNode config, Subresource sub, String managerName, boolean force,
                   Instant now) {
        try {
            ObjectNode result = (ObjectNode) manager.apply(live, config, managerName, t.apiVersion(),
                    subresource(sub), force, now).object();
            return result;
        } catch (ApplyConflictException e) {
            List<ApiException.Cause> causes = new ArrayList<>();
            for (JsonNode c : e.causes()) {
                causes.add(new ApiException.Cause(c.path("reason").asString(), c.path("message").asString(),
                        c.path("field").asString()));
            }
            throw ApiException.with(StatusReason.CONFLICT, e.getMessage()).causes(causes).build();
        } catch (ApplyRequestException e) {
            throw toApi(e);
        }
    }

    static ApiException toApi(ApplyRequestException e) {
        return switch (e.code()) {
            case 422 -> ApiException.with(StatusReason.INVALID, e.getMessage()).build();
            // typed-conversion failures: a client's input that does not fit the schema
            default -> ApiException.badRequest(e.getMessage());
        };
    }
}
