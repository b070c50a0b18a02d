package io.kubesim.api;

import com.google.protobuf.ByteString;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.kubernetes.client.proto.IntStr;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Resource;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apiextensions;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Authorization;
import io.kubernetes.client.proto.V1Coordination;
import io.kubernetes.client.proto.V1Networking;
import io.kubesim.registry.codec.Decoded;
import io.kubesim.registry.codec.ObjectCodec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Go JSON forms the walker reproduces: inlined embedded structs, times, int-or-string, quantities, bytes,
 * embedded raw JSON (and nested protobuf), string lists wrapped in messages, renamed CRD schema fields.
 */
class ProtobufBodiesTypesTest {

    private final ProtobufBodies bodies = new ProtobufBodies();
    private final ObjectCodec codec = new ObjectCodec();

    @Test
    void podWithInlinedStructsProbesAndQuantities() throws Exception {
        V1.LocalObjectReference config = V1.LocalObjectReference.newBuilder().setName("app-config").build();
        V1.Container container = V1.Container.newBuilder().setName("c").setImage("nginx")
                .addPorts(V1.ContainerPort.newBuilder().setContainerPort(80).setHostPort(0).setProtocol("TCP"))
                .addEnvFrom(V1.EnvFromSource.newBuilder()
                        .setConfigMapRef(V1.ConfigMapEnvSource.newBuilder().setLocalObjectReference(config)))
                .addEnv(V1.EnvVar.newBuilder().setName("PASSWORD").setValue("").setValueFrom(V1.EnvVarSource.newBuilder()
                        .setSecretKeyRef(V1.SecretKeySelector.newBuilder().setKey("pw")
                                .setLocalObjectReference(V1.LocalObjectReference.newBuilder().setName("s1")))))
                .setLivenessProbe(V1.Probe.newBuilder().setInitialDelaySeconds(0).setPeriodSeconds(10)
                        .setHandler(V1.ProbeHandler.newBuilder().setHttpGet(V1.HTTPGetAction.newBuilder()
                                .setPath("/healthz").setHost("")
                                .setPort(IntStr.IntOrString.newBuilder().setType(1).setIntVal(0).setStrVal("http")))))
                .setReadinessProbe(V1.Probe.newBuilder().setHandler(V1.ProbeHandler.newBuilder()
                        .setTcpSocket(V1.TCPSocketAction.newBuilder()
                                .setPort(IntStr.IntOrString.newBuilder().setType(0).setIntVal(8080).setStrVal("")))))
                .setResources(V1.ResourceRequirements.newBuilder()
                        .putLimits("cpu", Resource.Quantity.newBuilder().setString("500m").build())
                        .putRequests("memory", Resource.Quantity.newBuilder().setString("64Mi").build()))
                .addVolumeMounts(V1.VolumeMount.newBuilder().setName("cfg").setMountPath("/etc/app").setReadOnly(false))
                .setStdin(false).setStdinOnce(false).setTty(false)
                .build();
        V1.Pod pod = V1.Pod.newBuilder()
                .setMetadata(ProtobufMessages.gogoMeta("p", "default"))
                .setSpec(V1.PodSpec.newBuilder().addContainers(container)
                        .addVolumes(V1.Volume.newBuilder().setName("cfg").setVolumeSource(V1.VolumeSource.newBuilder()
                                .setConfigMap(V1.ConfigMapVolumeSource.newBuilder().setLocalObjectReference(config)
                                        .setDefaultMode(420))))
                        .addEphemeralContainers(V1.EphemeralContainer.newBuilder().setTargetContainerName("c")
                                .setEphemeralContainerCommon(V1.EphemeralContainerCommon.newBuilder()
                                        .setName("debug").setImage("busybox").setStdin(true).setTty(true)))
                        .setHostNetwork(false).setHostPID(false).setHostIPC(false)
                        .setTerminationGracePeriodSeconds(0))
                .build();

        JsonNode decoded = bodies.decode(ProtobufMessages.envelope("v1", "Pod", pod), ProtobufTrees.type("v1", "Pod"));

        // terminationGracePeriodSeconds is a pointer (kept at 0); stdin, hostPort, readOnly, hostNetwork are not
        assertThat(ProtobufTrees.reparsed(decoded)).isEqualTo(ProtobufTrees.json("""
                {"kind":"Pod","apiVersion":"v1","metadata":{"name":"p","namespace":"default"},
                 "spec":{"volumes":[{"name":"cfg","configMap":{"name":"app-config","defaultMode":420}}],
                  "containers":[{"name":"c","image":"nginx","ports":[{"containerPort":80,"protocol":"TCP"}],
                   "env":[{"name":"PASSWORD","valueFrom":{"secretKeyRef":{"name":"s1","key":"pw"}}}],
                   "resources":{"limits":{"cpu":"500m"},"requests":{"memory":"64Mi"}},
                   "volumeMounts":[{"name":"cfg","mountPath":"/etc/app"}],
                   "livenessProbe":{"httpGet":{"path":"/healthz","port":"http"},"periodSeconds":10},
                   "readinessProbe":{"tcpSocket":{"port":8080}},
                   "envFrom":[{"configMapRef":{"name":"app-config"}}]}],
                  "terminationGracePeriodSeconds":0,
                  "ephemeralContainers":[{"name":"debug","image":"busybox","stdin":true,"tty":true,
                                          "targetContainerName":"c"}]}}"""));
        assertStrict(decoded, Pod.class);
    }

