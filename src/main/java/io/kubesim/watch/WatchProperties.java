package io.kubesim.watch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Watch cache settings ({@code kubesim.watch.*}).
 *
 * @param windowSize       events kept per resource for resuming watches and paging at old revisions
 * @param queueCapacity    live events queued per watcher before it is cut as too slow
 * @param bookmarkInterval how often watchers that allow bookmarks get one
 */
@ConfigurationProperties("kubesim.watch")
public record WatchProperties(@DefaultValue("10000") int windowSize,
                              @DefaultValue("10000") int queueCapacity,
                              @DefaultValue("60s") Duration bookmarkInterval) {
}
