package io.kubesim.api;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.kubesim.api.Cells.age;
import static io.kubesim.api.Cells.containerCells;
import static io.kubesim.api.Cells.integer;
import static io.kubesim.api.Cells.name;

/**
 * Printers of the replica controllers: ReplicaSet, ReplicationController and Deployment
 * ({@code printReplicaSet}, {@code printReplicationController}, {@code printDeployment}).
 */
final class WorkloadPrinters {

    // ReplicaSet column docs come from extensions/v1beta1, as upstream's AddHandlers takes them.
    static final String RS_REPLICAS_DOC = "Replicas is the number of desired replicas. This is a pointer to "
            + "distinguish between explicit zero and unspecified. Defaults to 1. More info: "
            + "https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller";
    static final String RS_STATUS_REPLICAS_DOC = "Replicas is the most recently oberved number of replicas. More "
            + "info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller";
    static final String RS_READY_DOC = "The number of ready replicas for this replica set.";
    static final String RS_SELECTOR_DOC = "Selector is a label query over pods that should match the replica count. "
            + "If the selector is empty, it is defaulted to the labels present on the pod template. Label keys and "
            + "values that must match in order to be controlled by this replica set. More info: "
            + "https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors";

    static final String RC_REPLICAS_DOC = "Replicas is the number of desired replicas. This is a pointer to "
            + "distinguish between explicit zero and unspecified. Defaults to 1. More info: "
            + "https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller";
    static final String RC_STATUS_REPLICAS_DOC = "Replicas is the most recently observed number of replicas. More "
            + "info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller";
    static final String RC_READY_DOC = "The number of ready replicas for this replication controller.";
    static final String RC_SELECTOR_DOC = "Selector is a label query over pods that should match the Replicas count. "
            + "If Selector is empty, it is defaulted to the labels present on the Pod template. Label keys and values "
            + "that must match in order to be controlled by this replication controller, if empty defaulted to labels "
            + "on Pod template. More info: "
            + "https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors";

    static final String DEPLOY_READY_DOC = "Number of the pod with ready state";
    static final String DEPLOY_UPDATED_DOC = "Total number of non-terminated pods targeted by this deployment that "
            + "have the desired template spec.";
    static final String DEPLOY_AVAILABLE_DOC = "Total number of available pods (ready for at least minReadySeconds) "
            + "targeted by this deployment.";
    static final String DEPLOY_SELECTOR_DOC = "Label selector for pods. Existing ReplicaSets whose pods are selected "
            + "by this will be the ones affected by this deployment.";

    private WorkloadPrinters() {
    }

    /** NAME DESIRED CURRENT READY AGE + wide CONTAINERS IMAGES SELECTOR (a {@code LabelSelector}). */
    static TablePrinter replicaSet() {
        return new SimplePrinter(replicaColumns(RS_REPLICAS_DOC, RS_STATUS_REPLICAS_DOC, RS_READY_DOC, RS_SELECTOR_DOC),
                (o, now) -> {
                    List<Object> cells = replicaCells(o, now);
                    cells.addAll(containerCells(o.path("spec").path("template").path("spec").path("containers")));
                    cells.add(LabelCells.formatLabelSelector(o.path("spec").path("selector")));
                    return cells;
                });
    }

    /** As {@link #replicaSet()}, but the SELECTOR is a label map. */
    static TablePrinter replicationController() {
        return new SimplePrinter(replicaColumns(RC_REPLICAS_DOC, RC_STATUS_REPLICAS_DOC, RC_READY_DOC, RC_SELECTOR_DOC),
                (o, now) -> {
                    List<Object> cells = replicaCells(o, now);
                    cells.addAll(containerCells(o.path("spec").path("template").path("spec").path("containers")));
                    cells.add(LabelCells.formatLabels(o.path("spec").path("selector")));
                    return cells;
                });
    }

    /**
     * NAME READY UP-TO-DATE AVAILABLE AGE + wide CONTAINERS IMAGES SELECTOR. READY is
     * {@code readyReplicas/spec.replicas}; UP-TO-DATE and AVAILABLE are integers although their columns say string.
     */
    static TablePrinter deployment() {
        List<TablePrinter.Column> columns = List.of(Columns.NAME, Columns.string("Ready", DEPLOY_READY_DOC),
                Columns.string("Up-to-date", DEPLOY_UPDATED_DOC), Columns.string("Available", DEPLOY_AVAILABLE_DOC),
                Columns.AGE, Columns.CONTAINERS, Columns.IMAGES, Columns.wide("Selector", DEPLOY_SELECTOR_DOC));
        return new SimplePrinter(columns, (o, now) -> {
            JsonNode spec = o.path("spec");
            JsonNode status = o.path("status");
            List<Object> cells = new ArrayList<>(List.of(name(o),
                    integer(status.path("readyReplicas")) + "/" + integer(spec.path("replicas")),
                    integer(status.path("updatedReplicas")), integer(status.path("availableReplicas")), age(o, now)));
            cells.addAll(containerCells(spec.path("template").path("spec").path("containers")));
            cells.add(LabelCells.selectorString(spec.path("selector")));
            return cells;
        });
    }

    private static List<TablePrinter.Column> replicaColumns(String desired, String current, String ready,
                                                            String selector) {
        return List.of(Columns.NAME, Columns.integer("Desired", desired), Columns.integer("Current", current),
                Columns.integer("Ready", ready), Columns.AGE, Columns.CONTAINERS, Columns.IMAGES,
                Columns.wide("Selector", selector));
    }

    private static List<Object> replicaCells(JsonNode o, Instant now) {
        return new ArrayList<>(List.of(name(o), integer(o.path("spec").path("replicas")),
                integer(o.path("status").path("replicas")), integer(o.path("status").path("readyReplicas")),
                age(o, now)));
    }
}
