package io.kubesim.simulation;

import io.kubesim.controller.ClusterTime;
import io.kubesim.controller.ControllerManager;
import io.kubesim.controller.EventRecorder;
import io.kubesim.controller.InformerFactory;
import io.kubesim.controller.ResourceClient;
import io.kubesim.simulation.kubelet.Kubelet;
import io.kubesim.simulation.kubelet.KubeletSettings;
import io.kubesim.simulation.nodes.NodeAgents;
import io.kubesim.simulation.nodes.NodeLifecycleController;
import io.kubesim.simulation.nodes.NodePool;
import io.kubesim.simulation.probes.Prober;
import io.kubesim.simulation.scheduler.Scheduler;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ScheduledExecutorService;

/** The simulated cluster's wiring; {@code kubesim.simulation.enabled=false} leaves a bare API server. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SimulationProperties.class)
@ConditionalOnProperty(name = "kubesim.simulation.enabled", havingValue = "true", matchIfMissing = true)
public class SimulationConfiguration {

    @Bean
    NodePool nodePool(ResourceClient client, ClusterTime time, SimulationProperties props, ControllerManager manager) {
        NodePool pool = new NodePool(client, time, props);
        manager.beforeStart(pool::ensure);
        return pool;
    }

    @Bean(destroyMethod = "close")
    NodeAgents nodeAgents(ResourceClient client, InformerFactory informers, ClusterTime time, SimulationProperties props,
                          ScheduledExecutorService controlPlaneTimer) {
        return new NodeAgents(client, informers, time, props, controlPlaneTimer);
    }

    @Bean
    Prober prober(SimulationProperties props) {
        return new Prober(props.probeAllowedHosts());
    }

    /** The kubelets' container output, for pods/log. */
    @Bean
    io.kubesim.registry.PodLogSource podLogSource(Kubelet kubelet) {
        return kubelet::lines;
    }

    @Bean
    Kubelet kubelet(ResourceClient client, InformerFactory informers, ClusterTime time, EventRecorder events,
                    SimulationProperties props, NodeAgents nodes, Prober prober, ScheduledExecutorService controlPlaneTimer,
                    MeterRegistry meters, ControllerManager manager) {
        KubeletSettings settings = new KubeletSettings(props.sandboxDelay(), props.imagePullDelay(), props.containerStartDelay());
        Kubelet kubelet = new Kubelet(client, informers, time, events, settings, nodes, prober, props.kubeletWorkers(),
                controlPlaneTimer, meters);
        manager.register(ControllerManager.component("kubelet", kubelet::start, kubelet::stop));
        return kubelet;
    }

    @Bean
    Scheduler scheduler(ResourceClient client, InformerFactory informers, ClusterTime time, EventRecorder events,
                        ScheduledExecutorService controlPlaneTimer, MeterRegistry meters, ControllerManager manager) {
        Scheduler scheduler = new Scheduler(client, informers, time, events, controlPlaneTimer, meters);
        manager.register(ControllerManager.component("scheduler", scheduler::start, scheduler::stop));
        return scheduler;
    }

    @Bean(destroyMethod = "close")
    NodeLifecycleController nodeLifecycleController(ResourceClient client, InformerFactory informers, ClusterTime time,
                                                    EventRecorder events, SimulationProperties props,
                                                    ScheduledExecutorService controlPlaneTimer, ControllerManager manager) {
        NodeLifecycleController c = new NodeLifecycleController(client, informers, time, events, props, controlPlaneTimer);
        manager.register(ControllerManager.component("node-lifecycle", c::start, c::close));
        return c;
    }
}
