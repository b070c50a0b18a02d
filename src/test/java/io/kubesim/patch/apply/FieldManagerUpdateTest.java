package io.kubesim.patch.apply;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;

import static io.kubesim.patch.apply.Json.entry;
import static io.kubesim.patch.apply.Json.fieldsV1;
import static io.kubesim.patch.apply.Json.json;
import static io.kubesim.patch.apply.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

class FieldManagerUpdateTest {

    private static final Instant T1 = Instant.parse("2024-05-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2024-05-01T11:00:00.750Z");
    private static final Instant T3 = Instant.parse("2024-05-01T12:00:00Z");

    private final FieldManager fm = new FieldManager();

    private static ObjectNode configMap(String labels, String data) {
        ObjectNode cm = obj("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','namespace':'default',"
                + "'uid':'u1','resourceVersion':'1','creationTimestamp':'2024-05-01T10:00:00Z','labels':" + labels
                + "},'data':" + data + "}");
        if (cm.path("metadata").path("labels").isEmpty()) {
            ((ObjectNode) cm.get("metadata")).remove("labels");
        }
        if (cm.path("data").isEmpty()) {
            cm.remove("data");
        }
        return cm;
    }

    private static ObjectNode deployment() {
        return obj("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','namespace':'default',"
                + "'labels':{'app':'web'}},'spec':{'replicas':1,'selector':{'matchLabels':{'app':'web'}},"
                + "'template':{'metadata':{'labels':{'app':'web'}},'spec':{'containers':[{'name':'nginx',"
                + "'image':'nginx'}]}}}}");
    }

    private static ObjectNode withRv(JsonNode object, String rv) {
        ObjectNode copy = Json.copy(object);
        ((ObjectNode) copy.get("metadata")).put("resourceVersion", rv);
        return copy;
    }

    @Test
    void createRecordsEveryFieldTheWayTheTypedObjectDiffs() {
        JsonNode created = fm.update(null, deployment(), "kubectl-create", "apps/v1", "", T1);
        JsonNode e = entry(created, "kubectl-create", "Update");
        assertThat(e.toString()).isEqualTo("{\"manager\":\"kubectl-create\",\"operation\":\"Update\","
                + "\"apiVersion\":\"apps/v1\",\"time\":\"2024-05-01T10:00:00Z\",\"fieldsType\":\"FieldsV1\","
                + "\"fieldsV1\":{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:app\":{}}},\"f:spec\":{\"f:replicas\":{},"
                + "\"f:selector\":{},\"f:template\":{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:app\":{}}},"
                + "\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"nginx\\\"}\":{\".\":{},\"f:image\":{},"
                + "\"f:name\":{},\"f:resources\":{}}}}}}}}");
        assertThat(created.path("spec")).isEqualTo(deployment().path("spec"));
    }

    @Test
    void serverSetMetadataIsNeverOwned() {
        ObjectNode cm = configMap("{}", "{'a':'1'}");
        ((ObjectNode) cm.get("metadata")).put("generation", 3).put("selfLink", "/x");
        JsonNode created = fm.update(null, cm, "m", "v1", null, T1);
        assertThat(fieldsV1(created, "m", "Update")).isEqualTo("{\"f:data\":{\".\":{},\"f:a\":{}}}");
    }