    @Test
    void timesMicroTimesAndPointerNumbers() {
        V1Coordination.Lease lease = V1Coordination.Lease.newBuilder()
                .setMetadata(ProtobufMessages.gogoMeta("leader", "kube-system").setGeneration(3)
                        .setCreationTimestamp(ProtobufMessages.time(1_700_000_000L)))
                .setSpec(V1Coordination.LeaseSpec.newBuilder().setHolderIdentity("node-1")
                        .setLeaseDurationSeconds(15).setLeaseTransitions(0)
                        .setRenewTime(Meta.MicroTime.newBuilder().setSeconds(1_700_000_001L).setNanos(123_456_789)))
                .build();

        JsonNode decoded = bodies.decode(ProtobufMessages.envelope("coordination.k8s.io/v1", "Lease", lease),
                ProtobufTrees.type("coordination.k8s.io/v1", "Lease"));

        assertThat(ProtobufTrees.reparsed(decoded)).isEqualTo(ProtobufTrees.json("""
                {"kind":"Lease","apiVersion":"coordination.k8s.io/v1",
                 "metadata":{"name":"leader","namespace":"kube-system","generation":3,
                             "creationTimestamp":"2023-11-14T22:13:20Z"},
                 "spec":{"holderIdentity":"node-1","leaseDurationSeconds":15,
                         "renewTime":"2023-11-14T22:13:21.123456Z","leaseTransitions":0}}"""));
    }

    @Test
    void rawExtensionsAndFieldsV1AreEmbeddedJson() {
        V1Apps.ControllerRevision revision = V1Apps.ControllerRevision.newBuilder()
                .setMetadata(ProtobufMessages.gogoMeta("web-5d8", "default")
                        .addManagedFields(Meta.ManagedFieldsEntry.newBuilder().setManager("kubectl")
                                .setOperation("Update").setApiVersion("apps/v1").setFieldsType("FieldsV1")
                                .setTime(ProtobufMessages.time(0))
                                .setFieldsV1(Meta.FieldsV1.newBuilder().setRaw(utf8("{\"f:data\":{}}")))))
                .setData(io.kubernetes.client.proto.Runtime.RawExtension.newBuilder()
                        .setRaw(utf8("{\"spec\":{\"template\":{\"$patch\":\"replace\"}}}")))
                .setRevision(2)
                .build();

        JsonNode decoded = bodies.decode(ProtobufMessages.envelope("apps/v1", "ControllerRevision", revision),
                ProtobufTrees.type("apps/v1", "ControllerRevision"));

        // a Time of the epoch is present on the wire (seconds 0), unlike a zero Time: it is written
        assertThat(ProtobufTrees.reparsed(decoded)).isEqualTo(ProtobufTrees.json("""
                {"kind":"ControllerRevision","apiVersion":"apps/v1",
                 "metadata":{"name":"web-5d8","namespace":"default",
                  "managedFields":[{"manager":"kubectl","operation":"Update","apiVersion":"apps/v1",
                                    "time":"1970-01-01T00:00:00Z","fieldsType":"FieldsV1",
                                    "fieldsV1":{"f:data":{}}}]},
                 "data":{"spec":{"template":{"$patch":"replace"}}},"revision":2}"""));
    }

