package io.kubesim.api;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static io.kubesim.api.PrinterFixtures.NOW;
import static io.kubesim.api.PrinterFixtures.ago;
import static io.kubesim.api.PrinterFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Golden Service rows: cluster IPs, external IPs and port strings. */
class ServicePrinterTest {

    private final ServicePrinter printer = new ServicePrinter();

    private static JsonNode service(String spec, String status) {
        return json("{'metadata':{'name':'web','creationTimestamp':'" + ago(Duration.ofMinutes(42)) + "'},'spec':"
                + spec + ",'status':" + status + "}");
    }

    @Test
    void clusterIpService() {
        JsonNode svc = service("{'type':'ClusterIP','clusterIP':'10.96.0.10','clusterIPs':['10.96.0.10'],"
                + "'ports':[{'port':80,'protocol':'TCP','targetPort':8080}],'selector':{'tier':'web','app':'x'}}", "{}");
        assertThat(printer.cells(svc, NOW)).containsExactly("web", "ClusterIP", "10.96.0.10", "<none>", "80/TCP",
                "42m", "app=x,tier=web");
    }

    @Test
    void nodePortService() {
        JsonNode svc = service("{'type':'NodePort','clusterIPs':['10.96.1.1'],'ports':[{'port':80,'protocol':'TCP',"
                + "'nodePort':30080},{'port':53,'protocol':'UDP','nodePort':30053}],'externalIPs':['1.2.3.4']}", "{}");
        assertThat(printer.cells(svc, NOW)).containsExactly("web", "NodePort", "10.96.1.1", "1.2.3.4",
                "80:30080/TCP,53:30053/UDP", "42m", "<none>");
    }

    @Test
    void pendingLoadBalancer() {
        JsonNode svc = service("{'type':'LoadBalancer','clusterIPs':['10.96.1.2'],'ports':[{'port':443,"
                + "'protocol':'TCP','nodePort':31443}]}", "{'loadBalancer':{}}");
        assertThat(ServicePrinter.externalIp(svc)).isEqualTo("<pending>");
    }

    @Test
    void loadBalancerIngressIsSortedAndDeduplicated() {
        JsonNode svc = service("{'type':'LoadBalancer'}", "{'loadBalancer':{'ingress':[{'ip':'203.0.113.9'},"
                + "{'hostname':'lb.example.com'},{'ip':'198.51.100.7'},{'ip':'203.0.113.9'},{}]}}");
        assertThat(ServicePrinter.externalIp(svc)).isEqualTo("198.51.100.7,203.0.113.9,lb.example.com");
        JsonNode withExternal = service("{'type':'LoadBalancer','externalIPs':['1.1.1.1']}",
                "{'loadBalancer':{'ingress':[{'ip':'203.0.113.9'}]}}");
        assertThat(ServicePrinter.externalIp(withExternal)).isEqualTo("203.0.113.9,1.1.1.1");
    }

    @Test
    void headlessAndExternalNameServices() {
        JsonNode headless = service("{'type':'ClusterIP','clusterIP':'None','clusterIPs':['None']}", "{}");
        assertThat(printer.cells(headless, NOW).subList(1, 5)).containsExactly("ClusterIP", "None", "<none>", "<none>");
        JsonNode external = service("{'type':'ExternalName','externalName':'db.example.com'}", "{}");
        assertThat(printer.cells(external, NOW).subList(1, 5))
                .containsExactly("ExternalName", "<none>", "db.example.com", "<none>");
    }

    @Test
    void clusterIpFallsBackToTheSingularField() {
        assertThat(ServicePrinter.clusterIp(json("{'clusterIP':'10.0.0.9'}"))).isEqualTo("10.0.0.9");
        assertThat(ServicePrinter.clusterIp(json("{}"))).isEqualTo("<none>");
    }

    @Test
    void unknownTypeAndEmptyService() {
        assertThat(printer.cells(json("{}"), NOW)).containsExactly("", "", "<none>", "<unknown>", "<none>",
                "<unknown>", "<none>");
    }
}