    @Test
    void changedFieldsMoveToTheWriterAndEmptyEntriesDisappear() {
        JsonNode v1 = fm.update(null, configMap("{'a':'1'}", "{'x':'1'}"), "m1", "v1", "", T1);
        JsonNode v2 = fm.update(v1, withRv(configMap("{'a':'2'}", "{'x':'1'}"), "2"), "m2", "v1", "", T2);
        // m1 keeps the labels map itself (created by it), as upstream does
        assertThat(fieldsV1(v2, "m1", "Update"))
                .isEqualTo("{\"f:data\":{\".\":{},\"f:x\":{}},\"f:metadata\":{\"f:labels\":{}}}");
        assertThat(fieldsV1(v2, "m2", "Update")).isEqualTo("{\"f:metadata\":{\"f:labels\":{\"f:a\":{}}}}");
        assertThat(entry(v2, "m2", "Update").get("time").asString()).isEqualTo("2024-05-01T11:00:00Z");
        JsonNode v3 = fm.update(v2, withRv(configMap("{'a':'2'}", "{'x':'3'}"), "3"), "m2", "v1", "", T3);
        assertThat(fieldsV1(v3, "m1", "Update")).isEqualTo("{\"f:data\":{},\"f:metadata\":{\"f:labels\":{}}}");
        JsonNode v4 = fm.update(v3, withRv(configMap("{}", "{}"), "4"), "m3", "v1", "", T3);
        assertThat(entry(v4, "m1", "Update")).as("all its fields removed").isNull();
        assertThat(entry(v4, "m2", "Update")).isNull();
        assertThat(entry(v4, "m3", "Update")).isNull();
        assertThat(v4.path("metadata").has("managedFields")).isFalse();
        assertThat(fieldsV1(v3, "m2", "Update"))
                .isEqualTo("{\"f:data\":{\"f:x\":{}},\"f:metadata\":{\"f:labels\":{\"f:a\":{}}}}");
    }

    @Test
    void removedFieldsLeaveEveryOwnerWithoutMovingTheRemoversTime() {
        JsonNode v1 = fm.update(null, configMap("{'a':'1','b':'1'}", "{}"), "m1", "v1", "", T1);
        JsonNode v2 = fm.update(v1, configMap("{'a':'1'}", "{}"), "m2", "v1", "", T2);
        assertThat(fieldsV1(v2, "m1", "Update")).isEqualTo("{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:a\":{}}}}");
        assertThat(entry(v2, "m2", "Update")).isNull();
    }

    @Test
    void noOpWritesKeepManagedFieldsAndTheirTimes() {
        JsonNode v1 = fm.update(null, configMap("{'a':'1'}", "{'x':'1'}"), "m1", "v1", "", T1);
        JsonNode same = fm.update(v1, withRv(v1, "7"), "m1", "v1", "", T3);
        assertThat(same.path("metadata").path("managedFields")).isEqualTo(v1.path("metadata").path("managedFields"));
        JsonNode other = fm.update(v1, withRv(v1, "8"), "someone-else", "v1", "", T3);
        assertThat(other.path("metadata").path("managedFields")).isEqualTo(v1.path("metadata").path("managedFields"));
    }

    @Test
    void entriesMergePerManagerOperationVersionAndSubresourceAndTimeMovesOnlyOnChange() {
        JsonNode v1 = fm.update(null, configMap("{'a':'1'}", "{}"), "m", "v1", "", T1);
        JsonNode v2 = fm.update(v1, configMap("{'a':'1','b':'1'}", "{}"), "m", "v1", "", T2);
        assertThat(v2.path("metadata").path("managedFields")).hasSize(1);
        assertThat(fieldsV1(v2, "m", "Update"))
                .isEqualTo("{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:a\":{},\"f:b\":{}}}}");
        assertThat(entry(v2, "m", "Update").get("time").asString()).isEqualTo("2024-05-01T11:00:00Z");
        JsonNode v3 = fm.update(v2, configMap("{'a':'1','b':'2'}", "{}"), "m", "v1beta1", "", T3);
        assertThat(v3.path("metadata").path("managedFields")).hasSize(2);
    }

