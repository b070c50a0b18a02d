package io.kubesim.api.openapi;

import io.kubesim.registry.PatchType;

import java.util.Arrays;
import java.util.List;

/** The media types kubesim reads and writes ({@code io.kubesim.api.OutputFormat}, {@code RequestBodies}). */
final class Media {

    static final String JSON = "application/json";
    static final String YAML = "application/yaml";
    static final String JSON_WATCH = "application/json;stream=watch";
    static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io";
    static final String DISCOVERY_V2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
    static final String TEXT = "text/plain";

    /** Bodies of POST and PUT (protobuf bodies are answered 415 for now). */
    static final List<String> BODIES = List.of(JSON, YAML);
    /** Answers with one object. */
    static final List<String> OBJECT = List.of(JSON, YAML);
    /** Answers of a list call, which streams with {@code watch=true}. */
    static final List<String> LIST = List.of(JSON, JSON_WATCH, YAML);
    /** Answers of the legacy {@code /watch/} paths. */
    static final List<String> WATCH = List.of(JSON, JSON_WATCH);

    /**
     * The PATCH bodies served: every {@link PatchType} (JSON patch, merge patch, strategic merge patch and server-side
     * apply). Listing {@code application/strategic-merge-patch+json} makes kubectl compute apply patches from these
     * schemas, which carry the server's patch strategies.
     */
    static List<String> patchBodies() {
        return Arrays.stream(PatchType.values()).map(PatchType::mediaType).sorted().toList();
    }

    private Media() {
    }
}
