package io.kubesim.api;

import io.kubesim.registry.ApiObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;

import static io.kubesim.api.PrinterFixtures.NOW;
import static io.kubesim.api.PrinterFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The registry wiring and the Table JSON the converter builds from the printers. */
class PrintersRegistryTest {

    private final TablePrinters printers = Printers.all();

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"v1, Pod, 9", "v1, Node, 10", "v1, Namespace, 3", "v1, ConfigMap, 3", "v1, Secret, 4",
            "v1, Service, 7", "v1, Endpoints, 3", "v1, Event, 10", "v1, ReplicationController, 8",
            "apps/v1, ReplicaSet, 8", "apps/v1, Deployment, 8", "coordination.k8s.io/v1, Lease, 3",
            "discovery.k8s.io/v1, EndpointSlice, 5"})
    void everyKindPrintsOneCellPerColumnEvenForAnEmptyObject(String apiVersion, String kind, int columns) {
        TablePrinter p = printers.forObject(json("{'apiVersion':'" + apiVersion + "','kind':'" + kind + "'}"));
        assertThat(p).isNotSameAs(TablePrinters.DEFAULT);
        assertThat(p.columns()).hasSize(columns);
        assertThat(p.cells(json("{}"), NOW)).hasSize(columns).doesNotContainNull();
        assertThat(p.columns()).allSatisfy(c -> assertThat(c.description()).isNotBlank());
    }

    @Test
    void unknownKindsUseTheDefaultPrinter() {
        assertThat(printers.forObject(json("{'apiVersion':'batch/v1','kind':'Job'}"))).isSameAs(TablePrinters.DEFAULT);
    }

    @Test
    void tableJsonHasIntegerCellsAgesFromTheClockAndRowConditions() {
        TableConverter converter = new TableConverter(printers, Clock.fixed(NOW, ZoneOffset.UTC));
        JsonNode rsTable = converter.tableOf(object("{'apiVersion':'apps/v1','kind':'ReplicaSet','metadata':{'name':"
                + "'rs','resourceVersion':'7','creationTimestamp':'2024-05-01T11:55:00Z'},'spec':{'replicas':2},"
                + "'status':{'replicas':2,'readyReplicas':1}}"), "None");
        JsonNode cells = rsTable.path("rows").get(0).path("cells");
        assertThat(cells.get(1).isIntegralNumber()).isTrue();
        assertThat(cells.get(1).asLong()).isEqualTo(2);
        assertThat(cells.get(3).asLong()).isEqualTo(1);
        assertThat(cells.get(4).stringValue()).isEqualTo("5m");
        assertThat(rsTable.path("columnDefinitions").get(1).path("type").stringValue()).isEqualTo("integer");

        JsonNode podTable = converter.tableOf(object("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'job-x'},"
                + "'status':{'phase':'Succeeded'}}"), "None");
        JsonNode condition = podTable.path("rows").get(0).path("conditions").get(0);
        assertThat(condition.path("type").stringValue()).isEqualTo("Completed");
        assertThat(condition.path("status").stringValue()).isEqualTo("True");
        assertThat(condition.path("reason").stringValue()).isEqualTo("Succeeded");
        assertThat(podTable.path("rows").get(0).path("cells").get(3).stringValue()).isEqualTo("0");
    }

    private static ApiObject object(String text) {
        byte[] bytes = json(text).toString().getBytes(StandardCharsets.UTF_8);
        return new ApiObject(bytes, 0, "n", "default", "uid", 7);
    }
}
