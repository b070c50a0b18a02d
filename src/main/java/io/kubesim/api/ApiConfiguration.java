package io.kubesim.api;

import io.kubesim.registry.RegistryProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.kubesim.registry.ResourceRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.websocket.server.WsSci;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Wires the HTTP layer's helpers. */
@Configuration(proxyBeanMethods = false)
public class ApiConfiguration {

    @Bean
    Encoders encoders() {
        return new Encoders();
    }

    @Bean
    TablePrinters tablePrinters() {
        return Printers.all();
    }

    @Bean
    TableConverter tableConverter(TablePrinters printers, Clock clock) {
        return new TableConverter(printers, clock);
    }

    @Bean
    Responder responder(Encoders encoders, TableConverter tables) {
        return new Responder(encoders, tables);
    }

    @Bean
    ProtobufBodies protobufBodies() {
        return new ProtobufBodies();
    }

    @Bean
    RequestBodies requestBodies(RegistryProperties properties, Encoders encoders, ProtobufBodies protobuf) {
        return new RequestBodies(properties.maxBodyBytes(), encoders, protobuf);
    }

    @Bean(destroyMethod = "close")
    WatchStreamer watchStreamer(RegistryProperties properties, MeterRegistry meters) {
        int writers = Math.max(2, Runtime.getRuntime().availableProcessors());
        return new WatchStreamer(Executors.newFixedThreadPool(writers, named("kubesim-watch-writer")),
                Executors.newSingleThreadScheduledExecutor(named("kubesim-watch-timer")),
                properties.minRequestTimeout().toSeconds(), properties.maxWatchTimeout().toSeconds(), meters);
    }

    @Bean
    Discovery discovery(ResourceRegistry registry) {
        return new Discovery(registry.catalog());
    }

    @Bean
    DiscoveryEndpoint discoveryEndpoint(Discovery discovery, Responder responder) {
        return new DiscoveryEndpoint(discovery, responder);
    }

    @Bean
    WatchEncoders watchEncoders(Encoders encoders, TableConverter tables) {
        return new WatchEncoders(encoders, tables);
    }

    @Bean
    SubresourceHandlers subresourceHandlers(ResourceRegistry registry, Responder responder, RequestBodies bodies,
                                            io.kubesim.registry.PodLogs logs, Clock clock) {
        return new SubresourceHandlers(registry, responder, bodies,
                new PodSubresources(registry, logs, bodies, responder, clock));
    }

    /**
     * The one meter registry, always Prometheus: {@code /metrics} renders it (also in tests, where Spring Boot would
     * otherwise fall back to a simple registry), and Spring Boot's auto-configuration backs off for both beans.
     */
    @Bean
    PrometheusRegistry prometheusRegistry() {
        return new PrometheusRegistry();
    }

    @Bean
    PrometheusMeterRegistry prometheusMeterRegistry(PrometheusRegistry registry) {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, registry, io.micrometer.core.instrument.Clock.SYSTEM);
    }

    @Bean
    RequestMetrics requestMetrics(MeterRegistry meters) {
        return new RequestMetrics(meters);
    }

    @Bean
    ClusterGauges clusterGauges(ResourceRegistry registry, MeterRegistry meters,
                                @Value("${kubesim.simulation.enabled:true}") boolean simulation) {
        return new ClusterGauges(registry, simulation, meters);
    }

    @Bean
    ResourceEndpoint resourceEndpoint(ResourceRegistry registry, Responder responder, RequestBodies bodies,
                                      WatchStreamer watches, DiscoveryEndpoint discovery, WatchEncoders watchEncoders,
                                      SubresourceHandlers subresources) {
        return new ResourceEndpoint(registry, responder, bodies, watches, discovery, watchEncoders, subresources);
    }

    /** {@code /api} and {@code /apis} on their own servlet (see {@link ApiServlet}); everything else stays on MVC. */
    @Bean
    ServletRegistrationBean<ApiServlet> apiServlet(ResourceEndpoint endpoint) {
        var bean = new ServletRegistrationBean<>(new ApiServlet(endpoint), "/api/*", "/apis/*");
        bean.setName("kubesim-api");
        bean.setAsyncSupported(true);
        bean.setLoadOnStartup(1);
        return bean;
    }

    /**
     * Tomcat's own error reports (requests it refuses before any servlet runs) as Status documents: Spring Boot adds a
     * plain {@link org.apache.catalina.valves.ErrorReportValve} to the host; this customizer runs after it and puts
     * {@link StatusErrorReportValve} in its place.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> statusErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve v : host.getPipeline().getValves()) {
                    if (v instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(v);
                    }
                }
                host.setErrorReportValveClass(StatusErrorReportValve.class.getName());
                host.getPipeline().addValve(new StatusErrorReportValve());
            }
        });
    }

    /**
     * Tomcat's WebSocket container, for watches over WebSocket ({@link WebSocketWatches}): embedded Tomcat runs no
     * container initializers of its own, and kubesim registers no annotated endpoints, so this only makes the
     * container available for upgrades.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> webSocketContainer() {
        return factory -> factory.addContextCustomizers(context -> context.addServletContainerInitializer(new WsSci(), null));
    }

    @Bean
    FilterRegistrationBean<RequestLog> requestLog(@Value("${kubesim.logging.requests-format:text}") String format,
                                                  ResourceRegistry registry, RequestMetrics metrics, Clock clock) {
        boolean json = switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "json" -> true;
            case "text" -> false;
            default -> throw new IllegalArgumentException(
                    "kubesim.logging.requests-format must be text or json, not " + format);
        };
        if (json) {
            JsonRequestLines.install();
        } else {
            JsonRequestLines.uninstall();
        }
        var bean = new FilterRegistrationBean<>(new RequestLog(json, registry.catalog(), metrics, clock));
        bean.setOrder(Integer.MIN_VALUE + 10);
        bean.setAsyncSupported(true);
        return bean;
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