    @Test
    void mainResourceWritesNeverOwnStatusAndStatusWritesNeverOwnSpec() {
        ObjectNode pod = obj("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','uid':'u'},"
                + "'spec':{'containers':[{'name':'c','image':'i'}]},'status':{'phase':'Pending'}}");
        JsonNode created = fm.update(null, pod, "kubectl", "v1", "", T1);
        assertThat(fieldsV1(created, "kubectl", "Update")).doesNotContain("status");
        ObjectNode running = Json.copy(created);
        ((ObjectNode) running.get("status")).put("phase", "Running").putArray("conditions").addObject()
                .put("type", "Ready").put("status", "True");
        ((ObjectNode) running.get("spec")).put("nodeName", "n1");
        JsonNode afterKubelet = fm.update(created, running, "kubelet", "v1", "status", T2);
        JsonNode e = entry(afterKubelet, "kubelet", "Update", "status");
        assertThat(e.toString()).isEqualTo("{\"manager\":\"kubelet\",\"operation\":\"Update\",\"apiVersion\":\"v1\","
                + "\"time\":\"2024-05-01T11:00:00Z\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:status\":"
                + "{\"f:conditions\":{\".\":{},\"k:{\\\"type\\\":\\\"Ready\\\"}\":{\".\":{},\"f:status\":{},"
                + "\"f:type\":{}}},\"f:phase\":{}}},\"subresource\":\"status\"}");
    }

    @Test
    void scaleWritesOwnOnlyTheParentsReplicas() {
        JsonNode created = fm.update(null, deployment(), "kubectl-create", "apps/v1", "", T1);
        ObjectNode scaled = Json.copy(created);
        ((ObjectNode) scaled.get("spec")).put("replicas", 5);
        ((ObjectNode) scaled.get("metadata")).put("generation", 2);
        JsonNode after = fm.update(created, scaled, "kubectl", "apps/v1", "scale", T2);
        assertThat(entry(after, "kubectl", "Update", "scale").get("fieldsV1").toString())
                .isEqualTo("{\"f:spec\":{\"f:replicas\":{}}}");
        assertThat(fieldsV1(after, "kubectl-create", "Update")).doesNotContain("f:replicas");
    }

    @Test
    void requestManagedFieldsAreHonouredAndAnEmptyListClearsThem() {
        JsonNode v1 = fm.update(null, configMap("{'a':'1'}", "{}"), "m1", "v1", "", T1);
        ObjectNode cleared = Json.copy(v1);
        ((ObjectNode) cleared.get("metadata")).putArray("managedFields").addObject();
        JsonNode v2 = fm.update(v1, cleared, "m2", "v1", "", T2);
        assertThat(v2.path("metadata").has("managedFields")).isFalse();
        JsonNode v3 = fm.update(v2, configMap("{'a':'9'}", "{}"), "m3", "v1", "", T3);
        assertThat(v3.path("metadata").has("managedFields")).as("untracked until the first apply").isFalse();

        ObjectNode edited = Json.copy(v1);
        ((ObjectNode) edited.path("metadata").path("managedFields").get(0)).put("manager", "renamed");
        JsonNode v4 = fm.update(v1, edited, "m1", "v1", "", T2);
        assertThat(entry(v4, "renamed", "Update")).isNotNull();
        ObjectNode garbage = Json.copy(v1);
        ((ObjectNode) garbage.path("metadata").path("managedFields").get(0)).put("operation", "Bogus");
        assertThat(fm.update(v1, garbage, "m1", "v1", "", T2).path("metadata").path("managedFields"))
                .isEqualTo(v1.path("metadata").path("managedFields"));
    }

    @Test
    void atMostTenUpdateManagersTheOldestMergedIntoAncientChanges() {
        JsonNode obj = fm.update(null, configMap("{}", "{'k0':'v'}"), "m0", "v1", "", T1);
        for (int i = 1; i <= 11; i++) {
            ObjectNode next = Json.copy(obj);
            ((ObjectNode) next.get("data")).put("k" + i, "v");
            obj = fm.update(obj, next, "m" + i, "v1", "", T1.plusSeconds(i));
        }
        JsonNode mf = obj.path("metadata").path("managedFields");
        assertThat(mf).hasSize(10);
        JsonNode bucket = entry(obj, "ancient-changes", "Update");
        assertThat(bucket.get("fieldsV1").toString())
                .isEqualTo("{\"f:data\":{\".\":{},\"f:k0\":{},\"f:k1\":{},\"f:k2\":{}}}");
        assertThat(bucket.get("time").asString()).isEqualTo("2024-05-01T10:00:02Z");
        assertThat(mf.get(0).get("manager").asString()).isEqualTo("ancient-changes");
    }

