package io.kubesim.patch.apply;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An apply that would change fields other managers own, without {@code force}: HTTP 409 {@code Conflict} with one
 * {@code FieldManagerConflict} cause per field (apimachinery {@code conflict.go}). The message is upstream's: one
 * conflict is {@code Apply failed with 1 conflict: conflict with "m" using apps/v1: .spec.replicas}; several are
 * grouped per manager, managers in identifier order, each path on a {@code - } line.
 */
public final class ApplyConflictException extends RuntimeException {

    private final List<Conflict> conflicts;

    /** An exception for these conflicts, listed in the order given (at least one). */
    public ApplyConflictException(List<Conflict> conflicts) {
        super(message(conflicts));
        this.conflicts = List.copyOf(conflicts);
    }

    /** The conflicts, grouped by manager in identifier order, each manager's fields in set order. */
    public List<Conflict> conflicts() {
        return conflicts;
    }

    static String message(List<Conflict> conflicts) {
        if (conflicts.isEmpty()) {
            throw new IllegalArgumentException("no conflicts");
        }
        if (conflicts.size() == 1) {
            Conflict c = conflicts.get(0);
            return "Apply failed with 1 conflict: conflict with " + c.describeManager() + ": " + c.path();
        }
        Map<String, List<Conflict>> byManager = new LinkedHashMap<>();
        conflicts.stream().sorted((a, b) -> a.id().identifier().compareTo(b.id().identifier()))
                .forEach(c -> byManager.computeIfAbsent(c.id().identifier(), k -> new ArrayList<>()).add(c));
        List<String> lines = new ArrayList<>();
        byManager.values().forEach(group -> {
            lines.add("conflicts with " + group.get(0).describeManager() + ":");
            group.forEach(c -> lines.add("- " + c.path()));
        });
        return "Apply failed with " + conflicts.size() + " conflicts: " + String.join("\n", lines);
    }

    /** The HTTP status code, 409. */
    public int code() {
        return 409;
    }

    /** The {@code details.causes} of the Status: {@code {reason, message, field}} per conflict. */
    public ArrayNode causes() {
        ArrayNode causes = JsonNodeFactory.instance.arrayNode();
        for (Conflict c : conflicts) {
            ObjectNode cause = causes.addObject();
            cause.put("reason", "FieldManagerConflict");
            cause.put("message", c.causeMessage());
            cause.put("field", c.path());
        }
        return causes;
    }

    /** The whole {@code Status} object upstream answers with ({@code errors.NewApplyConflict}). */
    public ObjectNode toStatus() {
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure");
        status.put("message", getMessage());
        status.put("reason", "Conflict");
        status.putObject("details").set("causes", causes());
        status.put("code", code());
        return status;
    }
}
