package io.kubesim.api;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;

import static io.kubesim.api.PrinterFixtures.NOW;
import static io.kubesim.api.PrinterFixtures.ago;
import static io.kubesim.api.PrinterFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Pod columns, wide cells and row conditions. */
class PodPrinterTest {

    private final PodPrinter printer = new PodPrinter();

    @Test
    void columnsMatchUpstream() {
        assertThat(printer.columns()).extracting(TablePrinter.Column::name).containsExactly("Name", "Ready", "Status",
                "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates");
        assertThat(printer.columns()).extracting(TablePrinter.Column::priority).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1);
        assertThat(printer.columns()).extracting(TablePrinter.Column::type).containsOnly("string");
        assertThat(printer.columns().get(0).format()).isEqualTo("name");
        assertThat(printer.columns().get(3).description()).isEqualTo("The number of times the containers in this pod "
                + "have been restarted and when the last container in this pod has restarted.");
    }

    @Test
    void wideCells() {
        JsonNode pod = json("{'metadata':{'name':'web-1','creationTimestamp':'" + ago(Duration.ofMinutes(5)) + "'},"
                + "'spec':{'nodeName':'node-1','containers':[{'name':'app'}],"
                + "'readinessGates':[{'conditionType':'example.com/lb'},{'conditionType':'example.com/dns'}]},"
                + "'status':{'phase':'Running','podIPs':[{'ip':'10.1.0.5'},{'ip':'fd00::5'}],"
                + "'nominatedNodeName':'node-2','conditions':[{'type':'example.com/lb','status':'True'},"
                + "{'type':'example.com/dns','status':'False'}],"
                + "'containerStatuses':[{'name':'app','ready':true,'state':{'running':{}},'restartCount':0}]}}");
        assertThat(printer.cells(pod, NOW)).containsExactly("web-1", "1/1", "Running", "0", "5m", "10.1.0.5",
                "node-1", "node-2", "1/2");
    }

    @Test
    void podIpPrefersTheLegacyField() {
        assertThat(PodPrinter.podIp(json("{'podIP':'10.0.0.1','podIPs':[{'ip':'10.0.0.2'}]}"))).isEqualTo("10.0.0.1");
        assertThat(PodPrinter.podIp(json("{'podIPs':[{'ip':'10.0.0.2'}]}"))).isEqualTo("10.0.0.2");
    }

    @Test
    void completedRowCondition() {
        assertThat(printer.conditions(json("{'status':{'phase':'Succeeded'}}"))).containsExactly(Map.of(
                "type", "Completed", "status", "True", "reason", "Succeeded",
                "message", "The pod has completed successfully."));
        assertThat(printer.conditions(json("{'status':{'phase':'Failed'}}"))).containsExactly(Map.of(
                "type", "Completed", "status", "True", "reason", "Failed", "message", "The pod failed."));
        assertThat(printer.conditions(json("{'status':{'phase':'Running'}}"))).isEmpty();
        assertThat(printer.conditions(json("{}"))).isEmpty();
    }
}
