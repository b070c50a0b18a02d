package io.kubesim.registry;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.kubesim.registry.codec.ObjectCodec;
import io.kubesim.registry.kinds.Kinds;
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
    ResourceCatalog resourceCatalog() {
        return Kinds.catalog();
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
                                      Clock clock, RegistryProperties properties) {
        ResourceRegistry registry = new ResourceRegistry(catalog, codec, store, hub, clock, properties);
        ensureSystemNamespaces(registry);
        return registry;
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
