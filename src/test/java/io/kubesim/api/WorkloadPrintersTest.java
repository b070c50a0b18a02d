package io.kubesim.api;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static io.kubesim.api.PrinterFixtures.NOW;
import static io.kubesim.api.PrinterFixtures.ago;
import static io.kubesim.api.PrinterFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Golden ReplicaSet, ReplicationController and Deployment rows. */
class WorkloadPrintersTest {

    private static final String TEMPLATE = "'template':{'spec':{'containers':[{'name':'app','image':'nginx:1.27'},"
            + "{'name':'sidecar','image':'busybox'}]}}";

    @Test
    void replicaSetRowHasIntegerCounts() {
        JsonNode rs = json("{'metadata':{'name':'web-5d9f','creationTimestamp':'" + ago(Duration.ofHours(20)) + "'},"
                + "'spec':{'replicas':3,'selector':{'matchLabels':{'app':'web','pod-template-hash':'5d9f'}}," + TEMPLATE
                + "},'status':{'replicas':3,'readyReplicas':2}}");
        assertThat(WorkloadPrinters.replicaSet().cells(rs, NOW)).containsExactly("web-5d9f", 3L, 3L, 2L, "20h",
                "app,sidecar", "nginx:1.27,busybox", "app=web,pod-template-hash=5d9f");
    }

    @Test
    void replicaSetSelectorEdgeCases() {
        assertThat(LabelCells.formatLabelSelector(json("{}").path("selector"))).isEqualTo("<none>");
        assertThat(LabelCells.formatLabelSelector(json("{}"))).isEqualTo("<none>");
        assertThat(LabelCells.formatLabelSelector(json("{'matchExpressions':[{'key':'tier','operator':'In',"
                + "'values':['b','a']},{'key':'env','operator':'DoesNotExist'}],'matchLabels':{'app':'x'}}")))
                .isEqualTo("app=x,!env,tier in (a,b)");
        assertThat(LabelCells.formatLabelSelector(json("{'matchExpressions':[{'key':'tier','operator':'Bogus'}]}")))
                .isEqualTo("<error>");
    }

    @Test
    void replicationControllerUsesALabelMap() {
        JsonNode rc = json("{'metadata':{'name':'rc'},'spec':{'replicas':2,'selector':{'b':'2','a':'1'}," + TEMPLATE
                + "},'status':{'replicas':1}}");
        assertThat(WorkloadPrinters.replicationController().cells(rc, NOW)).containsExactly("rc", 2L, 1L, 0L,
                "<unknown>", "app,sidecar", "nginx:1.27,busybox", "a=1,b=2");
        assertThat(WorkloadPrinters.replicationController().cells(json("{}"), NOW))
                .containsExactly("", 0L, 0L, 0L, "<unknown>", "", "", "<none>");
    }

    @Test
    void deploymentRow() {
        JsonNode d = json("{'metadata':{'name':'web','creationTimestamp':'" + ago(Duration.ofSeconds(95)) + "'},"
                + "'spec':{'replicas':3,'selector':{'matchLabels':{'app':'web'}}," + TEMPLATE + "},"
                + "'status':{'replicas':3,'updatedReplicas':3,'readyReplicas':2,'availableReplicas':2}}");
        assertThat(WorkloadPrinters.deployment().cells(d, NOW)).containsExactly("web", "2/3", 3L, 2L, "95s",
                "app,sidecar", "nginx:1.27,busybox", "app=web");
    }

    @Test
    void deploymentSelectorIsEmptyOrInvalidRatherThanNone() {
        assertThat(WorkloadPrinters.deployment().cells(json("{'metadata':{'name':'d'}}"), NOW))
                .containsExactly("d", "0/0", 0L, 0L, "<unknown>", "", "", "");
        assertThat(LabelCells.selectorString(json("{'matchExpressions':[{'key':'a','operator':'In'}]}")))
                .isEqualTo("<invalid>");
    }

    @Test
    void columnTypesMatchUpstream() {
        assertThat(WorkloadPrinters.replicaSet().columns()).extracting(TablePrinter.Column::type)
                .containsExactly("string", "integer", "integer", "integer", "string", "string", "string", "string");
        assertThat(WorkloadPrinters.deployment().columns()).extracting(TablePrinter.Column::name).containsExactly(
                "Name", "Ready", "Up-to-date", "Available", "Age", "Containers", "Images", "Selector");
        assertThat(WorkloadPrinters.deployment().columns()).extracting(TablePrinter.Column::type).containsOnly("string");
    }
}
