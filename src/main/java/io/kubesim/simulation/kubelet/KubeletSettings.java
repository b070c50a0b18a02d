package io.kubesim.simulation.kubelet;

import java.time.Duration;

/**
 * The simulated kubelet's default timings (simulated durations, before the speed factor).
 *
 * @param sandboxDelay     pod sandbox + network setup (pod IP appears after it)
 * @param pullDelay        image pull when the image is not on the node yet
 * @param startDelay       container create + start
 */
public record KubeletSettings(Duration sandboxDelay, Duration pullDelay, Duration startDelay) {

    static final Duration BACKOFF_BASE = Duration.ofSeconds(10);
    static final Duration BACKOFF_MAX = Duration.ofSeconds(300);
    /** A failed pull is shown as ErrImagePull this long before ImagePullBackOff. */
    static final Duration ERR_IMAGE_PULL_VISIBLE = Duration.ofSeconds(1);

    public static KubeletSettings instant() {
        return new KubeletSettings(Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }
}
