package io.kubesim.registry.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

public class PodDefaultsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    public static <T> T read(String json, Class<T> type) {
        return JSON.readValue(json, type);
    }

    /** The wire form of {@code o} as a tree (re-parsed, so that numbers compare by JSON value). */
    public static JsonNode tree(Object o) {
        return JSON.readTree(JSON.writeValueAsString(o));
    }

    /** What {@code kubectl run nginx --image=nginx} stores (1.33+), minus uid, timestamps, resourceVersion. */
    static final String EXPECTED_NGINX = """
            {"apiVersion":"v1","kind":"Pod",
             "metadata":{"generation":1,"name":"nginx","namespace":"default","labels":{"run":"nginx"}},
             "spec":{
              "containers":[{"image":"nginx","imagePullPolicy":"Always","name":"nginx","resources":{},
                "terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File",
                "volumeMounts":[{"mountPath":"/var/run/secrets/kubernetes.io/serviceaccount",
                                 "name":"kube-api-access-x7k2q","readOnly":true}]}],
              "dnsPolicy":"ClusterFirst","enableServiceLinks":true,
              "preemptionPolicy":"PreemptLowerPriority","priority":0,"restartPolicy":"Always",
              "schedulerName":"default-scheduler","securityContext":{},
              "serviceAccount":"default","serviceAccountName":"default","terminationGracePeriodSeconds":30,
              "tolerations":[
                {"effect":"NoExecute","key":"node.kubernetes.io/not-ready","operator":"Exists","tolerationSeconds":300},
                {"effect":"NoExecute","key":"node.kubernetes.io/unreachable","operator":"Exists","tolerationSeconds":300}],
              "volumes":[{"name":"kube-api-access-x7k2q","projected":{"defaultMode":420,"sources":[
                {"serviceAccountToken":{"expirationSeconds":3607,"path":"token"}},
                {"configMap":{"items":[{"key":"ca.crt","path":"ca.crt"}],"name":"kube-root-ca.crt"}},
                {"downwardAPI":{"items":[{"fieldRef":{"apiVersion":"v1","fieldPath":"metadata.namespace"},
                                          "path":"namespace"}]}}]}}]},
             "status":{"phase":"Pending","qosClass":"BestEffort"}}
            """;

    @Test
    void minimalPodBecomesWhatTheRealServerStores() {
        Pod pod = read("""
                {"apiVersion":"v1","kind":"Pod",
                 "metadata":{"name":"nginx","namespace":"default","labels":{"run":"nginx"}},
                 "spec":{"containers":[{"name":"nginx","image":"nginx"}]}}
                """, Pod.class);

        Defaults.pod(pod);
        assertThat(Defaults.podAdmission(pod)).isEmpty();
        ServiceAccountToken.mount(pod, "x7k2q", null);
        Defaults.podOnCreate(pod);

        assertThat(tree(pod)).isEqualTo(JSON.readTree(EXPECTED_NGINX));
    }

    @Test
    void defaultingIsIdempotent() {
        Pod pod = read("{\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"a:1\","
                + "\"livenessProbe\":{\"httpGet\":{\"port\":80}}}]}}", Pod.class);
        Defaults.pod(pod);
        JsonNode once = tree(pod);
        Defaults.pod(pod);
        assertThat(tree(pod)).isEqualTo(once);
    }

    @Test
    void containerProbesPortsEnvAndLifecycle() {
        Pod pod = read("""
                {"spec":{"containers":[{"name":"a","image":"registry.local:5000/app:v2",
                  "ports":[{"containerPort":80},{"containerPort":53,"protocol":"UDP"}],
                  "env":[{"name":"NODE","valueFrom":{"fieldRef":{"fieldPath":"spec.nodeName"}}}],
                  "livenessProbe":{"httpGet":{"port":8080}},
                  "readinessProbe":{"tcpSocket":{"port":80},"periodSeconds":5},
                  "startupProbe":{"grpc":{"port":9000}},
                  "lifecycle":{"preStop":{"httpGet":{"port":80,"path":"/stop"}}}}]}}
                """, Pod.class);
        Defaults.pod(pod);
        Container c = pod.getSpec().getContainers().get(0);

        assertThat(c.getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(c.getPorts()).extracting("protocol").containsExactly("TCP", "UDP");
        assertThat(c.getEnv().get(0).getValueFrom().getFieldRef().getApiVersion()).isEqualTo("v1");
        assertProbe(c.getLivenessProbe(), 1, 10, 1, 3);
        assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/");
        assertThat(c.getLivenessProbe().getHttpGet().getScheme()).isEqualTo("HTTP");
        assertProbe(c.getReadinessProbe(), 1, 5, 1, 3);
        assertThat(c.getStartupProbe().getGrpc().getService()).isEmpty();
        assertThat(c.getLifecycle().getPreStop().getHttpGet().getPath()).isEqualTo("/stop");
        assertThat(c.getLifecycle().getPreStop().getHttpGet().getScheme()).isEqualTo("HTTP");
        assertThat(c.getLivenessProbe().getInitialDelaySeconds()).isNull();
    }

    private static void assertProbe(Probe p, int timeout, int period, int success, int failure) {
        assertThat(p.getTimeoutSeconds()).isEqualTo(timeout);
        assertThat(p.getPeriodSeconds()).isEqualTo(period);
        assertThat(p.getSuccessThreshold()).isEqualTo(success);
        assertThat(p.getFailureThreshold()).isEqualTo(failure);
    }

    @Test
    void resourcesRequestsDefaultFromLimitsAndAreCanonical() {
        Pod pod = read("""
                {"spec":{"containers":[{"name":"a","image":"a",
                  "resources":{"limits":{"cpu":"0.5","memory":"1024Mi"},"requests":{"cpu":"100n"}}}],
                 "initContainers":[{"name":"i","image":"i","resources":{"limits":{"cpu":"1000m"}}}]}}
                """, Pod.class);
        Defaults.pod(pod);
        var main = pod.getSpec().getContainers().get(0).getResources();
        assertThat(main.getLimits()).containsEntry("cpu", new Quantity("500m"));
        assertThat(main.getLimits().get("memory").toString()).isEqualTo("1Gi");
        assertThat(main.getRequests().get("cpu").toString()).isEqualTo("1m");
        assertThat(main.getRequests().get("memory").toString()).isEqualTo("1Gi");
        var init = pod.getSpec().getInitContainers().get(0).getResources();
        assertThat(init.getRequests().get("cpu").toString()).isEqualTo("1");
    }

    @Test
    void templateGetsSpecDefaultsButNotPodOnlyDefaults() {
        PodTemplateSpec t = read("""
                {"metadata":{"labels":{"app":"web"}},
                 "spec":{"containers":[{"name":"a","image":"nginx:1.27","resources":{"limits":{"cpu":"1"}}}]}}
                """, PodTemplateSpec.class);
        Defaults.podTemplateSpec(t);
        assertThat(t.getSpec().getRestartPolicy()).isEqualTo("Always");
        assertThat(t.getSpec().getDnsPolicy()).isEqualTo("ClusterFirst");
        assertThat(t.getSpec().getSchedulerName()).isEqualTo("default-scheduler");
        assertThat(t.getSpec().getTerminationGracePeriodSeconds()).isEqualTo(30L);
        assertThat(t.getSpec().getSecurityContext()).isNotNull();
        assertThat(t.getSpec().getEnableServiceLinks()).isNull();
        assertThat(t.getSpec().getContainers().get(0).getResources().getRequests()).isEmpty();
        assertThat(t.getSpec().getContainers().get(0).getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(t.getSpec().getTolerations()).isEmpty();
        assertThat(t.getSpec().getServiceAccountName()).isNull();
    }

    @Test
    void volumesGetSourceSpecificDefaults() {
        Pod pod = read("""
                {"spec":{"containers":[{"name":"a","image":"a"}],"volumes":[
                  {"name":"none"},
                  {"name":"s","secret":{"secretName":"x"}},
                  {"name":"c","configMap":{"name":"x","defaultMode":384}},
                  {"name":"d","downwardAPI":{"items":[{"path":"l","fieldRef":{"fieldPath":"metadata.labels"}}]}},
                  {"name":"h","hostPath":{"path":"/data"}},
                  {"name":"p","projected":{"sources":[{"serviceAccountToken":{"path":"t"}}]}},
                  {"name":"e","ephemeral":{"volumeClaimTemplate":{"spec":{"accessModes":["ReadWriteOnce"],
                      "resources":{"requests":{"storage":"1024Mi"}}}}}}]}}
                """, Pod.class);
        Defaults.pod(pod);
        Map<String, Volume> v = new java.util.HashMap<>();
        pod.getSpec().getVolumes().forEach(x -> v.put(x.getName(), x));
        assertThat(v.get("none").getEmptyDir()).isNotNull();
        assertThat(v.get("s").getSecret().getDefaultMode()).isEqualTo(420);
        assertThat(v.get("c").getConfigMap().getDefaultMode()).isEqualTo(384);
        assertThat(v.get("d").getDownwardAPI().getDefaultMode()).isEqualTo(420);
        assertThat(v.get("d").getDownwardAPI().getItems().get(0).getFieldRef().getApiVersion()).isEqualTo("v1");
        assertThat(v.get("h").getHostPath().getType()).isEmpty();
        assertThat(v.get("p").getProjected().getDefaultMode()).isEqualTo(420);
        assertThat(v.get("p").getProjected().getSources().get(0).getServiceAccountToken().getExpirationSeconds())
                .isEqualTo(3600L);
        var claim = v.get("e").getEphemeral().getVolumeClaimTemplate().getSpec();
        assertThat(claim.getVolumeMode()).isEqualTo("Filesystem");
        assertThat(claim.getResources().getRequests().get("storage").toString()).isEqualTo("1Gi");
    }

    @Test
    void hostNetworkDefaultsHostPortsAndServiceAccountAliasIsMirrored() {
        Pod pod = read("""
                {"spec":{"hostNetwork":true,"serviceAccount":"legacy",
                 "containers":[{"name":"a","image":"a","ports":[{"containerPort":8080},
                                                                 {"containerPort":9090,"hostPort":19090}]}]}}
                """, Pod.class);
        Defaults.pod(pod);
        assertThat(pod.getSpec().getContainers().get(0).getPorts()).extracting("hostPort")
                .containsExactly(8080, 19090);
        assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("legacy");
        assertThat(pod.getSpec().getServiceAccount()).isEqualTo("legacy");
    }

    @Test
    void ephemeralContainersGetContainerDefaults() {
        Pod pod = read("{\"spec\":{\"ephemeralContainers\":[{\"name\":\"dbg\",\"image\":\"busybox\"}]}}",
                Pod.class);
        Defaults.pod(pod);
        var e = pod.getSpec().getEphemeralContainers().get(0);
        assertThat(e.getImagePullPolicy()).isEqualTo("Always");
        assertThat(e.getTerminationMessagePath()).isEqualTo("/dev/termination-log");
        assertThat(e.getTerminationMessagePolicy()).isEqualTo("File");
    }

    @Test
    void nullsAreTolerated() {
        Defaults.pod(null);
        Defaults.podTemplateSpec(null);
        Defaults.podOnCreate(null);
        Pod empty = new Pod();
        Defaults.pod(empty);
        Defaults.podOnCreate(empty);
        assertThat(empty.getSpec().getRestartPolicy()).isEqualTo("Always");
        assertThat(empty.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(empty.getStatus().getQosClass()).isEqualTo("BestEffort");
        Pod withNullLists = read("{\"spec\":{\"containers\":[null,{\"name\":\"a\",\"ports\":null,"
                + "\"env\":[null]}],\"volumes\":[null]}}", Pod.class);
        Defaults.pod(withNullLists);
        assertThat(withNullLists.getSpec().getContainers().get(1).getImagePullPolicy()).isEqualTo("IfNotPresent");
    }

    @Test
    void statusOnCreateReplacesClientStatusAndMarksSchedulingGates() {
        Pod pod = read("""
                {"spec":{"schedulingGates":[{"name":"example.com/gate"}],
                  "containers":[{"name":"a","image":"a","resources":{"limits":{"cpu":"1","memory":"1Gi"}}}]},
                 "status":{"phase":"Running","podIP":"10.0.0.1"}}
                """, Pod.class);
        Defaults.pod(pod);
        Defaults.podOnCreate(pod);
        assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(pod.getStatus().getPodIP()).isNull();
        assertThat(pod.getStatus().getQosClass()).isEqualTo("Guaranteed");
        assertThat(pod.getStatus().getConditions()).singleElement().satisfies(c -> {
            assertThat(c.getType()).isEqualTo("PodScheduled");
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("SchedulingGated");
            assertThat(c.getMessage()).isEqualTo("Scheduling is blocked due to non-empty scheduling gates");
        });
    }

    @Test
    void onCreateMergesMatchLabelKeysIntoSelectors() {
        Pod pod = read("""
                {"metadata":{"labels":{"app":"web","pod-template-hash":"5d8f9b7c6d"}},
                 "spec":{"affinity":{"podAntiAffinity":{
                   "requiredDuringSchedulingIgnoredDuringExecution":[{"topologyKey":"kubernetes.io/hostname",
                     "labelSelector":{"matchLabels":{"app":"web"}},
                     "matchLabelKeys":["pod-template-hash","missing"],"mismatchLabelKeys":["app"]}],
                   "preferredDuringSchedulingIgnoredDuringExecution":[{"weight":1,"podAffinityTerm":{
                     "topologyKey":"zone","matchLabelKeys":["app"]}}]}},
                  "topologySpreadConstraints":[{"maxSkew":1,"topologyKey":"zone","whenUnsatisfiable":"DoNotSchedule",
                     "labelSelector":{"matchLabels":{"app":"web"}},"matchLabelKeys":["pod-template-hash"]}]}}
                """, Pod.class);
        Defaults.podOnCreate(pod);
        var anti = pod.getSpec().getAffinity().getPodAntiAffinity();
        assertThat(PodDefaultsTest.tree(anti.getRequiredDuringSchedulingIgnoredDuringExecution().get(0)
                .getLabelSelector().getMatchExpressions()).toString()).isEqualTo(
                "[{\"key\":\"pod-template-hash\",\"operator\":\"In\",\"values\":[\"5d8f9b7c6d\"]},"
                        + "{\"key\":\"app\",\"operator\":\"NotIn\",\"values\":[\"web\"]}]");
        assertThat(anti.getPreferredDuringSchedulingIgnoredDuringExecution().get(0).getPodAffinityTerm()
                .getLabelSelector()).isNull();
        assertThat(pod.getSpec().getTopologySpreadConstraints().get(0).getLabelSelector().getMatchExpressions())
                .singleElement().satisfies(r -> assertThat(r.getValues()).containsExactly("5d8f9b7c6d"));
        assertThat(pod.getMetadata().getGeneration()).isEqualTo(1L);
    }
}
