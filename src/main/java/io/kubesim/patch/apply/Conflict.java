package io.kubesim.patch.apply;

/**
 * One field an apply would take from another manager: that manager (name, operation, API version for Update
 * managers, subresource) and the field in upstream display form ({@code .spec.replicas}).
 */
public record Conflict(String manager, String operation, String apiVersion, String subresource, String path) {

    /** How upstream names the other manager: {@code "m"}, {@code "m" with subresource "status"}, {@code  using v}. */
    public String describeManager() {
        return id().describe();
    }

    /** The {@code message} of this conflict's Status cause: {@code conflict with "m" using apps/v1}. */
    public String causeMessage() {
        return "conflict with " + describeManager();
    }

    ManagerId id() {
        return new ManagerId(manager, operation, apiVersion, subresource);
    }
}
