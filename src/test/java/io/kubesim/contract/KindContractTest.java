package io.kubesim.contract;

import io.kubesim.support.ApiTestBase;
import io.kubesim.support.Http;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same contract for every kind, over raw HTTP: create, get, list with selectors, update,
 * merge patch, watch with a selector, delete, and the common failures. Runs on H2 here and on
 * PostgreSQL in {@link PostgresKindContractTest}.
 */
class KindContractTest extends ApiTestBase {

    static List<Samples.Kind> kinds() {
        return Samples.all();
    }

    private String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void theVerbsFollowTheContract(Samples.Kind kind) throws Exception {
        Samples.Kind k = kind.in(namespace);
        String collection = k.path(namespace);
        String a = unique("a");
        String b = unique("b");
        String selector = unique("s");

        HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + collection + "?watch=true&labelSelector=sel%3D" + selector + "&timeoutSeconds=20"
                        + "&resourceVersion=" + http.get(collection).json().path("metadata").path("resourceVersion").asString()))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));

        Http.Response created = http.post(collection, k.bodyFor(a, selector));
        assertThat(created.code()).as(created.body()).isEqualTo(201);
        JsonNode obj = created.json();
        assertThat(obj.path("kind").asString()).isEqualTo(k.kind());
        assertThat(obj.path("metadata").path("uid").asString()).isNotEmpty();
        String rv = obj.path("metadata").path("resourceVersion").asString();
        assertThat(rv).matches("[1-9][0-9]*");
        assertThat(http.post(collection, k.bodyFor(b, "other")).code()).isEqualTo(201);

        Http.Response got = http.get(collection + "/" + a);
        assertThat(got.code()).isEqualTo(200);
        assertThat(got.json()).isEqualTo(obj);

        Http.Response listed = http.get(collection + "?labelSelector=sel%3D" + selector);
        assertThat(listed.json().path("kind").asString()).isEqualTo(k.kind() + "List");
        assertThat(listed.json().path("items")).hasSize(1);
        assertThat(listed.json().path("items").get(0).has("kind")).isFalse();
        assertThat(Long.parseLong(listed.json().path("metadata").path("resourceVersion").asString()))
                .isGreaterThanOrEqualTo(Long.parseLong(rv));
        assertThat(http.get(collection + "?fieldSelector=metadata.name%3D" + b).json().path("items")).hasSize(1);

        Http.Response patched = http.patch(collection + "/" + a, "application/merge-patch+json",
                "{\"metadata\":{\"annotations\":{\"touched\":\"yes\"}}}");
        assertThat(patched.code()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().path("metadata").path("annotations").path("touched").asString()).isEqualTo("yes");

        String stale = obj.toString();
        Http.Response conflict = http.put(collection + "/" + a, stale);
        assertThat(conflict.code()).isEqualTo(409);
        assertThat(conflict.json().path("reason").asString()).isEqualTo("Conflict");

        JsonNode current = http.get(collection + "/" + a).json();
        Http.Response updated = http.put(collection + "/" + a, current.toString().replace("\"touched\":\"yes\"",
                "\"touched\":\"again\""));
        assertThat(updated.code()).as(updated.body()).isEqualTo(200);

        Http.Response deleted = http.delete(collection + "/" + a);
        assertThat(deleted.code()).isIn(200, 202);
        if (!k.kind().equals("Namespace")) {
            assertThat(http.get(collection + "/" + a).code()).isEqualTo(404);
            assertThat(events.readLine()).startsWith("{\"type\":\"ADDED\"");
            assertThat(events.readLine()).startsWith("{\"type\":\"MODIFIED\"");
            assertThat(events.readLine()).startsWith("{\"type\":\"MODIFIED\"");
            assertThat(events.readLine()).startsWith("{\"type\":\"DELETED\"");
        }
        events.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void badInputIsAStatusAndChangesNothing(Samples.Kind kind) {
        Samples.Kind k = kind.in(namespace);
        String collection = k.path(namespace);
        String before = http.get(collection).json().path("items").toString();
        Http.Response malformed = http.post(collection, "{\"metadata\":");
        assertThat(malformed.code()).isEqualTo(400);
        assertThat(malformed.json().path("kind").asString()).isEqualTo("Status");
        assertThat(malformed.json().path("reason").asString()).isEqualTo("BadRequest");

        Http.Response wrongType = http.post(collection, "{\"metadata\":{\"name\":\"x\",\"labels\":\"nope\"}}");
        assertThat(wrongType.code()).isEqualTo(400);
        assertThat(wrongType.json().path("message").asString()).startsWith(k.kind() + " in version \"v1\" cannot be handled as a " + k.kind());

        Http.Response badName = http.post(collection, k.bodyFor("Not/Valid", "x").replace("Not/Valid",
                k.kind().equals("Event") ? "Not%Valid" : "Not_Valid"));
        assertThat(badName.code()).as(badName.body()).isEqualTo(422);
        assertThat(badName.json().path("reason").asString()).isEqualTo("Invalid");
        assertThat(badName.json().path("details").path("causes").get(0).path("field").asString()).isEqualTo("metadata.name");

        Http.Response badLabel = http.post(collection, k.bodyFor("ok-name", "a b"));
        assertThat(badLabel.code()).isEqualTo(422);
        assertThat(badLabel.json().path("message").asString()).contains("metadata.labels: Invalid value: \"a b\"");

        Http.Response unsupported = http.send("POST", collection, "text/plain", "hello", Map.of());
        assertThat(unsupported.code()).isEqualTo(415);
        Http.Response huge = http.post(collection, "{\"metadata\":{\"name\":\"x\"},\"pad\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}");
        assertThat(huge.code()).isEqualTo(413);
        assertThat(huge.json().path("message").asString()).isEqualTo("Request entity too large: limit is 3145728");
        assertThat(http.get(collection + "?labelSelector=a%20in%20(").code()).isEqualTo(400);
        assertThat(http.get(collection + "/missing").code()).isEqualTo(404);
        assertThat(http.send("PATCH", collection + "/missing", "text/plain", "{}", Map.of()).code()).isEqualTo(415);
        assertThat(http.send("PUT", collection, "application/json", "{}", Map.of()).code()).isEqualTo(405);
        assertThat(http.get(collection, Map.of("Accept", "application/xml")).code()).isEqualTo(406);
        assertThat(http.get(collection).json().path("items").toString()).isEqualTo(before);
    }
}
