package io.kubesim.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.List;
import java.util.Set;

/**
 * A kind as data: where it is served, how it is named, and which generic behaviours apply.
 *
 * @param subresources            served subresources, e.g. {@code status}, {@code scale}
 * @param tracksGeneration        whether {@code metadata.generation} starts at 1 and moves on spec changes
 * @param returnDeletedObject     whether DELETE answers with the object instead of a Success Status
 * @param allowCreateOnUpdate     whether PUT of a missing object creates it
 * @param gracefulDeletion        whether deletion waits a grace period (pods)
 */
public record ResourceType(String group, String version, String kind, String plural, String singular,
                           List<String> shortNames, List<String> categories, boolean namespaced,
                           Class<? extends HasMetadata> javaType, io.kubesim.registry.validation.NameRule nameRule, Set<String> subresources,
                           boolean tracksGeneration, boolean returnDeletedObject, boolean allowCreateOnUpdate,
                           boolean gracefulDeletion) {

    /** {@code v1} or {@code apps/v1}. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The storage and watch-cache name: {@code pods}, {@code deployments.apps}. */
    public String resource() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /** {@code PodList}. */
    public String listKind() {
        return kind + "List";
    }

    public boolean hasStatus() {
        return subresources.contains("status");
    }

    public boolean hasScale() {
        return subresources.contains("scale");
    }

    /** Starts a description of a kind served at {@code group/version} under {@code plural}. */
    public static Builder of(String group, String version, String kind, String plural,
                             Class<? extends HasMetadata> javaType) {
        return new Builder(group, version, kind, plural, javaType);
    }

    /** Fluent construction; everything but the identity has the common default. */
    public static final class Builder {
        private final String group;
        private final String version;
        private final String kind;
        private final String plural;
        private final Class<? extends HasMetadata> javaType;
        private List<String> shortNames = List.of();
        private List<String> categories = List.of();
        private boolean namespaced = true;
        private io.kubesim.registry.validation.NameRule nameRule = io.kubesim.registry.validation.NameRule.DNS1123_SUBDOMAIN;
        private Set<String> subresources = Set.of();
        private boolean tracksGeneration;
        private boolean returnDeletedObject;
        private boolean allowCreateOnUpdate;
        private boolean gracefulDeletion;

        private Builder(String group, String version, String kind, String plural, Class<? extends HasMetadata> javaType) {
            this.group = group;
            this.version = version;
            this.kind = kind;
            this.plural = plural;
            this.javaType = javaType;
        }

        public Builder shortNames(String... names) {
            this.shortNames = List.of(names);
            return this;
        }

        public Builder categories(String... names) {
            this.categories = List.of(names);
            return this;
        }

        public Builder clusterScoped() {
            this.namespaced = false;
            return this;
        }

        public Builder nameRule(io.kubesim.registry.validation.NameRule rule) {
            this.nameRule = rule;
            return this;
        }

        public Builder subresources(String... names) {
            this.subresources = Set.of(names);
            return this;
        }

        public Builder tracksGeneration() {
            this.tracksGeneration = true;
            return this;
        }

        public Builder returnDeletedObject() {
            this.returnDeletedObject = true;
            return this;
        }

        public Builder allowCreateOnUpdate() {
            this.allowCreateOnUpdate = true;
            return this;
        }

        public Builder gracefulDeletion() {
            this.gracefulDeletion = true;
            return this;
        }

        public ResourceType build() {
            return new ResourceType(group, version, kind, plural, kind.toLowerCase(java.util.Locale.ROOT), shortNames,
                    categories, namespaced, javaType, nameRule, subresources, tracksGeneration, returnDeletedObject,
                    allowCreateOnUpdate, gracefulDeletion);
        }
    }
}
