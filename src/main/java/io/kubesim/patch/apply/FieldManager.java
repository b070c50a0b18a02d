package io.kubesim.patch.apply;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * {@code metadata.managedFields} for every write, and server-side apply: kube-apiserver's default field manager
 * chain (apimachinery {@code pkg/util/managedfields/internal}) on Jackson trees. Stateless and thread-safe; all
 * methods are pure (inputs are never mutated).
 *
 * <p>For a non-apply write the fields that changed become the writer's (operation {@code Update}), removed fields
 * leave every owner, the server-reset fields ({@code stripmeta.go} metadata, and the target's reset fields such as
 * {@code status} on a main-resource write) are never owned, and an entry's {@code time} moves only when its fields
 * did. For an apply the configuration is merged per the kind's {@link ApplySchema}, fields the applier stops sending
 * are removed unless someone else owns them, and changing another manager's field needs {@code force}.
 */
public final class FieldManager {

    private static final FieldSet STRIPPED = FieldSet.of(FieldPath.of("apiVersion"), FieldPath.of("kind"),
            FieldPath.of("metadata"), FieldPath.of("metadata", "name"), FieldPath.of("metadata", "namespace"),
            FieldPath.of("metadata", "creationTimestamp"), FieldPath.of("metadata", "selfLink"),
            FieldPath.of("metadata", "uid"), FieldPath.of("metadata", "clusterName"),
            FieldPath.of("metadata", "generation"), FieldPath.of("metadata", "managedFields"),
            FieldPath.of("metadata", "resourceVersion"));

    private static final ManagerId CURRENT_OPERATION = new ManagerId("current-operation", "", "", "");
    private static final String BEFORE_FIRST_APPLY = "before-first-apply";
    private static final int USER_AGENT_PREFIX_LIMIT = 128;

    /** Creates a field manager; it holds no state. */
    public FieldManager() {
    }

