package io.kubesim.support;

import org.springframework.test.context.TestPropertySource;

/**
 * An API server with the simulated cluster and the workload controllers running, at 100× speed and no
 * simulated delays: a
 * five-minute eviction takes three seconds, so cluster behaviour is tested without sleeping.
 */
@TestPropertySource(properties = {
        "kubesim.simulation.enabled=true",
        "kubesim.controllers.enabled=true",
        "kubesim.simulation.speed=100",
        "kubesim.simulation.workers=3",
        "kubesim.simulation.sandbox-delay=0s",
        "kubesim.simulation.image-pull-delay=0s",
        "kubesim.simulation.container-start-delay=0s"
})
public abstract class ClusterTestBase extends ApiTestBase {
}
