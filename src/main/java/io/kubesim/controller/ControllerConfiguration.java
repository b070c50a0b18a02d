package io.kubesim.controller;

import io.kubesim.registry.ResourceRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The shared pieces of the in-process control plane. */
@Configuration(proxyBeanMethods = false)
public class ControllerConfiguration {

    @Bean
    ClusterTime clusterTime(Clock clock, @Value("${kubesim.simulation.speed:1.0}") double speed) {
        return new ClusterTime(clock, speed);
    }

    @Bean
    ResourceClient resourceClient(ResourceRegistry registry) {
        return new ResourceClient(registry, "kube-controller-manager");
    }

    @Bean(destroyMethod = "close")
    InformerFactory informerFactory(ResourceClient client) {
        return new InformerFactory(client);
    }

    @Bean(destroyMethod = "close")
    EventRecorder eventRecorder(ResourceClient client, ClusterTime time) {
        return new EventRecorder(client, time);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService controlPlaneTimer() {
        return Executors.newScheduledThreadPool(2, DaemonThreads.numbered("kubesim-control-plane-timer"));
    }

    /** pods/log reads what the node agents' {@link ContainerLogs} hold (nothing when no simulation runs). */
    @Bean
    io.kubesim.registry.PodLogSource podLogSource(org.springframework.beans.factory.ObjectProvider<ContainerLogs> logs) {
        return (uid, container, previous) -> {
            ContainerLogs source = logs.getIfAvailable();
            return source == null ? java.util.List.of() : source.lines(uid, container, previous).stream()
                    .map(l -> new io.kubesim.registry.PodLogSource.Line(l.at(), l.text())).toList();
        };
    }

    @Bean
    ControllerManager controllerManager(InformerFactory informers) {
        return new ControllerManager(informers);
    }
}
