package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The working state of one Deployment sync: a private copy of the Deployment and its claimed ReplicaSets, both
 * replaced by what the API returns after each write (so later writes in the same sync carry fresh resource
 * versions), and when to look again.
 */
final class DeploymentSync {

    private Deployment deployment;
    private final List<ReplicaSet> replicaSets;
    private Duration recheck;

    DeploymentSync(Deployment deployment, List<ReplicaSet> replicaSets) {
        this.deployment = deployment;
        this.replicaSets = new ArrayList<>(replicaSets);
    }

    Deployment deployment() {
        return deployment;
    }

    /** Adopts the Deployment the API returned after a write. */
    void deployment(Deployment written) {
        this.deployment = written;
    }

    List<ReplicaSet> replicaSets() {
        return List.copyOf(replicaSets);
    }

    /** Replaces a ReplicaSet (same uid) by the version the API returned, or adds a created one. */
    ReplicaSet replace(ReplicaSet written) {
        for (int i = 0; i < replicaSets.size(); i++) {
            if (Objects.equals(replicaSets.get(i).getMetadata().getUid(), written.getMetadata().getUid())) {
                replicaSets.set(i, written);
                return written;
            }
        }
        replicaSets.add(written);
        return written;
    }

    /** The current version of a ReplicaSet seen earlier in this sync. */
    ReplicaSet current(ReplicaSet rs) {
        for (ReplicaSet r : replicaSets) {
            if (Objects.equals(r.getMetadata().getUid(), rs.getMetadata().getUid())) {
                return r;
            }
        }
        return rs;
    }

    Duration recheck() {
        return recheck;
    }

    void recheckAfter(Duration d) {
        this.recheck = d;
    }
}
