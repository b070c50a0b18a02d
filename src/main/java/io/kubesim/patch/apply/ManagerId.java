package io.kubesim.patch.apply;

import java.util.Objects;

/**
 * Who owns a managedFields entry, as apimachinery's manager identifier ({@code BuildManagerIdentifier}): manager
 * name, operation, API version (only for {@code Update}; an applier keeps one entry across versions) and
 * subresource. Entries are merged per identifier.
 */
record ManagerId(String manager, String operation, String apiVersion, String subresource) {

    static final String APPLY = "Apply";
    static final String UPDATE = "Update";

    ManagerId {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(operation, "operation");
        apiVersion = APPLY.equals(operation) || apiVersion == null ? "" : apiVersion;
        subresource = subresource == null ? "" : subresource;
    }

    /** An Update manager; an empty name becomes {@code unknown} ({@code buildManagerInfo}). */
    static ManagerId update(String manager, String apiVersion, String subresource) {
        return new ManagerId(orUnknown(manager), UPDATE, apiVersion, subresource);
    }

    /** An Apply manager; an empty name becomes {@code unknown}. */
    static ManagerId apply(String manager, String subresource) {
        return new ManagerId(orUnknown(manager), APPLY, "", subresource);
    }

    private static String orUnknown(String manager) {
        return manager == null || manager.isEmpty() ? "unknown" : manager;
    }

    boolean isApply() {
        return APPLY.equals(operation);
    }

    /**
     * The identifier string upstream keys managers by: the JSON of a ManagedFieldsEntry holding only these fields,
     * in struct order, empty ones omitted. Conflict groups are sorted by it.
     */
    String identifier() {
        StringBuilder sb = new StringBuilder("{");
        append(sb, "manager", manager);
        append(sb, "operation", operation);
        append(sb, "apiVersion", apiVersion);
        append(sb, "subresource", subresource);
        return sb.append('}').toString();
    }

    private static void append(StringBuilder sb, String name, String value) {
        if (value.isEmpty()) {
            return;
        }
        if (sb.length() > 1) {
            sb.append(',');
        }
        Values.goJsonString(name, sb);
        sb.append(':');
        Values.goJsonString(value, sb);
    }

    /**
     * How conflict messages name the manager ({@code printManager}): {@code "kubectl"}, then
     * {@code  with subresource "status"} when there is one, then {@code  using apps/v1} for an Update.
     */
    String describe() {
        String s = Values.goQuote(manager);
        if (!subresource.isEmpty()) {
            s += " with subresource " + Values.goQuote(subresource);
        }
        if (UPDATE.equals(operation)) {
            s += " using " + apiVersion;
        }
        return s;
    }
}
