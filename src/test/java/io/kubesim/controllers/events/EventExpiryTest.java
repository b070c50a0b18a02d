package io.kubesim.controllers.events;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.kubesim.controller.ResourceClient;
import io.kubesim.registry.ResourceRegistry;
import io.kubesim.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The TTL sweep reads events page by page and deletes exactly the ones last written before the cutoff. */
class EventExpiryTest extends ApiTestBase {

    @Autowired
    ResourceRegistry registry;

    @Test
    void deletesExactlyTheExpiredEventsAcrossSeveralPages() {
        ResourceClient controller = new ResourceClient(registry, "test");
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        int count = 1_100;
        for (int i = 0; i < count; i++) {
            boolean old = i % 2 == 0;
            // the sweep runs at now + 61 min (cutoff now + 1 min); creationTimestamp (now) counts as a write too
            String stamp = (old ? now.minus(Duration.ofMinutes(i % 7)) : now.plus(Duration.ofMinutes(2))).toString();
            controller.create(new EventBuilder().withNewMetadata().withName("e-" + i).withNamespace(namespace).endMetadata()
                    .withNewInvolvedObject().withKind("Pod").withName("p-" + i).withNamespace(namespace).endInvolvedObject()
                    .withReason("Test").withMessage("m").withType("Normal")
                    .withFirstTimestamp(stamp).withLastTimestamp(stamp).withCount(1).build());
        }
        EventExpiry expiry = new EventExpiry(controller, Clock.fixed(now.plus(Duration.ofMinutes(61)), ZoneOffset.UTC), Duration.ofHours(1), null);

        assertThat(expiry.sweep()).isEqualTo(count / 2);

        assertThat(client.v1().events().inNamespace(namespace).list().getItems())
                .hasSize(count / 2).extracting(Event::getMetadata)
                .allSatisfy(m -> assertThat(Integer.parseInt(m.getName().substring(2)) % 2).isEqualTo(1));
        assertThat(expiry.sweep()).isZero();
    }
}
