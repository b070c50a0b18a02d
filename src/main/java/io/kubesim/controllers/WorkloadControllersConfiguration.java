package io.kubesim.controllers;

import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubesim.controller.ClusterTime;
import io.kubesim.controller.ControllerManager;
import io.kubesim.controller.EventRecorder;
import io.kubesim.controller.InformerFactory;
import io.kubesim.controller.ResourceClient;
import io.kubesim.controllers.deployment.DeploymentController;
import io.kubesim.controllers.replicaset.ReplicaSetController;
import io.kubesim.controllers.replicaset.ReplicaSetKind;
import io.kubesim.controllers.replicaset.ReplicationControllerKind;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ScheduledExecutorService;

/**
 * The workload controllers' wiring: ReplicaSet, ReplicationController and Deployment controllers registered
 * with the {@link ControllerManager}, which starts them once the shared informers have synced.
 * {@code kubesim.controllers.enabled=false} leaves them out.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkloadControllersProperties.class)
@ConditionalOnProperty(name = "kubesim.controllers.enabled", havingValue = "true", matchIfMissing = true)
public class WorkloadControllersConfiguration {

    @Bean
    ReplicaSetController<ReplicaSet> replicaSetController(ResourceClient client, InformerFactory informers,
            EventRecorder events, ClusterTime time, ScheduledExecutorService controlPlaneTimer, MeterRegistry meters,
            WorkloadControllersProperties props, ControllerManager manager) {
        ReplicaSetController<ReplicaSet> c = new ReplicaSetController<>(new ReplicaSetKind(), client, informers, events,
                time, controlPlaneTimer, meters, replicaSettings(props));
        manager.register(ControllerManager.component(c.name(), c::start, c::stop));
        return c;
    }

    @Bean
    ReplicaSetController<ReplicationController> replicationControllerController(ResourceClient client,
            InformerFactory informers, EventRecorder events, ClusterTime time,
            ScheduledExecutorService controlPlaneTimer, MeterRegistry meters, WorkloadControllersProperties props,
            ControllerManager manager) {
        ReplicaSetController<ReplicationController> c = new ReplicaSetController<>(new ReplicationControllerKind(),
                client, informers, events, time, controlPlaneTimer, meters, replicaSettings(props));
        manager.register(ControllerManager.component(c.name(), c::start, c::stop));
        return c;
    }

    @Bean
    DeploymentController deploymentController(ResourceClient client, InformerFactory informers, EventRecorder events,
            ClusterTime time, ScheduledExecutorService controlPlaneTimer, MeterRegistry meters,
            WorkloadControllersProperties props, ControllerManager manager) {
        DeploymentController c = new DeploymentController(client, informers, events, time, controlPlaneTimer, meters,
                new DeploymentController.Settings(props.deploymentWorkers(), props.resync()));
        manager.register(ControllerManager.component("deployment-controller", c::start, c::stop));
        return c;
    }

    private static ReplicaSetController.Settings replicaSettings(WorkloadControllersProperties props) {
        return new ReplicaSetController.Settings(props.replicaSetWorkers(), props.burstReplicas(), props.resync());
    }
}
