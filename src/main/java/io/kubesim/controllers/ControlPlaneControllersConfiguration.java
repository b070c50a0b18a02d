package io.kubesim.controllers;

import io.kubesim.controller.ClusterTime;
import io.kubesim.controller.ControllerManager;
import io.kubesim.controller.InformerFactory;
import io.kubesim.controller.ResourceClient;
import io.kubesim.controllers.endpoint.EndpointsController;
import io.kubesim.controllers.endpointslice.EndpointSliceController;
import io.kubesim.controllers.events.EventExpiry;
import io.kubesim.controllers.garbagecollector.GarbageCollector;
import io.kubesim.controllers.namespace.NamespaceController;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * kube-controller-manager's cluster-wide controllers (garbage collector, namespace, endpoints, endpoint slices) and
 * the apiserver's event expiry. On unless {@code kubesim.controllers.enabled=false}; they do not need the simulated
 * nodes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kubesim.controllers.enabled", havingValue = "true", matchIfMissing = true)
public class ControlPlaneControllersConfiguration {

    @Bean
    GarbageCollector garbageCollector(ResourceClient client, InformerFactory informers,
                                      @Qualifier("controlPlaneTimer") ScheduledExecutorService timer,
                                      MeterRegistry meters, ControllerManager manager) {
        GarbageCollector gc = new GarbageCollector(client, informers, timer, meters);
        manager.register(ControllerManager.component("garbage-collector", gc::start, gc::stop));
        return gc;
    }

    @Bean
    NamespaceController namespaceController(ResourceClient client, InformerFactory informers, ClusterTime time,
                                            @Qualifier("controlPlaneTimer") ScheduledExecutorService timer,
                                            MeterRegistry meters, ControllerManager manager) {
        NamespaceController c = new NamespaceController(client, informers, time, timer, meters);
        manager.register(ControllerManager.component("namespace", c::start, c::stop));
        return c;
    }

    @Bean
    EndpointsController endpointsController(ResourceClient client, InformerFactory informers, ClusterTime time,
                                            @Qualifier("controlPlaneTimer") ScheduledExecutorService timer,
                                            MeterRegistry meters, ControllerManager manager) {
        EndpointsController c = new EndpointsController(client, informers, time, timer, meters);
        manager.register(ControllerManager.component("endpoint", c::start, c::stop));
        return c;
    }

    @Bean
    EndpointSliceController endpointSliceController(ResourceClient client, InformerFactory informers,
                                                    @Qualifier("controlPlaneTimer") ScheduledExecutorService timer,
                                                    MeterRegistry meters, ControllerManager manager) {
        EndpointSliceController c = new EndpointSliceController(client, informers, timer, meters);
        manager.register(ControllerManager.component("endpointslice", c::start, c::stop));
        return c;
    }

    @Bean
    EventExpiry eventExpiry(ResourceClient client, Clock clock, @Value("${kubesim.events.ttl:1h}") Duration ttl,
                            @Qualifier("controlPlaneTimer") ScheduledExecutorService timer, ControllerManager manager) {
        EventExpiry e = new EventExpiry(client, clock, ttl, timer);
        manager.register(ControllerManager.component("event-expiry", e::start, e::stop));
        return e;
    }
}
