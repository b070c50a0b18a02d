package io.kubesim.registry;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.kubesim.registry.codec.ObjectCodec;
import io.kubesim.registry.kinds.Kinds;
import io.kubesim.registry.kinds.ServiceIpAllocator;
import io.kubesim.storage.ObjectStore;
import io.kubesim.watch.WatchHub;
import io.kubesim.watch.WatchProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.util.List;

/** Wires the catalog, the watch cache (rebuilt from the store) and the registry, then ensures the system namespaces. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RegistryProperties.class, WatchProperties.class})
public class RegistryConfiguration {

    static final List<String> SYSTEM_NAMESPACES = List.of("default", "kube-system", "kube-public", "kube-node-lease");

    @Bean
    ObjectCodec objectCodec() {
        return new ObjectCodec();
    }

    @Bean
    ServiceIpAllocator serviceIpAllocator(RegistryProperties properties) {
        return new ServiceIpAllocator(properties.serviceClusterIpRange());
    }

    @Bean
    ResourceCatalog resourceCatalog(ServiceIpAllocator ips) {
        return Kinds.catalog(ips);
    }

    @Bean
    WatchHub watchHub(ObjectStore store, ObjectCodec codec, ResourceCatalog catalog, WatchProperties properties) {
        WatchHub hub = new WatchHub(store, ResourceRegistry.indexer(codec, catalog), properties);
        ResourceRegistry.describe(catalog, hub);
        hub.start();
        return hub;
    }

    @Bean
    ResourceRegistry resourceRegistry(ResourceCatalog catalog, ObjectCodec codec, ObjectStore store, WatchHub hub,
                                      Clock clock, RegistryProperties properties, ServiceIpAllocator ips) {
        ResourceRegistry registry = new ResourceRegistry(catalog, codec, store, hub, clock, properties);
        ips.source(() -> clusterIps(registry));
        ensureSystemNamespaces(registry);
        new KubernetesService(registry, ips).ensure();
        return registry;
    }

    /** pods/log, reading from whichever node agent provides a {@link PodLogSource} (none without simulation). */
    @Bean
    PodLogs podLogs(ResourceRegistry registry, org.springframework.beans.factory.ObjectProvider<PodLogSource> sources) {
        return new PodLogs(registry, (uid, container, previous) -> sources.getIfAvailable(() -> PodLogSource.NONE)
                .lines(uid, container, previous));
    }

    private static java.util.Set<String> clusterIps(ResourceRegistry registry) {
        var s = registry.catalog().strategy(io.fabric8.kubernetes.api.model.Service.class);
        java.util.Set<String> out = new java.util.HashSet<>();
        for (ApiObject o : registry.list(s, null, ListOptions.all()).items()) {
            var svc = registry.decode(o, s);
            if (svc.getSpec() != null && svc.getSpec().getClusterIP() != null) {
                out.add(svc.getSpec().getClusterIP());
            }
        }
        return out;
    }

    private static void ensureSystemNamespaces(ResourceRegistry registry) {
        var s = registry.catalog().strategy(Namespace.class);
        for (String name : SYSTEM_NAMESPACES) {
            try {
                registry.get(s, null, name);
            } catch (ApiException e) {
                try {
                    registry.create(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build(),
                            WriteOptions.manager("kube-apiserver"));
                } catch (ApiException raced) {
                    if (raced.reason() != StatusReason.ALREADY_EXISTS) {
                        throw raced;
                    }
                }
            }
        }
    }

    @Bean
    BookmarkTicker bookmarkTicker(WatchHub hub) {
        return new BookmarkTicker(hub);
    }

    /** Sends the periodic bookmarks to watchers that allow them. */
    public static final class BookmarkTicker {
        private final WatchHub hub;

        BookmarkTicker(WatchHub hub) {
            this.hub = hub;
        }

        @Scheduled(fixedDelayString = "${kubesim.watch.bookmark-interval:60s}",
                initialDelayString = "${kubesim.watch.bookmark-interval:60s}")
        public void tick() {
            hub.bookmarkAll();
        }
    }
}
