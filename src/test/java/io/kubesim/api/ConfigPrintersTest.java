package io.kubesim.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.kubesim.api.PrinterFixtures.NOW;
import static io.kubesim.api.PrinterFixtures.ago;
import static io.kubesim.api.PrinterFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Golden Namespace, ConfigMap, Secret and Lease rows. */
class ConfigPrintersTest {

    @Test
    void namespace() {
        assertThat(ConfigPrinters.namespace().cells(json("{'metadata':{'name':'kube-system','creationTimestamp':'"
                + ago(Duration.ofDays(400)) + "'},'status':{'phase':'Active'}}"), NOW))
                .containsExactly("kube-system", "Active", "400d");
        assertThat(ConfigPrinters.namespace().cells(json("{'metadata':{'name':'old','deletionTimestamp':'x'},"
                + "'status':{'phase':'Terminating'}}"), NOW)).containsExactly("old", "Terminating", "<unknown>");
    }

    @Test
    void configMapCountsDataAndBinaryData() {
        assertThat(ConfigPrinters.configMap().cells(json("{'metadata':{'name':'cfg'},'data':{'a':'1','b':'2'},"
                + "'binaryData':{'c':'AAE='}}"), NOW)).containsExactly("cfg", 3L, "<unknown>");
        assertThat(ConfigPrinters.configMap().cells(json("{'metadata':{'name':'empty'}}"), NOW))
                .containsExactly("empty", 0L, "<unknown>");
    }

    @Test
    void secret() {
        assertThat(ConfigPrinters.secret().cells(json("{'metadata':{'name':'tls','creationTimestamp':'"
                + ago(Duration.ofDays(3 * 365)) + "'},'type':'kubernetes.io/tls','data':{'tls.crt':'','tls.key':''}}"),
                NOW)).containsExactly("tls", "kubernetes.io/tls", 2L, "3y");
    }

    @Test
    void lease() {
        assertThat(ConfigPrinters.lease().cells(json("{'metadata':{'name':'node-1'},'spec':{'holderIdentity':'node-1',"
                + "'leaseDurationSeconds':40}}"), NOW)).containsExactly("node-1", "node-1", "<unknown>");
        assertThat(ConfigPrinters.lease().cells(json("{'metadata':{'name':'free'},'spec':{'holderIdentity':null}}"),
                NOW)).containsExactly("free", "", "<unknown>");
    }

    @Test
    void columns() {
        assertThat(ConfigPrinters.secret().columns()).extracting(TablePrinter.Column::name)
                .containsExactly("Name", "Type", "Data", "Age");
        assertThat(ConfigPrinters.configMap().columns()).extracting(TablePrinter.Column::type)
                .containsExactly("string", "string", "string");
    }
}
