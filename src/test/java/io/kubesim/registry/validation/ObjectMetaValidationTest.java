package io.kubesim.registry.validation;

import static io.kubesim.registry.validation.Fixtures.DNS1123_LABEL_MSG;
import static io.kubesim.registry.validation.Fixtures.DNS1123_SUBDOMAIN_MSG;
import static io.kubesim.registry.validation.Fixtures.LABEL_VALUE_MSG;
import static io.kubesim.registry.validation.Fixtures.NAME_PART_MSG;
import static io.kubesim.registry.validation.Fixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ObjectMetaValidationTest {

    private static List<FieldError> create(ObjectMeta meta) {
        return ObjectMetaValidation.validate(meta, true, NameRule.DNS1123_SUBDOMAIN, "Pod");
    }

    private static ObjectMetaBuilder valid() {
        return new ObjectMetaBuilder().withName("web").withNamespace("default");
    }

    static Stream<Arguments> createCases() {
        String qualified = "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start "
                + "and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
                + "validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix "
                + "and '/' (e.g. 'example.com/MyName')";
        return Stream.of(
                Arguments.of("valid", (Supplier<List<FieldError>>) () -> create(valid().build()), List.of()),
                Arguments.of("missing name", (Supplier<List<FieldError>>) () -> create(valid().withName(null).build()),
                        List.of("metadata.name: Required value: name or generateName is required")),
                Arguments.of("invalid name", (Supplier<List<FieldError>>) () -> create(valid().withName("Web_1").build()),
                        List.of("metadata.name: Invalid value: \"Web_1\": " + DNS1123_SUBDOMAIN_MSG)),
                Arguments.of("generateName with trailing dash is masked",
                        (Supplier<List<FieldError>>) () -> create(valid().withName(null).withGenerateName("web-").build()),
                        List.of("metadata.name: Required value: name or generateName is required")),
                Arguments.of("invalid generateName", (Supplier<List<FieldError>>) () ->
                        create(valid().withName("web-abcde").withGenerateName("Web-").build()),
                        List.of("metadata.generateName: Invalid value: \"Web-\": " + DNS1123_SUBDOMAIN_MSG)),
                Arguments.of("missing namespace", (Supplier<List<FieldError>>) () -> create(valid().withNamespace(null).build()),
                        List.of("metadata.namespace: Required value")),
                Arguments.of("invalid namespace", (Supplier<List<FieldError>>) () ->
                        create(valid().withNamespace("Bad_NS").build()),
                        List.of("metadata.namespace: Invalid value: \"Bad_NS\": " + DNS1123_LABEL_MSG)),
                Arguments.of("namespace on cluster-scoped kind", (Supplier<List<FieldError>>) () ->
                        ObjectMetaValidation.validate(valid().build(), false, NameRule.DNS1123_SUBDOMAIN, "Node"),
                        List.of("metadata.namespace: Forbidden: not allowed on this type")),
                Arguments.of("label value", (Supplier<List<FieldError>>) () ->
                        create(valid().withLabels(Map.of("app", "a b")).build()),
                        List.of("metadata.labels: Invalid value: \"a b\": " + LABEL_VALUE_MSG)),
                Arguments.of("label key", (Supplier<List<FieldError>>) () ->
                        create(valid().withLabels(Map.of("bad key", "v")).build()),
                        List.of("metadata.labels: Invalid value: \"bad key\": " + NAME_PART_MSG)),
                Arguments.of("label key with empty prefix", (Supplier<List<FieldError>>) () ->
                        create(valid().withLabels(Map.of("/app", "v")).build()),
                        List.of("metadata.labels: Invalid value: \"/app\": prefix part must be non-empty")),
                Arguments.of("annotation keys are checked lower-cased", (Supplier<List<FieldError>>) () ->
                        create(valid().withAnnotations(Map.of("Example.COM/Key", "v")).build()), List.of()),
                Arguments.of("annotation key", (Supplier<List<FieldError>>) () ->
                        create(valid().withAnnotations(Map.of("-bad", "v")).build()),
                        List.of("metadata.annotations: Invalid value: \"-bad\": " + NAME_PART_MSG)),
                Arguments.of("annotations too large", (Supplier<List<FieldError>>) () ->
                        create(valid().withAnnotations(Map.of("big", "x".repeat(262142))).build()),
                        List.of("metadata.annotations: Too long: may not be more than 262144 bytes")),
                Arguments.of("annotations at the limit", (Supplier<List<FieldError>>) () ->
                        create(valid().withAnnotations(Map.of("big", "x".repeat(262141))).build()), List.of()),
                Arguments.of("owner reference fields", (Supplier<List<FieldError>>) () ->
                        create(valid().withOwnerReferences(new OwnerReferenceBuilder().build()).build()),
                        List.of("metadata.ownerReferences.apiVersion: Invalid value: \"\": version must not be empty",
                                "metadata.ownerReferences.kind: Invalid value: \"\": must not be empty",
                                "metadata.ownerReferences.name: Invalid value: \"\": must not be empty",
                                "metadata.ownerReferences.uid: Invalid value: \"\": must not be empty")),
                Arguments.of("two controllers", (Supplier<List<FieldError>>) () -> create(valid().withOwnerReferences(
                        owner("a", "1"), owner("b", "2")).build()),
                        List.of("metadata.ownerReferences: Invalid value: [{\"apiVersion\":\"apps/v1\",\"kind\":"
                                + "\"ReplicaSet\",\"name\":\"a\",\"uid\":\"1\",\"controller\":true},{\"apiVersion\":"
                                + "\"apps/v1\",\"kind\":\"ReplicaSet\",\"name\":\"b\",\"uid\":\"2\",\"controller\":true}]:"
                                + " Only one reference can have Controller set to true. Found \"true\" in references for"
                                + " ReplicaSet/a and ReplicaSet/b")),
                Arguments.of("event owner", (Supplier<List<FieldError>>) () -> create(valid().withOwnerReferences(
                        new OwnerReferenceBuilder().withApiVersion("v1").withKind("Event").withName("e").withUid("1")
                                .build()).build()),
                        List.of("metadata.ownerReferences: Invalid value: {\"apiVersion\":\"v1\",\"kind\":\"Event\","
                                + "\"name\":\"e\",\"uid\":\"1\"}: /v1, Kind=Event is disallowed from being an owner")),
                Arguments.of("orphan and foregroundDeletion", (Supplier<List<FieldError>>) () ->
                        create(valid().withFinalizers("orphan", "foregroundDeletion").build()),
                        List.of("metadata.finalizers: Invalid value: [\"orphan\",\"foregroundDeletion\"]: finalizer "
                                + "orphan and foregroundDeletion cannot be both set")),
                Arguments.of("non-standard unqualified finalizer", (Supplier<List<FieldError>>) () ->
                        create(valid().withFinalizers("foo").build()),
                        List.of("metadata.finalizers[0]: Invalid value: \"foo\": name is neither a standard finalizer "
                                + "name nor is it fully qualified")),
                Arguments.of("unqualified finalizer on a Lease", (Supplier<List<FieldError>>) () ->
                        ObjectMetaValidation.validate(valid().withFinalizers("foo").build(), true,
                                NameRule.DNS1123_SUBDOMAIN, "Lease"), List.of()),
                Arguments.of("finalizer with two slashes", (Supplier<List<FieldError>>) () ->
                        create(valid().withFinalizers("a/b/c").build()),
                        List.of("metadata.finalizers: Invalid value: \"a/b/c\": " + qualified)),
                Arguments.of("negative generation", (Supplier<List<FieldError>>) () ->
                        create(valid().withGeneration(-1L).build()),
                        List.of("metadata.generation: Invalid value: -1: must be greater than or equal to 0")),
                Arguments.of("DNS-1035 name", (Supplier<List<FieldError>>) () ->
                        ObjectMetaValidation.validate(valid().withName("1svc").build(), true, NameRule.DNS1035_LABEL,
                                "Service"),
                        List.of("metadata.name: Invalid value: \"1svc\": a DNS-1035 label must consist of lower case "
                                + "alphanumeric characters or '-', start with an alphabetic character, and end with an "
                                + "alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is "
                                + "'[a-z]([-a-z0-9]*[a-z0-9])?')")),
                Arguments.of("DNS label with dots", (Supplier<List<FieldError>>) () ->
                        ObjectMetaValidation.validate(valid().withName("a.b").withNamespace(null).build(), false,
                                NameRule.DNS1123_LABEL, "Namespace"),
                        List.of("metadata.name: Invalid value: \"a.b\": must not contain dots")),
                Arguments.of("path segment rule", (Supplier<List<FieldError>>) () ->
                        ObjectMetaValidation.validate(valid().withName("a/b%").build(), true,
                                NameRule.PATH_SEGMENT_ONLY, "Widget"),
                        List.of("metadata.name: Invalid value: \"a/b%\": may not contain '/'",
                                "metadata.name: Invalid value: \"a/b%\": may not contain '%'")),
                Arguments.of("name too long", (Supplier<List<FieldError>>) () -> create(valid().withName("a".repeat(254))
                        .build()), List.of("metadata.name: Invalid value: \"" + "a".repeat(254)
                                + "\": must be no more than 253 characters")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("createCases")
    void create(String name, Supplier<List<FieldError>> run, List<String> expected) {
        assertThat(strings(run.get())).containsExactlyElementsOf(expected);
    }

    private static io.fabric8.kubernetes.api.model.OwnerReference owner(String name, String uid) {
        return new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("ReplicaSet").withName(name)
                .withUid(uid).withController(true).build();
    }

    private static ObjectMetaBuilder stored() {
        return valid().withUid("u-1").withResourceVersion("5").withGeneration(2L)
                .withCreationTimestamp("2024-01-01T00:00:00Z");
    }

    static Stream<Arguments> updateCases() {
        return Stream.of(
                Arguments.of("unchanged", stored(), stored(), List.of()),
                Arguments.of("name", stored().withName("other"), stored(),
                        List.of("metadata.name: Invalid value: \"other\": field is immutable")),
                Arguments.of("namespace", stored().withNamespace("other"), stored(),
                        List.of("metadata.namespace: Invalid value: \"other\": field is immutable")),
                Arguments.of("uid", stored().withUid("u-2"), stored(),
                        List.of("metadata.uid: Invalid value: \"u-2\": field is immutable")),
                Arguments.of("missing resourceVersion", stored().withResourceVersion(null), stored(),
                        List.of("metadata.resourceVersion: Invalid value: \"\": must be specified for an update")),
                Arguments.of("generation decremented", stored().withGeneration(1L), stored(),
                        List.of("metadata.generation: Invalid value: 1: must not be decremented")),
                Arguments.of("creationTimestamp", stored().withCreationTimestamp("2024-01-02T00:00:00Z"), stored(),
                        List.of("metadata.creationTimestamp: Invalid value: \"2024-01-02T00:00:00Z\": field is immutable")),
                Arguments.of("deletionTimestamp set by a client", stored().withDeletionTimestamp("2024-01-03T00:00:00Z"),
                        stored(), List.of("metadata.deletionTimestamp: Invalid value: \"2024-01-03T00:00:00Z\": field is "
                                + "immutable")),
                Arguments.of("deletionGracePeriodSeconds dropped", stored().withDeletionTimestamp("2024-01-03T00:00:00Z"),
                        stored().withDeletionTimestamp("2024-01-03T00:00:00Z").withDeletionGracePeriodSeconds(30L),
                        List.of("metadata.deletionGracePeriodSeconds: Invalid value: null: field is immutable")),
                Arguments.of("new finalizer while deleting",
                        stored().withDeletionTimestamp("2024-01-03T00:00:00Z").withFinalizers("example.com/b",
                                "example.com/a"),
                        stored().withDeletionTimestamp("2024-01-03T00:00:00Z"),
                        List.of("metadata.finalizers: Forbidden: no new finalizers can be added if the object is being "
                                + "deleted, found new finalizers []string{\"example.com/a\", \"example.com/b\"}")),
                Arguments.of("finalizer removed while deleting",
                        stored().withDeletionTimestamp("2024-01-03T00:00:00Z"),
                        stored().withDeletionTimestamp("2024-01-03T00:00:00Z").withFinalizers("example.com/a"),
                        List.of()),
                Arguments.of("labels still validated", stored().withLabels(Map.of("app", "a b")), stored(),
                        List.of("metadata.labels: Invalid value: \"a b\": " + LABEL_VALUE_MSG)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updateCases")
    void update(String name, ObjectMetaBuilder newMeta, ObjectMetaBuilder oldMeta, List<String> expected) {
        assertThat(strings(ObjectMetaValidation.validateUpdate(newMeta.build(), oldMeta.build(), "Pod")))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void nameSegmentRule() {
        assertThat(strings(ObjectMetaValidation.validateNameSegment(".."))).containsExactly(
                "metadata.name: Invalid value: \"..\": may not be '..'");
        assertThat(strings(ObjectMetaValidation.validateNameSegment("ok"))).isEmpty();
        assertThat(ObjectMetaValidation.nameParameterError("a/b%")).isEqualTo(
                Optional.of("Name parameter invalid: \"a/b%\": may not contain '/';may not contain '%'"));
        assertThat(ObjectMetaValidation.nameParameterError("web")).isEmpty();
    }

    @Test
    void toleratesNulls() {
        assertThat(strings(ObjectMetaValidation.validate(null, false, null, null))).containsExactly(
                "metadata.name: Required value: name or generateName is required");
        assertThat(strings(ObjectMetaValidation.validateUpdate(null, null))).containsExactly(
                "metadata.resourceVersion: Invalid value: \"\": must be specified for an update");
    }
}
