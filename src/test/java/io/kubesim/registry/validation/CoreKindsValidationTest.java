package io.kubesim.registry.validation;

import static io.kubesim.registry.validation.Fixtures.DNS1123_LABEL_MSG;
import static io.kubesim.registry.validation.Fixtures.meta;
import static io.kubesim.registry.validation.Fixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoreKindsValidationTest {

    private static Namespace namespace(String name) {
        return new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
    }

    @Test
    void namespaces() {
        assertThat(strings(NamespaceValidation.validate(namespace("team-a")))).isEmpty();
        assertThat(strings(NamespaceValidation.validate(namespace("Team_A")))).containsExactly(
                "metadata.name: Invalid value: \"Team_A\": " + DNS1123_LABEL_MSG);
        assertThat(strings(NamespaceValidation.validate(namespace("team.a")))).containsExactly(
                "metadata.name: Invalid value: \"team.a\": must not contain dots");
        Namespace withNs = namespace("team-a");
        withNs.getMetadata().setNamespace("default");
        assertThat(strings(NamespaceValidation.validate(withNs))).containsExactly(
                "metadata.namespace: Forbidden: not allowed on this type");
        Namespace finalizer = new NamespaceBuilder(namespace("team-a")).withNewSpec().withFinalizers("foo", "kubernetes")
                .endSpec().build();
        assertThat(strings(NamespaceValidation.validate(finalizer))).containsExactly(
                "spec.finalizers: Invalid value: \"foo\": name is neither a standard finalizer name nor is it fully "
                        + "qualified");
    }

    private static Node node() {
        return new NodeBuilder().withNewMetadata().withName("node-1").withResourceVersion("1").endMetadata()
                .withNewSpec().withPodCIDR("10.244.1.0/24").endSpec().build();
    }

    @Test
    void nodes() {
        assertThat(strings(NodeValidation.validate(node()))).isEmpty();
        Node bad = node();
        bad.getSpec().setTaints(List.of(new Taint("Sometimes", "k", null, "v"), new Taint(null, "k2", null, "v"),
                new Taint("NoSchedule", "dup", null, "a"), new Taint("NoSchedule", "dup", null, "b")));
        bad.getSpec().setPodCIDR("10.0.0.0/33");
        assertThat(strings(NodeValidation.validate(bad))).containsExactly(
                "metadata.taints[0].effect: Unsupported value: \"Sometimes\": supported values: \"NoSchedule\", "
                        + "\"PreferNoSchedule\", \"NoExecute\"",
                "metadata.taints[1].effect: Required value",
                "metadata.taints[3]: Duplicate value: {\"Key\":\"dup\",\"Value\":\"b\",\"Effect\":\"NoSchedule\","
                        + "\"TimeAdded\":null}: taints must be unique by key and effect pair",
                "spec.podCIDRs[0]: Invalid value: \"10.0.0.0/33\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or "
                        + "2001:db8::/64)");
        Node dual = node();
        dual.getSpec().setPodCIDRs(List.of("10.244.1.0/24", "10.244.2.0/24"));
        assertThat(strings(NodeValidation.validate(dual))).containsExactly(
                "spec.podCIDRs: Invalid value: [\"10.244.1.0/24\",\"10.244.2.0/24\"]: may specify no more than one "
                        + "CIDR for each IP family");
        dual.getSpec().setPodCIDRs(List.of("10.244.1.0/24", "fd00:10:244::/64"));
        assertThat(strings(NodeValidation.validate(dual))).isEmpty();
        Node moved = node();
        moved.getSpec().setPodCIDR("10.244.9.0/24");
        moved.getSpec().setProviderID("kwok://node-1");
        Node old = node();
        old.getSpec().setProviderID("kwok://old");
        assertThat(strings(NodeValidation.validateUpdate(moved, old))).containsExactly(
                "spec.podCIDRs: Forbidden: node updates may not change podCIDR except from \"\" to valid",
                "spec.providerID: Forbidden: node updates may not change providerID except from \"\" to valid");
    }

    private static ConfigMap configMap(Map<String, String> data, Map<String, String> binary) {
        return new ConfigMapBuilder().withMetadata(meta("settings")).withData(data).withBinaryData(binary).build();
    }

    @Test
    void configMaps() {
        assertThat(strings(ConfigMapValidation.validate(configMap(Map.of("a.conf", "x"), null)))).isEmpty();
        String b64 = Base64.getEncoder().encodeToString(new byte[] {1, 2});
        assertThat(strings(ConfigMapValidation.validate(configMap(Map.of("bad key", "x", "k", "v"),
                Map.of("k", b64, "..", b64))))).containsExactly(
                "data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters,"
                        + " '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation "
                        + "is '[-._a-zA-Z0-9]+')",
                "data[k]: Invalid value: \"k\": duplicate of key present in binaryData",
                "binaryData[..]: Invalid value: \"..\": must not be '..'");
        assertThat(strings(ConfigMapValidation.validate(configMap(Map.of("big", "x".repeat(1024 * 1024 + 1)), null))))
                .containsExactly(": Too long: may not be more than 1048576 bytes");
        ConfigMap frozen = configMap(Map.of("a", "1"), null);
        frozen.setImmutable(true);
        frozen.getMetadata().setResourceVersion("4");
        ConfigMap changed = configMap(Map.of("a", "2"), null);
        changed.getMetadata().setResourceVersion("4");
        assertThat(strings(ConfigMapValidation.validateUpdate(changed, frozen))).containsExactly(
                "immutable: Forbidden: field is immutable when `immutable` is set",
                "data: Forbidden: field is immutable when `immutable` is set");
    }

    private static Secret secret(String type, Map<String, String> stringData) {
        return new SecretBuilder().withMetadata(meta("creds")).withType(type).withStringData(stringData).build();
    }

    @Test
    void secrets() {
        assertThat(strings(SecretValidation.validate(secret("Opaque", Map.of("password", "s3cret"))))).isEmpty();
        assertThat(strings(SecretValidation.validate(secret("kubernetes.io/tls", Map.of())))).containsExactly(
                "data[tls.crt]: Required value", "data[tls.key]: Required value");
        assertThat(strings(SecretValidation.validate(secret("Opaque", Map.of("big", "x".repeat(1024 * 1024 + 1))))))
                .containsExactly("data: Too long: may not be more than 1048576 bytes");
        assertThat(strings(SecretValidation.validate(secret("kubernetes.io/service-account-token", Map.of()))))
                .containsExactly("metadata.annotations[kubernetes.io/service-account.name]: Required value");
        Secret old = secret("Opaque", Map.of("a", "1"));
        old.getMetadata().setResourceVersion("2");
        old.setImmutable(true);
        Secret changed = secret("kubernetes.io/basic-auth", Map.of("a", "2"));
        changed.getMetadata().setResourceVersion("2");
        changed.setImmutable(true);
        assertThat(strings(SecretValidation.validateUpdate(changed, old))).containsExactly(
                "type: Invalid value: \"kubernetes.io/basic-auth\": field is immutable",
                "data: Forbidden: field is immutable when `immutable` is set",
                "data[username]: Required value", "data[password]: Required value");
    }

    @Test
    void endpoints() {
        var valid = new EndpointsBuilder().withMetadata(meta("web")).addNewSubset().addNewAddress().withIp("10.244.1.5")
                .endAddress().addNewPort().withPort(8080).withProtocol("TCP").endPort().endSubset().build();
        assertThat(strings(EndpointsValidation.validate(valid))).isEmpty();
        var bad = new EndpointsBuilder().withMetadata(meta("web")).addNewSubset().endSubset().addNewSubset()
                .addNewAddress().withIp("abc").endAddress().addNewAddress().withIp("127.0.0.1").endAddress()
                .addNewPort().withPort(0).withProtocol("TCP").endPort().addNewPort().withName("b").withPort(81)
                .withProtocol("TCP").endPort().endSubset().build();
        assertThat(strings(EndpointsValidation.validate(bad))).containsExactly(
                "subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`",
                "subsets[1].addresses[0].ip: Invalid value: \"abc\": must be a valid IP address, (e.g. 10.9.8.7 or "
                        + "2001:db8::ffff)",
                "subsets[1].addresses[0].ip: Invalid value: \"abc\": must be a valid IP address",
                "subsets[1].addresses[1].ip: Invalid value: \"127.0.0.1\": may not be in the loopback range "
                        + "(127.0.0.0/8, ::1/128)",
                "subsets[1].ports[0].name: Required value",
                "subsets[1].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive");
    }

    private static Event event(String namespace, String involvedNamespace) {
        return new EventBuilder().withMetadata(new ObjectMetaBuilder().withName("e.1").withNamespace(namespace).build())
                .withNewInvolvedObject().withKind("Pod").withName("web").withNamespace(involvedNamespace)
                .endInvolvedObject().withReason("Started").build();
    }

    @Test
    void events() {
        assertThat(strings(EventValidation.validate(event("default", "default")))).isEmpty();
        assertThat(strings(EventValidation.validate(event("default", "other")))).containsExactly(
                "involvedObject.namespace: Invalid value: \"other\": does not match event.namespace");
        assertThat(strings(EventValidation.validate(event("team-a", null)))).containsExactly(
                "involvedObject.namespace: Invalid value: \"\": does not match event.namespace");
        Event modern = event("default", "default");
        modern.setEventTime(new MicroTime("2024-01-01T00:00:00.000000Z"));
        modern.setReason(null);
        modern.setAction("x".repeat(129));
        assertThat(strings(EventValidation.validate(modern))).containsExactly(
                "reportingController: Required value",
                "reportingController: Invalid value: \"\": name part must be non-empty",
                "reportingController: Invalid value: \"\": name part " + "must consist of alphanumeric characters, "
                        + "'-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or "
                        + "'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?"
                        + "[A-Za-z0-9]')",
                "reportingInstance: Required value",
                "action: Invalid value: \"\": can have at most 128 characters",
                "reason: Required value");
    }

    private static Lease lease() {
        return new LeaseBuilder().withMetadata(meta("node-1")).withNewSpec().withHolderIdentity("node-1")
                .withLeaseDurationSeconds(40).endSpec().build();
    }

    @Test
    void leases() {
        assertThat(strings(LeaseValidation.validate(lease()))).isEmpty();
        Lease bad = lease();
        bad.getSpec().setLeaseDurationSeconds(0);
        bad.getSpec().setLeaseTransitions(-1);
        bad.getSpec().setStrategy("Bogus");
        assertThat(strings(LeaseValidation.validate(bad))).containsExactly(
                "spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0",
                "spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0",
                "spec.strategy.strategy: Unsupported value: \"Bogus\": supported values: \"OldestEmulationVersion\"");
        Lease holder = lease();
        holder.getSpec().setPreferredHolder("node-2");
        assertThat(strings(LeaseValidation.validate(holder))).containsExactly(
                "spec.preferredHolder: Forbidden: may only be specified if `strategy` is defined");
        Lease old = lease();
        old.getMetadata().setResourceVersion("1");
        Lease renamed = lease();
        renamed.getMetadata().setResourceVersion("1");
        renamed.getMetadata().setName("node-2");
        assertThat(strings(LeaseValidation.validateUpdate(renamed, old))).containsExactly(
                "metadata.name: Invalid value: \"node-2\": field is immutable");
    }
}
