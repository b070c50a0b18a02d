package io.kubesim.api;

import org.junit.jupiter.api.Test;

import static io.kubesim.api.PrinterFixtures.NOW;
import static io.kubesim.api.PrinterFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Golden Endpoints and EndpointSlice cells, including the {@code + N more...} truncation. */
class EndpointPrintersTest {

    @Test
    void noSubsets() {
        assertThat(EndpointPrinters.formatEndpoints(json("[]"))).isEqualTo("<none>");
        assertThat(EndpointPrinters.formatEndpoints(json("{}").path("subsets"))).isEqualTo("<none>");
    }

    @Test
    void addressesTimesPorts() {
        assertThat(EndpointPrinters.formatEndpoints(json("[{'addresses':[{'ip':'10.1.0.5'},{'ip':'10.1.0.6'}],"
                + "'ports':[{'port':8080,'protocol':'TCP'}]}]"))).isEqualTo("10.1.0.5:8080,10.1.0.6:8080");
    }

    @Test
    void truncatesAfterThree() {
        assertThat(EndpointPrinters.formatEndpoints(json("[{'addresses':[{'ip':'10.0.0.1'},{'ip':'10.0.0.2'}],"
                + "'ports':[{'port':80},{'port':443}]},{'addresses':[{'ip':'10.0.0.3'}],'ports':[{'port':80}]}]")))
                .isEqualTo("10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 2 more...");
    }

    @Test
    void headlessSubsetsListBareIps() {
        assertThat(EndpointPrinters.formatEndpoints(json("[{'addresses':[{'ip':'10.0.0.1'},{'ip':'10.0.0.2'},"
                + "{'ip':'10.0.0.3'},{'ip':'10.0.0.4'},{'ip':'10.0.0.5'}]}]"))).isEqualTo("10.0.0.1,10.0.0.2,10.0.0.3 + 2 more...");
    }

    @Test
    void ipv6AddressesAreBracketed() {
        assertThat(EndpointPrinters.formatEndpoints(json("[{'addresses':[{'ip':'fd00::1'}],'ports':[{'port':80}]}]")))
                .isEqualTo("[fd00::1]:80");
    }

    @Test
    void subsetsWithOnlyNotReadyAddressesPrintEmpty() {
        assertThat(EndpointPrinters.formatEndpoints(json("[{'notReadyAddresses':[{'ip':'10.0.0.1'}],"
                + "'ports':[{'port':80}]}]"))).isEqualTo("");
    }

    @Test
    void endpointsRow() {
        assertThat(EndpointPrinters.endpoints().cells(json("{'metadata':{'name':'web'},'subsets':[{'addresses':"
                + "[{'ip':'10.1.0.5'}],'ports':[{'port':80}]}]}"), NOW)).containsExactly("web", "10.1.0.5:80", "<unknown>");
    }

    @Test
    void slicePorts() {
        assertThat(EndpointPrinters.slicePorts(json("[{'name':'http','port':80},{'name':'named'},{}]")))
                .isEqualTo("80,named,*");
        assertThat(EndpointPrinters.slicePorts(json("[{'port':1},{'port':2},{'port':3},{'port':4},{'port':5}]")))
                .isEqualTo("1,2,3 + 2 more...");
        assertThat(EndpointPrinters.slicePorts(json("[]"))).isEqualTo("<unset>");
    }

    @Test
    void sliceRow() {
        assertThat(EndpointPrinters.endpointSlice().cells(json("{'metadata':{'name':'web-abc'},'addressType':'IPv4',"
                + "'ports':[{'port':80,'protocol':'TCP'}],'endpoints':[{'addresses':['10.0.0.1']},"
                + "{'addresses':['10.0.0.2','10.0.0.3']},{'addresses':['10.0.0.4']}]}"), NOW))
                .containsExactly("web-abc", "IPv4", "80", "10.0.0.1,10.0.0.2,10.0.0.3 + 1 more...", "<unknown>");
        assertThat(EndpointPrinters.endpointSlice().cells(json("{}"), NOW))
                .containsExactly("", "", "<unset>", "<unset>", "<unknown>");
    }
}