    @Test
    void nestedProtobufInARawExtension() {
        V1.ConfigMap config = V1.ConfigMap.newBuilder().setMetadata(ProtobufMessages.meta("cm", ""))
                .putData("empty", "").putData("k", "v").build();
        V1Apps.ControllerRevision revision = V1Apps.ControllerRevision.newBuilder()
                .setMetadata(ProtobufMessages.meta("r", "default"))
                .setData(io.kubernetes.client.proto.Runtime.RawExtension.newBuilder()
                        .setRaw(ByteString.copyFrom(ProtobufMessages.envelope("v1", "ConfigMap", config))))
                .build();

        JsonNode decoded = bodies.decode(ProtobufMessages.envelope("apps/v1", "ControllerRevision", revision),
                ProtobufTrees.type("apps/v1", "ControllerRevision"));

        // map values keep their empty strings: a ConfigMap key may hold ""
        assertThat(ProtobufTrees.reparsed(decoded.get("data"))).isEqualTo(ProtobufTrees.json("""
                {"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"cm"},"data":{"empty":"","k":"v"}}"""));
    }

    @Test
    void anEmptyStorageClassNameIsKeptBecauseItMeansNoClass() {
        V1.PersistentVolumeClaim claim = V1.PersistentVolumeClaim.newBuilder()
                .setMetadata(ProtobufMessages.gogoMeta("data", "default"))
                .setSpec(V1.PersistentVolumeClaimSpec.newBuilder().addAccessModes("ReadWriteOnce")
                        .setStorageClassName("").setVolumeName(""))
                .build();

        JsonNode decoded = bodies.decode(ProtobufMessages.envelope("v1", "PersistentVolumeClaim", claim),
                ProtobufTrees.type("v1", "PersistentVolumeClaim"));

        assertThat(decoded.get("spec").toString())
                .isEqualTo("{\"accessModes\":[\"ReadWriteOnce\"],\"storageClassName\":\"\"}");
    }

    @Test
    void bytesAreBase64() {
        V1.Secret secret = V1.Secret.newBuilder().setMetadata(ProtobufMessages.gogoMeta("tls", "default"))
                .putData("tls.key", utf8("p@ss")).putData("empty", ByteString.EMPTY).setType("kubernetes.io/tls")
                .build();

        JsonNode decoded = bodies.decode(ProtobufMessages.envelope("v1", "Secret", secret),
                ProtobufTrees.type("v1", "Secret"));

        assertThat(decoded.get("data").toString()).isEqualTo("{\"tls.key\":\"cEBzcw==\",\"empty\":\"\"}");
        assertThat(decoded.get("type").asString()).isEqualTo("kubernetes.io/tls");
    }

    @Test
    void ingressRuleValueIsInlined() throws Exception {
        V1Networking.Ingress ingress = V1Networking.Ingress.newBuilder()
                .setMetadata(ProtobufMessages.gogoMeta("web", "default"))
                .setSpec(V1Networking.IngressSpec.newBuilder().addRules(V1Networking.IngressRule.newBuilder()
                        .setHost("web.example.com")
                        .setIngressRuleValue(V1Networking.IngressRuleValue.newBuilder().setHttp(
                                V1Networking.HTTPIngressRuleValue.newBuilder().addPaths(
                                        V1Networking.HTTPIngressPath.newBuilder().setPath("/").setPathType("Prefix")
                                                .setBackend(V1Networking.IngressBackend.newBuilder().setService(
                                                        V1Networking.IngressServiceBackend.newBuilder().setName("web")
                                                                .setPort(V1Networking.ServiceBackendPort.newBuilder()
                                                                        .setName("").setNumber(80)))))))))
                .build();

        JsonNode decoded = bodies.decode(ProtobufMessages.envelope("networking.k8s.io/v1", "Ingress", ingress),
                ProtobufTrees.type("networking.k8s.io/v1", "Ingress"));

        assertThat(ProtobufTrees.reparsed(decoded.at("/spec/rules/0"))).isEqualTo(ProtobufTrees.json("""
                {"host":"web.example.com","http":{"paths":[{"path":"/","pathType":"Prefix",
                 "backend":{"service":{"name":"web","port":{"number":80}}}}]}}"""));
        assertStrict(decoded, Ingress.class);
    }

