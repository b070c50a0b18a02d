package io.kubesim.patch.apply;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;

import static io.kubesim.patch.apply.Json.copy;
import static io.kubesim.patch.apply.Json.entry;
import static io.kubesim.patch.apply.Json.fieldsV1;
import static io.kubesim.patch.apply.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FieldManagerApplyTest {

    private static final Instant T1 = Instant.parse("2024-05-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2024-05-01T11:00:00Z");
    private static final Instant T3 = Instant.parse("2024-05-01T12:00:00Z");
    private static final Instant T4 = Instant.parse("2024-05-01T13:00:00Z");

    private final FieldManager fm = new FieldManager();

    /** What {@code kubectl apply --server-side} sends for a two-replica nginx Deployment. */
    private static JsonNode deployment(int replicas, String image) {
        return json("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','namespace':'default'},"
                + "'spec':{'replicas':" + replicas + ",'selector':{'matchLabels':{'app':'web'}},'template':{"
                + "'metadata':{'labels':{'app':'web'}},'spec':{'containers':[{'name':'nginx','image':'" + image
                + "','ports':[{'containerPort':80}]}]}}}}");
    }

    private static JsonNode cm(String manager, String labels) {
        return json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','labels':" + labels + "}}");
    }

    /** What the store would hand back: the object with server fields set. */
    private static ObjectNode stored(ApplyResult r, String rv) {
        ObjectNode o = copy(r.object());
        ((ObjectNode) o.get("metadata")).put("uid", "u-1").put("resourceVersion", rv)
                .put("creationTimestamp", "2024-05-01T10:00:00Z");
        return o;
    }

    @Test
    void applyCreatesTheObjectWithOneApplyEntry() {
        ApplyResult r = fm.apply(null, deployment(2, "nginx:1.25"), "kubectl", "apps/v1", "", false, T1);
        assertThat(r.changed()).isTrue();
        assertThat(r.object().path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(r.managedFields()).hasSize(1);
        assertThat(r.managedFields().get(0).toString()).isEqualTo("{\"manager\":\"kubectl\",\"operation\":\"Apply\","
                + "\"apiVersion\":\"apps/v1\",\"time\":\"2024-05-01T10:00:00Z\",\"fieldsType\":\"FieldsV1\","
                + "\"fieldsV1\":{\"f:spec\":{\"f:replicas\":{},\"f:selector\":{},\"f:template\":{\"f:metadata\":"
                + "{\"f:labels\":{\"f:app\":{}}},\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"nginx\\\"}\":"
                + "{\".\":{},\"f:image\":{},\"f:name\":{},\"f:ports\":{\"k:{\\\"containerPort\\\":80,"
                + "\\\"protocol\\\":\\\"TCP\\\"}\":{\".\":{},\"f:containerPort\":{}}}}}}}}}}");
    }

    @Test
    void kubectlApplyThenScaleThenReapplyWithOtherReplicasConflicts() {
        ObjectNode live = stored(fm.apply(null, deployment(2, "nginx:1.25"), "kubectl", "apps/v1", "", false, T1), "1");
        ObjectNode scaled = copy(live);
        ((ObjectNode) scaled.get("spec")).put("replicas", 5);
        JsonNode afterScale = fm.update(live, scaled, "kubectl", "apps/v1", "scale", T2);
        assertThat(fieldsV1(afterScale, "kubectl", "Apply")).doesNotContain("f:replicas");

        ApplyConflictException e = catchThrowableOfType(ApplyConflictException.class, () -> fm.apply(afterScale,
                deployment(3, "nginx:1.25"), "kubectl", "apps/v1", "", false, T3));
        assertThat(e.getMessage()).isEqualTo("Apply failed with 1 conflict: conflict with \"kubectl\" with "
                + "subresource \"scale\" using apps/v1: .spec.replicas");
        assertThat(e.conflicts()).containsExactly(new Conflict("kubectl", "Update", "apps/v1", "scale",
                ".spec.replicas"));
        assertThat(e.causes().toString()).isEqualTo("[{\"reason\":\"FieldManagerConflict\",\"message\":"
                + "\"conflict with \\\"kubectl\\\" with subresource \\\"scale\\\" using apps/v1\",\"field\":"
                + "\".spec.replicas\"}]");

        ApplyResult sameReplicas = fm.apply(afterScale, deployment(5, "nginx:1.26"), "kubectl", "apps/v1", "",
                false, T3);
        assertThat(sameReplicas.object().path("spec").path("template").path("spec").path("containers").get(0)
                .path("image").asString()).isEqualTo("nginx:1.26");
        assertThat(fieldsV1(sameReplicas.object(), "kubectl", "Apply")).contains("f:replicas");
        assertThat(entry(sameReplicas.object(), "kubectl", "Update", "scale")).as("shared now").isNotNull();
    }

    @Test
    void conflictWithAnUpdateManagerNamesItsApiVersion() {
        ObjectNode live = stored(fm.apply(null, deployment(2, "nginx"), "kubectl", "apps/v1", "", false, T1), "1");
        ObjectNode edited = copy(live);
        ((ObjectNode) edited.get("spec")).put("replicas", 4);
        JsonNode afterEdit = fm.update(live, edited, "kubectl-edit", "apps/v1", "", T2);
        assertThatThrownBy(() -> fm.apply(afterEdit, deployment(3, "nginx"), "kubectl", "apps/v1", "", false, T3))
                .isInstanceOf(ApplyConflictException.class)
                .hasMessage("Apply failed with 1 conflict: conflict with \"kubectl-edit\" using apps/v1: "
                        + ".spec.replicas");
    }

    @Test
    void conflictWithAnApplyManagerNamesOnlyTheManager() {
        ObjectNode live = stored(fm.apply(null, deployment(2, "nginx"), "kubectl", "apps/v1", "", false, T1), "1");
        JsonNode other = json("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},"
                + "'spec':{'replicas':7}}");
        ApplyConflictException e = catchThrowableOfType(ApplyConflictException.class,
                () -> fm.apply(live, other, "hpa", "apps/v1", "", false, T2));
        assertThat(e.getMessage()).isEqualTo("Apply failed with 1 conflict: conflict with \"kubectl\": .spec.replicas");
        assertThat(e.conflicts().get(0).causeMessage()).isEqualTo("conflict with \"kubectl\"");
        assertThat(e.toStatus().toString()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
                + "\"status\":\"Failure\",\"message\":\"Apply failed with 1 conflict: conflict with \\\"kubectl\\\": "
                + ".spec.replicas\",\"reason\":\"Conflict\",\"details\":{\"causes\":[{\"reason\":"
                + "\"FieldManagerConflict\",\"message\":\"conflict with \\\"kubectl\\\"\",\"field\":"
                + "\".spec.replicas\"}]},\"code\":409}");
    }

    @Test
    void severalConflictsAreGroupedPerManagerInIdentifierOrder() {
        JsonNode a = json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','labels':{'x':'1'}},"
                + "'data':{'a':'1','b':'1'}}");
        ObjectNode live = stored(fm.apply(null, a, "m2", "v1", "", false, T1), "1");
        ObjectNode edited = copy(live);
        ((ObjectNode) edited.get("metadata").get("labels")).put("y", "1");
        JsonNode afterEdit = fm.update(live, edited, "m1", "v1", "", T2);
        JsonNode mine = json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','labels':{'x':'2',"
                + "'y':'2'}},'data':{'a':'2','b':'2'}}");
        ApplyConflictException e = catchThrowableOfType(ApplyConflictException.class,
                () -> fm.apply(afterEdit, mine, "m3", "v1", "", false, T3));
        assertThat(e.getMessage()).isEqualTo("Apply failed with 4 conflicts: conflicts with \"m1\" using v1:\n"
                + "- .metadata.labels.y\nconflicts with \"m2\":\n- .data.a\n- .data.b\n- .metadata.labels.x");
        assertThat(e.conflicts()).extracting(Conflict::path)
                .containsExactly(".metadata.labels.y", ".data.a", ".data.b", ".metadata.labels.x");
    }

    @Test
    void forceTakesOwnershipInstead() {
        JsonNode a = json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},'data':{'a':'1','b':'1'}}");
        ObjectNode live = stored(fm.apply(null, a, "m1", "v1", "", false, T1), "1");
        JsonNode mine = json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},'data':{'a':'2'}}");
        ApplyResult r = fm.apply(live, mine, "m2", "v1", "", true, T2);
        assertThat(r.object().path("data").toString()).isEqualTo("{\"a\":\"2\",\"b\":\"1\"}");
        assertThat(fieldsV1(r.object(), "m1", "Apply")).isEqualTo("{\"f:data\":{\"f:b\":{}}}");
        assertThat(fieldsV1(r.object(), "m2", "Apply")).isEqualTo("{\"f:data\":{\"f:a\":{}}}");
        ApplyResult all = fm.apply(stored(r, "2"), json("{'apiVersion':'v1','kind':'ConfigMap','metadata':"
                + "{'name':'c'},'data':{'a':'3','b':'3'}}"), "m2", "v1", "", true, T3);
        assertThat(entry(all.object(), "m1", "Apply")).as("lost everything").isNull();
    }

    @Test
    void reapplyRemovesWhatTheApplierStoppedSending() {
        ObjectNode live = stored(fm.apply(null, deployment(2, "nginx"), "kubectl", "apps/v1", "", false, T1), "1");
        JsonNode smaller = json("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},"
                + "'spec':{'selector':{'matchLabels':{'app':'web'}},'template':{'metadata':{'labels':{'app':'web'}},"
                + "'spec':{'containers':[{'name':'nginx','image':'nginx'}]}}}}");
        ApplyResult r = fm.apply(live, smaller, "kubectl", "apps/v1", "", false, T2);
        assertThat(r.object().path("spec").has("replicas")).isFalse();
        assertThat(r.object().path("spec").path("template").path("spec").path("containers").get(0).has("ports"))
                .isFalse();
        assertThat(r.object().path("metadata").path("uid").asString()).isEqualTo("u-1");
        assertThat(fieldsV1(r.object(), "kubectl", "Apply")).doesNotContain("replicas").doesNotContain("ports");
    }

    @Test
    void aFieldTwoAppliersShareSurvivesWhenOneStopsSendingIt() {
        ObjectNode live = stored(fm.apply(null, cm("a", "{'a':'1','shared':'x'}"), "a", "v1", "", false, T1), "1");
        ApplyResult b = fm.apply(live, cm("b", "{'shared':'x'}"), "b", "v1", "", false, T2);
        assertThat(fieldsV1(b.object(), "b", "Apply")).isEqualTo("{\"f:metadata\":{\"f:labels\":{\"f:shared\":{}}}}");
        ApplyResult again = fm.apply(stored(b, "2"), cm("a", "{'a':'1'}"), "a", "v1", "", false, T3);
        assertThat(again.object().path("metadata").path("labels").toString())
                .isEqualTo("{\"a\":\"1\",\"shared\":\"x\"}");
        assertThat(fieldsV1(again.object(), "a", "Apply")).isEqualTo("{\"f:metadata\":{\"f:labels\":{\"f:a\":{}}}}");
        ApplyResult last = fm.apply(stored(again, "3"), cm("b", "{}"), "b", "v1", "", false, T4);
        assertThat(last.object().path("metadata").path("labels").toString()).isEqualTo("{\"a\":\"1\"}");
    }

    @Test
    void fieldsOwnedByAnUpdaterAreNotPruned() {
        ObjectNode live = stored(fm.apply(null, cm("a", "{'a':'1','b':'1'}"), "a", "v1", "", false, T1), "1");
        ObjectNode edited = copy(live);
        ((ObjectNode) edited.get("metadata").get("labels")).put("b", "2");
        JsonNode afterEdit = fm.update(live, edited, "editor", "v1", "", T2);
        ApplyResult r = fm.apply(afterEdit, cm("a", "{'a':'1'}"), "a", "v1", "", false, T3);
        assertThat(r.object().path("metadata").path("labels").toString()).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
    }

    @Test
    void applyingTheSameValueAsAnotherManagerSharesWithoutConflict() {
        ObjectNode live = stored(fm.apply(null, deployment(2, "nginx"), "kubectl", "apps/v1", "", false, T1), "1");
        JsonNode same = json("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},"
                + "'spec':{'replicas':2}}");
        ApplyResult r = fm.apply(live, same, "other", "apps/v1", "", false, T2);
        assertThat(fieldsV1(r.object(), "other", "Apply")).isEqualTo("{\"f:spec\":{\"f:replicas\":{}}}");
        assertThat(fieldsV1(r.object(), "kubectl", "Apply")).contains("f:replicas");
        assertThat(entry(r.object(), "other", "Apply").has("time")).as("object unchanged: no time").isFalse();
    }

    @Test
    void reapplyingTheSameConfigurationChangesNothing() {
        ObjectNode live = stored(fm.apply(null, deployment(2, "nginx"), "kubectl", "apps/v1", "", false, T1), "1");
        ApplyResult again = fm.apply(live, deployment(2, "nginx"), "kubectl", "apps/v1", "", false, T3);
        assertThat(again.changed()).isFalse();
        assertThat(again.object()).isEqualTo(live);
    }

    @Test
    void associativeListsMergeByKeyAndKeepOtherManagersItems() {
        ObjectNode live = stored(fm.apply(null, deployment(2, "nginx"), "kubectl", "apps/v1", "", false, T1), "1");
        JsonNode sidecar = json("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},"
                + "'spec':{'template':{'spec':{'containers':[{'name':'proxy','image':'envoy'},"
                + "{'name':'nginx','env':[{'name':'A','value':'1'}]}]}}}}");
        ApplyResult r = fm.apply(live, sidecar, "injector", "apps/v1", "", false, T2);
        JsonNode containers = r.object().path("spec").path("template").path("spec").path("containers");
        assertThat(containers.toString()).isEqualTo("[{\"name\":\"proxy\",\"image\":\"envoy\"},{\"name\":\"nginx\","
                + "\"image\":\"nginx\",\"ports\":[{\"containerPort\":80}],"
                + "\"env\":[{\"name\":\"A\",\"value\":\"1\"}]}]");
        assertThat(fieldsV1(r.object(), "injector", "Apply")).isEqualTo("{\"f:spec\":{\"f:template\":{\"f:spec\":"
                + "{\"f:containers\":{\"k:{\\\"name\\\":\\\"nginx\\\"}\":{\".\":{},\"f:env\":{\"k:{\\\"name\\\":"
                + "\\\"A\\\"}\":{\".\":{},\"f:name\":{},\"f:value\":{}}},\"f:name\":{}},"
                + "\"k:{\\\"name\\\":\\\"proxy\\\"}\":"
                + "{\".\":{},\"f:image\":{},\"f:name\":{}}}}}}}");
    }

    @Test
    void setsUnionAndAtomicListsReplace() {
        JsonNode a = json("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','finalizers':['a']},"
                + "'spec':{'containers':[{'name':'c','image':'i','args':['x','y']}],'tolerations':[{'key':'k'}]}}");
        ObjectNode live = stored(fm.apply(null, a, "m1", "v1", "", false, T1), "1");
        JsonNode b = json("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','finalizers':['b']}}");
        ApplyResult r = fm.apply(live, b, "m2", "v1", "", false, T2);
        assertThat(r.object().path("metadata").path("finalizers").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(fieldsV1(r.object(), "m2", "Apply")).isEqualTo("{\"f:metadata\":{\"f:finalizers\":"
                + "{\"v:\\\"b\\\"\":{}}}}");
        JsonNode c = json("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':{'tolerations':"
                + "[{'key':'z'}]}}");
        ApplyConflictException e = catchThrowableOfType(ApplyConflictException.class,
                () -> fm.apply(stored(r, "2"), c, "m3", "v1", "", false, T3));
        assertThat(e.getMessage()).endsWith(": .spec.tolerations");
    }

    @Test
    void statusSubresourceAppliesAndConflictsWithStatusUpdaters() {
        JsonNode pod = json("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},"
                + "'spec':{'containers':[{'name':'c','image':'i'}]}}");
        ObjectNode live = stored(fm.apply(null, pod, "kubectl", "v1", "", false, T1), "1");
        ObjectNode running = copy(live);
        running.putObject("status").put("phase", "Running");
        JsonNode afterKubelet = fm.update(live, running, "kubelet", "v1", "status", T2);
        JsonNode mine = json("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'status':{'phase':'Failed'}}");
        assertThatThrownBy(() -> fm.apply(afterKubelet, mine, "ctrl", "v1", "status", false, T3))
                .hasMessage("Apply failed with 1 conflict: conflict with \"kubelet\" with subresource \"status\" "
                        + "using v1: .status.phase");
        ApplyResult forced = fm.apply(afterKubelet, mine, "ctrl", "v1", "status", true, T3);
        assertThat(entry(forced.object(), "ctrl", "Apply", "status").get("fieldsV1").toString())
                .isEqualTo("{\"f:status\":{\"f:phase\":{}}}");
        JsonNode mainWithStatus = json("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','labels':{'x':'1'}},"
                + "'status':{'phase':'Unknown'}}");
        ApplyResult main = fm.apply(afterKubelet, mainWithStatus, "kubectl", "v1", "", false, T3);
        assertThat(fieldsV1(main.object(), "kubectl", "Apply")).doesNotContain("status");
    }

    @Test
    void firstApplyToAnUntrackedObjectCreditsBeforeFirstApply() {
        JsonNode untracked = json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','uid':'u'},"
                + "'data':{'old':'1'}}");
        ApplyResult r = fm.apply(untracked, json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},"
                + "'data':{'new':'1'}}"), "m", "v1", "", false, T2);
        assertThat(fieldsV1(r.object(), "before-first-apply", "Update")).isEqualTo("{\"f:data\":{\".\":{},"
                + "\"f:old\":{}}}");
        assertThat(fieldsV1(r.object(), "m", "Apply")).isEqualTo("{\"f:data\":{\"f:new\":{}}}");
    }
}