    /**
     * The manager name of a write without {@code ?fieldManager=}: the User-Agent up to its first {@code /}, without
     * unprintable characters, at most 128 bytes ({@code prefixFromUserAgent}).
     */
    public static String defaultManager(String userAgent) {
        if (userAgent == null) {
            return "";
        }
        String prefix = userAgent.split("/", -1)[0];
        StringBuilder sb = new StringBuilder();
        int bytes = 0;
        for (int cp : prefix.codePoints().toArray()) {
            if (!isPrint(cp)) {
                continue;
            }
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + len > USER_AGENT_PREFIX_LIMIT) {
                break;
            }
            sb.appendCodePoint(cp);
            bytes += len;
        }
        return sb.toString();
    }

    /** Go's {@code unicode.IsPrint}: graphic characters and the ASCII space. */
    private static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE,
                    Character.SURROGATE, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    /**
     * {@code newObject} with {@code metadata.managedFields} updated for {@code manager}'s non-apply write of
     * {@code oldObject} (null on create) at {@code apiVersion}, to the main resource ({@code subresource} empty or
     * null) or a subresource ({@code status}, {@code scale}). managedFields in {@code newObject} are honoured when
     * valid and non-empty (an empty list, or one empty entry, clears them; subresource writes always keep the live
     * ones). An object that already exists without managedFields stays untracked until its first apply.
     */
    public JsonNode update(JsonNode oldObject, JsonNode newObject, String manager, String apiVersion,
                           String subresource, Instant now) {
        ObjectNode result = requireObject(newObject).deepCopy();
        putManagedFields(result, managedFieldsAfterUpdate(oldObject, newObject, manager, apiVersion, subresource, now));
        return result;
    }

    /**
     * Only the {@code metadata.managedFields} that {@link #update} gives {@code newObject} (null for none), without
     * copying either object: top-level fields equal in both (a status write's {@code spec}) cannot change ownership
     * and are left out of the comparison. The result may share nodes with {@code oldObject}'s managedFields and
     * holds each field set's cached FieldsV1 encoding ({@link FieldSet#toFieldsV1}), which every object with that
     * set shares across threads: it must be read, encoded or copied, never modified.
     */
    public JsonNode managedFieldsAfterUpdate(JsonNode oldObject, JsonNode newObject, String manager,
                                             String apiVersion, String subresource, Instant now) {
        requireObject(newObject);
        String kind = newObject.path("kind").asString(oldObject == null ? "" : oldObject.path("kind").asString(""));
        ApplySchema schema = ApplySchema.forKind(apiVersion, kind);
        Updater updater = new Updater(schema, ResetFields.forWrite(apiVersion, kind, subresource));
        Managed managed = decodeLiveOrNew(oldObject, newObject, subresource != null && !subresource.isEmpty());
        JsonNode encoded = null;
        if (!managed.isEmpty() || oldObject == null || oldObject.path("metadata").path("uid").asString("").isEmpty()) {
            try {
                ObjectNode[] changed = changedParts(oldObject, newObject);
                track(updater, changed[0], changed[1], managed, ManagerId.update(manager, apiVersion, subresource),
                        apiVersion, now);
                UpdateManagerCap.apply(managed);
                encoded = ManagedFieldsCodec.encode(managed);
            } catch (SchemaViolation | IllegalArgumentException e) {
                encoded = null;
            }
        }
        return Timestamps.keepIfUnchanged(oldObject, newObject, encoded);
    }

    /**
     * Shallow views of both objects without managedFields and without the top-level fields (other than
     * {@code metadata}) that are equal in both; {@code [null, new]} on create. Nothing is copied deeply. Equal means
     * {@link Values#equal} (numbers by value): a tree parsed from JSON holds {@code 30} as an int where one built
     * from a typed object holds a {@code Long} field as a long, and Jackson's node equality tells those apart.
     */
    private static ObjectNode[] changedParts(JsonNode oldObject, JsonNode newObject) {
        ObjectNode newPart = Values.MAPPER.createObjectNode();
        if (oldObject == null) {
            newObject.properties().forEach(e -> newPart.set(e.getKey(), e.getValue()));
            newPart.set("metadata", withoutManagedFieldsShallow(newObject.get("metadata")));
            return new ObjectNode[]{null, newPart};
        }
        ObjectNode oldPart = Values.MAPPER.createObjectNode();
        for (var e : oldObject.properties()) {
            JsonNode other = newObject.get(e.getKey());
            if (!"metadata".equals(e.getKey()) && other != null && Values.equal(other, e.getValue())) {
                continue;
            }
            oldPart.set(e.getKey(), e.getValue());
        }
        for (var e : newObject.properties()) {
            if (oldPart.has(e.getKey()) || !oldObject.has(e.getKey())) {
                newPart.set(e.getKey(), e.getValue());
            }
        }
        if (oldPart.has("metadata")) {
            oldPart.set("metadata", withoutManagedFieldsShallow(oldPart.get("metadata")));
        }
        if (newPart.has("metadata")) {
            newPart.set("metadata", withoutManagedFieldsShallow(newPart.get("metadata")));
        }
        return new ObjectNode[]{oldPart, newPart};
    }

    private static JsonNode withoutManagedFieldsShallow(JsonNode metadata) {
        if (!(metadata instanceof ObjectNode m) || !m.has("managedFields")) {
            return metadata;
        }
        ObjectNode copy = Values.MAPPER.createObjectNode();
        m.properties().forEach(e -> copy.set(e.getKey(), e.getValue()));
        copy.remove("managedFields");
        return copy;
    }

    /**
     * Server-side apply of {@code appliedConfig} by {@code manager} to {@code liveObject} (null when the object does
     * not exist yet) at {@code apiVersion}, on the main resource or a subresource. Returns the merged object with
     * its managedFields; throws {@link ApplyConflictException} when, without {@code force}, it would change fields
     * other managers own, and {@link ApplyRequestException} for a body of the wrong type or version, with
     * managedFields, or not fitting the schema. The name checks of {@link ApplyValidation#checkName} are left to the
     * caller, who knows the URL.
     */
    public ApplyResult apply(JsonNode liveObject, JsonNode appliedConfig, String manager, String apiVersion,
                             String subresource, boolean force, Instant now) {
        String kind = liveObject != null ? liveObject.path("kind").asString("")
                : appliedConfig == null ? "" : appliedConfig.path("kind").asString("");
        ApplyValidation.checkConfig(appliedConfig, apiVersion, kind);
        ApplySchema schema = ApplySchema.forKind(apiVersion, kind);
        Updater updater = new Updater(schema, ResetFields.forWrite(apiVersion, kind, subresource));
        Managed managed = decodeLive(liveObject);
        JsonNode live = liveObject == null ? Values.MAPPER.createObjectNode() : withoutManagedFields(liveObject);
        Attempt attempt = new Attempt(updater, schema, live, appliedConfig, ManagerId.apply(manager, subresource),
                apiVersion, subresource, now);
        try {
            Attempt.Outcome outcome = attempt.withLastApplied(managed, force);
            ObjectNode result = requireObject(outcome.object()).deepCopy();
            if ("kubectl".equals(manager) && LastApplied.has(result)) {
                LastApplied.set(result, LastApplied.build(appliedConfig));
            }
            putManagedFields(result, Timestamps.keepIfUnchanged(liveObject, result,
                    ManagedFieldsCodec.encode(outcome.managed())));
            return new ApplyResult(result, liveObject == null || !Values.equal(liveObject, result));
        } catch (SchemaViolation e) {
            throw ApplyRequestException.internal("failed to create typed patch object ("
                    + appliedConfig.path("metadata").path("namespace").asString("") + "/"
                    + appliedConfig.path("metadata").path("name").asString("") + "; "
                    + ApplyValidation.gvk(apiVersion, kind) + "): " + e.getMessage());
        }
    }

    /** One apply attempt: the chain below {@code lastAppliedManager}. */
    private record Attempt(Updater updater, ApplySchema schema, JsonNode live, JsonNode config, ManagerId id,
                           String apiVersion, String subresource, Instant now) {

        record Outcome(JsonNode object, Managed managed) {
        }

        /** Applies; a {@code kubectl} apply that conflicts only on fields its last-applied annotation still
         * describes is forced ({@code lastAppliedManager}). */
        Outcome withLastApplied(Managed managed, boolean force) {
            try {
                return once(managed, force);
            } catch (Updater.Conflicts conflicts) {
                FieldSet allowed = "kubectl".equals(id.manager())
                        ? LastApplied.allowedConflicts(live, apiVersion, schema) : null;
                if (allowed == null) {
                    throw ConflictReport.exception(conflicts.byManager(), FieldSet.empty());
                }
                if (!ConflictReport.remaining(conflicts.byManager(), allowed).isEmpty()) {
                    throw ConflictReport.exception(conflicts.byManager(), allowed);
                }
                return once(managed, true);
            }
        }

        private Outcome once(Managed original, boolean force) {
            Managed managed = original.copy();
            if (managed.isEmpty()) {
                track(updater, null, live, managed, ManagerId.update(BEFORE_FIRST_APPLY, apiVersion, subresource),
                        apiVersion, now);
            }
            Updater.Applied applied = updater.apply(live, config, apiVersion, managed, id, force);
            strip(managed, id);
            if (!applied.changed()) {
                return new Outcome(live, managed);
            }
            managed.times().put(id, now);
            return new Outcome(applied.object(), managed);
        }
    }

    /**
     * {@code managedFieldsUpdater} over {@code stripMetaManager} over the structured update: the write is first
     * recorded under a placeholder manager, then merged into {@code id}'s entry, whose time moves only if the write
     * took any field.
     */
    private static void track(Updater updater, JsonNode oldObject, JsonNode newObject, Managed managed, ManagerId id,
                              String apiVersion, Instant now) {
        updater.update(oldObject, newObject, apiVersion, managed, CURRENT_OPERATION);
        strip(managed, CURRENT_OPERATION);
        VersionedSet current = managed.get(CURRENT_OPERATION);
        if (current == null) {
            return;
        }
        managed.remove(CURRENT_OPERATION);
        VersionedSet previous = managed.get(id);
        FieldSet union = previous == null ? current.set() : current.set().union(previous.set());
        managed.put(id, current.withSet(union));
        managed.times().put(id, now);
    }

    private static void strip(Managed managed, ManagerId id) {
        VersionedSet vs = managed.get(id);
        if (vs != null) {
            managed.put(id, vs.withSet(vs.set().difference(STRIPPED)));
        }
    }

    private static Managed decodeLiveOrNew(JsonNode oldObject, JsonNode newObject, boolean subresource) {
        JsonNode requested = ManagedFieldsCodec.of(newObject);
        if (!subresource) {
            if (ManagedFieldsCodec.isReset(requested)) {
                return new Managed();
            }
            try {
                Managed fromRequest = ManagedFieldsCodec.decode(requested);
                if (!fromRequest.isEmpty()) {
                    return fromRequest;
                }
            } catch (IllegalArgumentException e) {
                // fall back to the live object's, as upstream does for clients that mangle managedFields
            }
        }
        try {
            return ManagedFieldsCodec.decode(ManagedFieldsCodec.of(oldObject));
        } catch (IllegalArgumentException e) {
            return new Managed();
        }
    }

    private static Managed decodeLive(JsonNode liveObject) {
        try {
            return ManagedFieldsCodec.decode(ManagedFieldsCodec.of(liveObject));
        } catch (IllegalArgumentException e) {
            throw ApplyRequestException.internal("failed to decode managed fields: " + e.getMessage());
        }
    }

    private static ObjectNode requireObject(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("an object is required");
        }
        return (ObjectNode) node;
    }

    private static JsonNode withoutManagedFields(JsonNode object) {
        if (object == null) {
            return null;
        }
        ObjectNode copy = requireObject(object).deepCopy();
        removeManagedFields(copy);
        return copy;
    }

    private static void removeManagedFields(ObjectNode object) {
        if (object.get("metadata") instanceof ObjectNode metadata) {
            metadata.remove("managedFields");
        }
    }

    /** Replaces {@code object}'s managedFields with a copy of {@code managedFields} (none when null). */
    private static void putManagedFields(ObjectNode object, JsonNode managedFields) {
        removeManagedFields(object);
        if (managedFields != null) {
            object.withObjectProperty("metadata").set("managedFields", managedFields.deepCopy());
        }
    }
}