    @Test
    void extraValuesAreStringLists() {
        V1Authorization.SubjectAccessReview review = V1Authorization.SubjectAccessReview.newBuilder()
                .setMetadata(ProtobufMessages.gogoMeta("", ""))
                .setSpec(V1Authorization.SubjectAccessReviewSpec.newBuilder().setUser("alice")
                        .putExtra("scopes", V1Authorization.ExtraValue.newBuilder().addItems("a").addItems("b").build()))
                .build();

        JsonNode decoded = bodies.decode(
                ProtobufMessages.envelope("authorization.k8s.io/v1", "SubjectAccessReview", review),
                ProtobufTrees.type("authorization.k8s.io/v1", "SubjectAccessReview"));

        assertThat(decoded.at("/spec/extra").toString()).isEqualTo("{\"scopes\":[\"a\",\"b\"]}");
        assertThat(decoded.get("metadata").toString()).isEqualTo("{}");
    }

    @Test
    void crdSchemasUseTheirJsonNames() throws Exception {
        V1Apiextensions.JSONSchemaProps string = V1Apiextensions.JSONSchemaProps.newBuilder().setType("string").build();
        V1Apiextensions.JSONSchemaProps schema = V1Apiextensions.JSONSchemaProps.newBuilder().setType("object")
                .setNullable(false).setXKubernetesEmbeddedResource(false)
                .putProperties("spec", V1Apiextensions.JSONSchemaProps.newBuilder().setType("object")
                        .setXKubernetesPreserveUnknownFields(true).build())
                .putProperties("tags", V1Apiextensions.JSONSchemaProps.newBuilder().setType("array")
                        .setItems(V1Apiextensions.JSONSchemaPropsOrArray.newBuilder().setSchema(string))
                        .setDefault(V1Apiextensions.JSON.newBuilder().setRaw(utf8("[\"x\"]"))).build())
                .setAdditionalProperties(V1Apiextensions.JSONSchemaPropsOrBool.newBuilder().setAllows(false))
                .build();
        V1Apiextensions.CustomResourceDefinition crd = V1Apiextensions.CustomResourceDefinition.newBuilder()
                .setMetadata(ProtobufMessages.gogoMeta("widgets.example.com", ""))
                .setSpec(V1Apiextensions.CustomResourceDefinitionSpec.newBuilder().setGroup("example.com")
                        .setScope("Namespaced")
                        .setNames(V1Apiextensions.CustomResourceDefinitionNames.newBuilder().setPlural("widgets")
                                .setKind("Widget"))
                        .addVersions(V1Apiextensions.CustomResourceDefinitionVersion.newBuilder().setName("v1")
                                .setServed(true).setStorage(true)
                                .setSchema(V1Apiextensions.CustomResourceValidation.newBuilder()
                                        .setOpenAPIV3Schema(schema))))
                .build();

        JsonNode decoded = bodies.decode(
                ProtobufMessages.envelope("apiextensions.k8s.io/v1", "CustomResourceDefinition", crd),
                ProtobufTrees.type("apiextensions.k8s.io/v1", "CustomResourceDefinition"));

        assertThat(ProtobufTrees.reparsed(decoded.at("/spec/versions/0/schema/openAPIV3Schema")))
                .isEqualTo(ProtobufTrees.json("""
                        {"type":"object","additionalProperties":false,
                         "properties":{"spec":{"type":"object","x-kubernetes-preserve-unknown-fields":true},
                                       "tags":{"type":"array","items":{"type":"string"},"default":["x"]}}}"""));
        assertStrict(decoded, CustomResourceDefinition.class);
    }

    private void assertStrict(JsonNode tree, Class<? extends HasMetadata> type) throws Exception {
        Decoded<? extends HasMetadata> d = codec.decodeStrict(tree, type);
        assertThat(d.problems()).isEmpty();
    }

    private static ByteString utf8(String s) {
        return ByteString.copyFrom(s, StandardCharsets.UTF_8);
    }
}