    @Test
    void managedFieldsAreSortedByOperationTimeAndManager() {
        JsonNode obj = fm.update(null, configMap("{}", "{'a':'1'}"), "zeta", "v1", "", T2);
        ObjectNode next = Json.copy(obj);
        ((ObjectNode) next.get("data")).put("b", "1");
        obj = fm.update(obj, next, "alpha", "v1", "", T2);
        ApplyResult applied = fm.apply(obj, json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},"
                + "'data':{'c':'1'}}"), "omega", "v1", "", false, T3);
        assertThat(applied.managedFields()).extracting(e -> e.get("manager").asString())
                .containsExactly("omega", "alpha", "zeta");
    }

    @Test
    void defaultManagerIsTheUserAgentPrefix() {
        assertThat(FieldManager.defaultManager("kubectl/v1.32.0 (linux/amd64) kubernetes/abc")).isEqualTo("kubectl");
        assertThat(FieldManager.defaultManager("kube-controller-manager/v1.32.0")).isEqualTo("kube-controller-manager");
        assertThat(FieldManager.defaultManager("curl")).isEqualTo("curl");
        assertThat(FieldManager.defaultManager("a\tb/c")).isEqualTo("ab");
        assertThat(FieldManager.defaultManager("x".repeat(200))).hasSize(128);
        assertThat(FieldManager.defaultManager(null)).isEmpty();
        JsonNode created = fm.update(null, configMap("{}", "{'a':'1'}"), "", "v1", "", T1);
        assertThat(entry(created, "unknown", "Update")).isNotNull();
    }

    @Test
    void statusWriteOwnsOnlyWhatChangedAndLeavesInputsAlone() {
        ObjectNode pod = obj("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','namespace':'default','uid':'u1',"
                + "'labels':{'app':'web'}},'spec':{'containers':[{'name':'c','image':'nginx'}]},"
                + "'status':{'phase':'Pending'}}");
        JsonNode created = fm.update(null, pod, "creator", "v1", "", T1);
        ObjectNode running = withRv(created, "2");
        ((ObjectNode) running.get("status")).put("phase", "Running").put("podIP", "10.0.0.1");
        ObjectNode before = Json.copy(running);
        ObjectNode createdBefore = Json.copy(created);

        JsonNode mf = fm.managedFieldsAfterUpdate(created, running, "kubelet", "v1", "status", T2);
        JsonNode full = fm.update(created, running, "kubelet", "v1", "status", T2);

        assertThat(mf).isEqualTo(full.path("metadata").get("managedFields"));
        assertThat(fieldsV1(full, "kubelet", "Update")).isEqualTo("{\"f:status\":{\"f:phase\":{},\"f:podIP\":{}}}");
        assertThat(fieldsV1(full, "creator", "Update")).isEqualTo(fieldsV1(created, "creator", "Update"));
        assertThat(running).isEqualTo(before);
        assertThat(created).isEqualTo(createdBefore);
    }

    @Test
    void aRemovedTopLevelFieldLeavesItsOwnersWhileEqualOnesStay() {
        JsonNode v1 = fm.update(null, configMap("{'a':'1'}", "{'x':'1'}"), "m1", "v1", "", T1);
        ObjectNode v2 = withRv(configMap("{'a':'2'}", "{}"), "2");
        JsonNode mf = fm.managedFieldsAfterUpdate(v1, v2, "m2", "v1", "", T2);
        ObjectNode stored = Json.copy(v2);
        ((ObjectNode) stored.get("metadata")).set("managedFields", mf);
        assertThat(fieldsV1(stored, "m1", "Update")).isEqualTo("{\"f:metadata\":{\"f:labels\":{}}}");
        assertThat(fieldsV1(stored, "m2", "Update")).isEqualTo("{\"f:metadata\":{\"f:labels\":{\"f:a\":{}}}}");
    }
}
