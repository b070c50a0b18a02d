package io.kubesim.api;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static io.kubesim.api.PrinterFixtures.NOW;
import static io.kubesim.api.PrinterFixtures.ago;
import static io.kubesim.api.PrinterFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Golden Node rows: STATUS, ROLES and the wide system info. */
class NodePrinterTest {

    private final NodePrinter printer = new NodePrinter();

    private static String status(String ready, boolean unschedulable) {
        String conditions = ready == null ? "[{'type':'MemoryPressure','status':'False'}]"
                : "[{'type':'MemoryPressure','status':'False'},{'type':'Ready','status':'" + ready + "'}]";
        return NodePrinter.status(json("{'spec':{'unschedulable':" + unschedulable + "},'status':{'conditions':"
                + conditions + "}}"));
    }

    @Test
    void readyStatuses() {
        assertThat(status("True", false)).isEqualTo("Ready");
        assertThat(status("False", false)).isEqualTo("NotReady");
        assertThat(status("Unknown", false)).isEqualTo("NotReady");
        assertThat(status(null, false)).isEqualTo("Unknown");
    }

    @Test
    void cordonedNodes() {
        assertThat(status("True", true)).isEqualTo("Ready,SchedulingDisabled");
        assertThat(status("Unknown", true)).isEqualTo("NotReady,SchedulingDisabled");
        assertThat(status(null, true)).isEqualTo("Unknown,SchedulingDisabled");
    }

    @Test
    void roles() {
        assertThat(NodePrinter.roles(json("{'node-role.kubernetes.io/worker':'','node-role.kubernetes.io/control-plane':"
                + "'','kubernetes.io/hostname':'n1'}"))).isEqualTo("control-plane,worker");
        assertThat(NodePrinter.roles(json("{'kubernetes.io/role':'master','node-role.kubernetes.io/master':''}")))
                .isEqualTo("master");
        assertThat(NodePrinter.roles(json("{'kubernetes.io/role':'','node-role.kubernetes.io/':''}"))).isEqualTo("<none>");
        assertThat(NodePrinter.roles(json("{}"))).isEqualTo("<none>");
        assertThat(NodePrinter.roles(json("{'a':'b'}").path("labels"))).isEqualTo("<none>");
    }

    @Test
    void fullRow() {
        JsonNode node = json("{'metadata':{'name':'kind-worker','creationTimestamp':'" + ago(Duration.ofDays(3)
                .plusHours(4)) + "','labels':{'node-role.kubernetes.io/worker':''}},"
                + "'status':{'conditions':[{'type':'Ready','status':'True'}],"
                + "'addresses':[{'type':'Hostname','address':'kind-worker'},{'type':'InternalIP','address':'172.18.0.2'}],"
                + "'nodeInfo':{'kubeletVersion':'v1.32.0','osImage':'Debian GNU/Linux 12 (bookworm)',"
                + "'kernelVersion':'6.8.0','containerRuntimeVersion':'containerd://1.7.24'}}}");
        assertThat(printer.cells(node, NOW)).containsExactly("kind-worker", "Ready", "worker", "3d4h", "v1.32.0",
                "172.18.0.2", "<none>", "Debian GNU/Linux 12 (bookworm)", "6.8.0", "containerd://1.7.24");
    }

    @Test
    void missingSystemInfoIsUnknown() {
        assertThat(printer.cells(json("{'metadata':{'name':'n'}}"), NOW)).containsExactly("n", "Unknown", "<none>",
                "<unknown>", "", "<none>", "<none>", "<unknown>", "<unknown>", "<unknown>");
    }

    @Test
    void columnsMatchUpstream() {
        assertThat(printer.columns()).extracting(TablePrinter.Column::name).containsExactly("Name", "Status", "Roles",
                "Age", "Version", "Internal-IP", "External-IP", "OS-Image", "Kernel-Version", "Container-Runtime");
        assertThat(printer.columns()).extracting(TablePrinter.Column::priority)
                .containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 1);
    }
}
