package io.kubesim.patch.apply;

/** The fields one manager owns, the API version they were recorded at, and whether they came from an apply. */
record VersionedSet(FieldSet set, String apiVersion, boolean applied) {

    VersionedSet withSet(FieldSet newSet) {
        return new VersionedSet(newSet, apiVersion, applied);
    }
}
