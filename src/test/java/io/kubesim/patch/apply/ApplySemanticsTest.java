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
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ApplySemanticsTest {

    private static final Instant T1 = Instant.parse("2024-05-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2024-05-01T11:00:00Z");
    private static final Instant T3 = Instant.parse("2024-05-01T12:00:00Z");
    private static final String LAST = "kubectl.kubernetes.io/last-applied-configuration";

    private final FieldManager fm = new FieldManager();

    private static ObjectNode withUid(JsonNode o) {
        ObjectNode c = copy(o);
        ((ObjectNode) c.get("metadata")).put("uid", "u-1");
        return c;
    }

    @Test
    void sharedListItemsFollowTheConfigurationOrderAndLiveOnlyItemsKeepTheirPlace() {
        JsonNode live = json("{'metadata':{'finalizers':['a','b','c']}}");
        JsonNode merged = Merge.of(live, json("{'metadata':{'finalizers':['c','d','a']}}"),
                ApplySchema.forKind("v1", "Pod"));
        assertThat(merged.path("metadata").path("finalizers").toString()).isEqualTo("[\"b\",\"c\",\"d\",\"a\"]");
    }

    @Test
    void aNullInTheConfigurationRemovesTheLeafButConflictsLikeAChange() {
        JsonNode created = fm.apply(null, json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},"
                + "'data':{'a':'1','b':'1'}}"), "m1", "v1", "", false, T1).object();
        JsonNode removeB = json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},'data':{'b':null}}");
        ApplyConflictException e = catchThrowableOfType(ApplyConflictException.class,
                () -> fm.apply(withUid(created), removeB, "m2", "v1", "", false, T2));
        assertThat(e.getMessage()).isEqualTo("Apply failed with 1 conflict: conflict with \"m1\": .data.b");
        ApplyResult r = fm.apply(withUid(created), removeB, "m2", "v1", "", true, T2);
        assertThat(r.object().path("data").toString()).isEqualTo("{\"a\":\"1\"}");
        assertThat(fieldsV1(r.object(), "m2", "Apply")).isEqualTo("{\"f:data\":{\"f:b\":{}}}");
    }

    @Test
    void aMetadataOnlyApplyNeverWipesTheSpec() {
        JsonNode d = json("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','annotations':"
                + "{'" + LAST + "':'{}'}},'spec':{'replicas':2,'selector':{'matchLabels':{'app':'web'}}}}");
        JsonNode live = withUid(fm.update(null, d, "kubectl-client-side-apply", "apps/v1", "", T1));
        JsonNode lastApplied = json("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web',"
                + "'annotations':{'" + LAST + "':'{}'}}}");
        ApplyResult r = fm.apply(live, lastApplied, "kubectl-last-applied", "apps/v1", "", false, T2);
        assertThat(r.object().path("spec")).isEqualTo(live.path("spec"));
        assertThat(fieldsV1(r.object(), "kubectl-last-applied", "Apply")).isEqualTo("{\"f:metadata\":"
                + "{\"f:annotations\":{\"f:" + LAST + "\":{}}}}");
        JsonNode changed = json("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web',"
                + "'annotations':{'" + LAST + "':'{\"x\":1}'}}}");
        assertThat(catchThrowableOfType(ApplyConflictException.class, () -> fm.apply(live, changed,
                "kubectl-last-applied", "apps/v1", "", false, T2)).getMessage()).isEqualTo("Apply failed with 1 "
                + "conflict: conflict with \"kubectl-client-side-apply\" using apps/v1: .metadata.annotations."
                + LAST);
    }

    @Test
    void kubectlServerSideApplyTakesOverWhatItsClientSideApplyAnnotationStillDescribes() {
        String config = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},"
                + "\"spec\":{\"replicas\":2}}";
        ObjectNode csa = (ObjectNode) json(config);
        ((ObjectNode) csa.get("metadata")).putObject("annotations").put(LAST, config + "\n");
        JsonNode live = withUid(fm.update(null, csa, "kubectl-client-side-apply", "apps/v1", "", T1));

        JsonNode ssa = json("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},"
                + "'spec':{'replicas':3}}");
        ApplyResult r = fm.apply(live, ssa, "kubectl", "apps/v1", "", false, T2);
        assertThat(r.object().path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(fieldsV1(r.object(), "kubectl", "Apply")).isEqualTo("{\"f:spec\":{\"f:replicas\":{}}}");
        assertThat(fieldsV1(r.object(), "kubectl-client-side-apply", "Update")).doesNotContain("f:replicas");
        assertThat(r.object().path("metadata").path("annotations").path(LAST).asString())
                .isEqualTo("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},"
                        + "\"spec\":{\"replicas\":3}}\n");

        ApplyConflictException other = catchThrowableOfType(ApplyConflictException.class,
                () -> fm.apply(live, ssa, "not-kubectl", "apps/v1", "", false, T2));
        assertThat(other.getMessage()).isEqualTo("Apply failed with 1 conflict: conflict with "
                + "\"kubectl-client-side-apply\" using apps/v1: .spec.replicas");
    }

    @Test
    void driftFromTheAnnotationStillConflictsForKubectl() {
        String config = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},"
                + "\"spec\":{\"replicas\":2}}";
        ObjectNode csa = (ObjectNode) json(config);
        ((ObjectNode) csa.get("metadata")).putObject("annotations").put(LAST, config);
        JsonNode created = withUid(fm.update(null, csa, "kubectl-client-side-apply", "apps/v1", "", T1));
        ObjectNode drifted = copy(created);
        ((ObjectNode) drifted.get("spec")).put("replicas", 4);
        JsonNode live = fm.update(created, drifted, "kubectl-client-side-apply", "apps/v1", "", T2);
        JsonNode ssa = json("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},"
                + "'spec':{'replicas':3}}");
        ApplyConflictException e = catchThrowableOfType(ApplyConflictException.class,
                () -> fm.apply(live, ssa, "kubectl", "apps/v1", "", false, T3));
        assertThat(e.getMessage()).isEqualTo("Apply failed with 1 conflict: conflict with "
                + "\"kubectl-client-side-apply\" using apps/v1: .spec.replicas");
    }

    @Test
    void servicePortsAreKeyedByPortAndDefaultedProtocol() {
        JsonNode svc = json("{'apiVersion':'v1','kind':'Service','metadata':{'name':'dns'},'spec':{'ports':["
                + "{'port':53,'name':'tcp'},{'port':53,'protocol':'UDP','name':'udp'}]}}");
        ApplyResult r = fm.apply(null, svc, "m", "v1", "", false, T1);
        assertThat(fieldsV1(r.object(), "m", "Apply")).isEqualTo("{\"f:spec\":{\"f:ports\":{"
                + "\"k:{\\\"port\\\":53,\\\"protocol\\\":\\\"TCP\\\"}\":{\".\":{},\"f:name\":{},\"f:port\":{}},"
                + "\"k:{\\\"port\\\":53,\\\"protocol\\\":\\\"UDP\\\"}\":{\".\":{},\"f:name\":{},\"f:port\":{},"
                + "\"f:protocol\":{}}}}}");
    }

    @Test
    void ownerReferencesAreKeyedByUid() {
        JsonNode rs = json("{'apiVersion':'apps/v1','kind':'ReplicaSet','metadata':{'name':'r','ownerReferences':"
                + "[{'apiVersion':'apps/v1','kind':'Deployment','name':'d','uid':'abc','controller':true}]}}");
        ApplyResult r = fm.apply(null, rs, "m", "apps/v1", "", false, T1);
        assertThat(fieldsV1(r.object(), "m", "Apply")).isEqualTo("{\"f:metadata\":{\"f:ownerReferences\":"
                + "{\"k:{\\\"uid\\\":\\\"abc\\\"}\":{\".\":{},\"f:apiVersion\":{},\"f:controller\":{},\"f:kind\":{},"
                + "\"f:name\":{},\"f:uid\":{}}}}}");
    }

    @Test
    void configurationsThatDoNotFitTheSchemaAreRejected() {
        JsonNode noName = json("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','namespace':'ns'},"
                + "'spec':{'containers':[{'image':'i'}]}}");
        ApplyRequestException e = catchThrowableOfType(ApplyRequestException.class,
                () -> fm.apply(null, noName, "m", "v1", "", false, T1));
        assertThat(e.code()).isEqualTo(500);
        assertThat(e.getMessage()).isEqualTo("failed to create typed patch object (ns/p; /v1, Kind=Pod): "
                + ".spec.containers: element 0: associative list with keys has an element that omits key field "
                + "\"name\" (and doesn't have default value)");
        JsonNode dup = json("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},"
                + "'spec':{'containers':[{'name':'a'},{'name':'a'}]}}");
        assertThat(catchThrowableOfType(ApplyRequestException.class,
                () -> fm.apply(null, dup, "m", "v1", "", false, T1)).getMessage())
                .endsWith(".spec.containers: duplicate entries for key [name=\"a\"]");
    }

    @Test
    void updatesOfObjectsThatDoNotFitTheSchemaDropManagedFieldsInsteadOfFailing() {
        JsonNode bad = json("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},"
                + "'spec':{'containers':[{'image':'i'}]}}");
        JsonNode created = fm.update(null, bad, "m", "v1", "", T1);
        assertThat(created.path("metadata").has("managedFields")).isFalse();
        JsonNode dupEnv = json("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':{'containers':"
                + "[{'name':'c','env':[{'name':'A','value':'1'},{'name':'A','value':'2'}]}]}}");
        assertThat(entry(fm.update(null, dupEnv, "m", "v1", "", T1), "m", "Update")).isNotNull();
    }

    @Test
    void lastAppliedAnnotationTextIsGoJson() {
        JsonNode config = json("{'kind':'ConfigMap','apiVersion':'v1','metadata':{'name':'c','annotations':{'"
                + LAST + "':'old','z':'<&>'}},'data':{'b':'2','a':'1.0'},'n':1.50}");
        assertThat(LastApplied.build(config)).isEqualTo("{\"apiVersion\":\"v1\",\"data\":{\"a\":\"1.0\",\"b\":\"2\"},"
                + "\"kind\":\"ConfigMap\",\"metadata\":{\"annotations\":{\"z\":\"\\u003c\\u0026\\u003e\"},"
                + "\"name\":\"c\"},\"n\":1.5}\n");
    }

    @Test
    void anApplyByAnotherManagerAfterAnUpdateKeepsBothEntriesWithTheirOwnTimes() {
        JsonNode created = withUid(fm.update(null, json("{'apiVersion':'v1','kind':'ConfigMap','metadata':"
                + "{'name':'c'},'data':{'a':'1'}}"), "creator", "v1", "", T1));
        ApplyResult r = fm.apply(created, json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},"
                + "'data':{'b':'1'}}"), "applier", "v1", "", false, T2);
        assertThat(r.managedFields()).extracting(e -> e.get("manager").asString() + "@" + e.get("time").asString())
                .containsExactly("applier@2024-05-01T11:00:00Z", "creator@2024-05-01T10:00:00Z");
    }

    @Test
    void listItemsTheApplierStopsSendingAreRemoved() {
        String head = "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},'spec':{'template':"
                + "{'spec':{'containers':[";
        JsonNode two = json(head + "{'name':'nginx','image':'n'},{'name':'sidecar','image':'s'}]}}}}");
        JsonNode live = withUid(fm.apply(null, two, "kubectl", "apps/v1", "", false, T1).object());
        ApplyResult r = fm.apply(live, json(head + "{'name':'nginx','image':'n'}]}}}}"), "kubectl", "apps/v1", "",
                false, T2);
        assertThat(r.object().path("spec").path("template").path("spec").path("containers").toString())
                .isEqualTo("[{\"name\":\"nginx\",\"image\":\"n\"}]");
        assertThat(fieldsV1(r.object(), "kubectl", "Apply")).doesNotContain("sidecar");
    }
}
