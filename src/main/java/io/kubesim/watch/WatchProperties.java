package io.kubesim.watch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Set;

/**
 * Watch cache settings ({@code kubesim.watch.*}).
 *
 * @param windowSize       events kept per resource for resuming watches and paging at old revisions
 * @param queueCapacity    live events queued per watcher before it is cut as too slow
 * @param bookmarkInterval how often watchers that allow bookmarks get one
 * @param compressedResources resources whose cached documents are kept deflated with a per-resource dictionary
 *                         ({@code events}: many, written once, rarely read; add {@code pods} for clusters of
 *                         100,000 pods, at the price of an inflate per pod on every list, get and watch replay)
 */
@ConfigurationProperties("kubesim.watch")
public record WatchProperties(@DefaultValue("10000") int windowSize,
                              @DefaultValue("10000") int queueCapacity,
                              @DefaultValue("60s") Duration bookmarkInterval,
                              @DefaultValue("events") Set<String> compressedResources) {

    public WatchProperties {
        compressedResources = compressedResources == null ? Set.of() : Set.copyOf(compressedResources);
    }
}
