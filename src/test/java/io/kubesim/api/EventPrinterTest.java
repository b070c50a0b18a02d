package io.kubesim.api;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static io.kubesim.api.PrinterFixtures.NOW;
import static io.kubesim.api.PrinterFixtures.ago;
import static io.kubesim.api.PrinterFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Golden core/v1 Event rows. */
class EventPrinterTest {

    private final EventPrinter printer = new EventPrinter();

    @Test
    void columnsMatchUpstreamOrderAndPriority() {
        assertThat(printer.columns()).extracting(TablePrinter.Column::name).containsExactly("Last Seen", "Type",
                "Reason", "Object", "Subobject", "Source", "Message", "First Seen", "Count", "Name");
        assertThat(printer.columns()).extracting(TablePrinter.Column::priority)
                .containsExactly(0, 0, 0, 0, 1, 1, 0, 1, 1, 1);
        assertThat(printer.columns().get(9).format()).isEqualTo("name");
    }

    @Test
    void classicEvent() {
        JsonNode event = json("{'metadata':{'name':'web-1.17c'},'type':'Normal','reason':'Scheduled',"
                + "'message':'Successfully assigned default/web-1 to node-1\\n',"
                + "'involvedObject':{'kind':'Pod','name':'web-1','fieldPath':'spec.containers{app}'},"
                + "'source':{'component':'default-scheduler'},'count':3,"
                + "'firstTimestamp':'" + ago(Duration.ofMinutes(10)) + "','lastTimestamp':'" + ago(Duration.ofSeconds(30))
                + "'}");
        assertThat(printer.cells(event, NOW)).containsExactly("30s", "Normal", "Scheduled", "pod/web-1",
                "spec.containers{app}", "default-scheduler", "Successfully assigned default/web-1 to node-1", "10m",
                3L, "web-1.17c");
    }

    @Test
    void newStyleEventUsesEventTimeSeriesAndReportingFields() {
        JsonNode event = json("{'metadata':{'name':'e'},'type':'Warning','reason':'BackOff','message':'m',"
                + "'involvedObject':{'kind':'Pod','name':'p'},'eventTime':'" + ago(Duration.ofHours(2)) + "',"
                + "'reportingComponent':'kubelet','reportingInstance':'node-1',"
                + "'series':{'count':7,'lastObservedTime':'" + ago(Duration.ofSeconds(90)) + "'}}");
        assertThat(printer.cells(event, NOW)).containsExactly("90s", "Warning", "BackOff", "pod/p", "",
                "kubelet, node-1", "m", "120m", 7L, "e");
    }

    @Test
    void singletonWithoutCountOrLastTimestamp() {
        JsonNode event = json("{'metadata':{'name':'e'},'involvedObject':{'kind':'Node'},"
                + "'source':{'component':'kubelet','host':'node-1'},'firstTimestamp':'" + ago(Duration.ofDays(9)) + "'}");
        assertThat(printer.cells(event, NOW)).containsExactly("9d", "", "", "node", "", "kubelet, node-1", "", "9d",
                1L, "e");
    }

    @Test
    void emptyEvent() {
        assertThat(printer.cells(json("{}"), NOW)).containsExactly("<unknown>", "", "", "", "", "", "", "<unknown>",
                1L, "");
    }
}
