package io.kubesim.api;

import io.kubesim.registry.RegistryProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.kubesim.registry.ResourceRegistry;
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

    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<RequestLog> requestLog(
            @org.springframework.beans.factory.annotation.Value("${kubesim.logging.requests-format:text}") String format) {
        var bean = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new RequestLog("json".equals(format)));
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
