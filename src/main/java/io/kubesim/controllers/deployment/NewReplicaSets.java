package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import io.kubesim.controller.ClientException;
import io.kubesim.controller.ClusterTime;
import io.kubesim.controller.EventRecorder;
import io.kubesim.controller.Informer;
import io.kubesim.controller.ResourceClient;
import io.kubesim.controllers.replicaset.OwnerRefs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code getAllReplicaSetsAndSyncRevision} / {@code getNewReplicaSet}: finds the ReplicaSet whose template is
 * the Deployment's, brings its revision (max old revision + 1, the old one kept in {@code revision-history}),
 * annotations and minReadySeconds up to date and copies the revision to the Deployment; or creates it as
 * {@code <deployment>-<pod-template-hash>}, bumping {@code status.collisionCount} when that name is taken by a
 * different template.
 */
final class NewReplicaSets {

    /** The old ReplicaSets and the new one (null when it does not exist and was not to be created). */
    record Split(List<ReplicaSet> old, ReplicaSet newRS) {
        List<ReplicaSet> all() {
            return ReplicaSets.all(old, newRS);
        }
    }

    private final ResourceClient client;
    private final Informer<ReplicaSet> replicaSets;
    private final EventRecorder events;
    private final ClusterTime time;

    NewReplicaSets(ResourceClient client, Informer<ReplicaSet> replicaSets, EventRecorder events, ClusterTime time) {
        this.client = client;
        this.replicaSets = replicaSets;
        this.events = events;
        this.time = time;
    }

    /** Splits the sync's ReplicaSets into old and new, creating the new one when asked to. */
    Split split(DeploymentSync sync, boolean create) {
        List<ReplicaSet> old = ReplicaSets.findOld(sync.deployment(), sync.replicaSets());
        ReplicaSet newRS = newReplicaSet(sync, old, create);
        return new Split(old, newRS);
    }

    private ReplicaSet newReplicaSet(DeploymentSync sync, List<ReplicaSet> old, boolean create) {
        ReplicaSet existing = ReplicaSets.findNew(sync.deployment(), sync.replicaSets());
        String revision = Long.toString(DeploymentAnnotations.maxRevision(old) + 1);
        if (existing != null) {
            return syncExisting(sync, existing, revision);
        }
        return create ? create(sync, old, revision) : null;
    }

    private ReplicaSet syncExisting(DeploymentSync sync, ReplicaSet existing, String revision) {
        Deployment d = sync.deployment();
        ReplicaSet copy = new ReplicaSetBuilder(existing).build();
        boolean annotated = DeploymentAnnotations.setNewReplicaSetAnnotations(d, copy, revision, true,
                DeploymentAnnotations.MAX_REVISION_HISTORY_CHARS);
        if (annotated || ReplicaSets.minReadySeconds(copy) != Deployments.minReadySeconds(d)) {
            copy.getSpec().setMinReadySeconds(Deployments.minReadySeconds(d));
            return sync.replace(client.update(copy));
        }
        boolean write = DeploymentAnnotations.setDeploymentRevision(d,
                copy.getMetadata().getAnnotations().get(DeploymentAnnotations.REVISION));
        if (Deployments.hasProgressDeadline(d)
                && DeploymentConditions.get(d.getStatus(), DeploymentConditions.PROGRESSING) == null) {
            DeploymentConditions.set(Deployments.status(d), DeploymentConditions.create(DeploymentConditions.PROGRESSING,
                    "True", DeploymentConditions.FOUND_NEW_REPLICA_SET,
                    "Found new replica set \"" + copy.getMetadata().getName() + "\"", time.now()));
            write = true;
        }
        if (write) {
            sync.deployment(client.updateStatus(d));
        }
        return copy;
    }

    private ReplicaSet create(DeploymentSync sync, List<ReplicaSet> old, String revision) {
        Deployment d = sync.deployment();
        ReplicaSet rs = blueprint(d);
        rs.getSpec().setReplicas(RolloutMath.newRSNewReplicas(d, ReplicaSets.all(old, rs), rs));
        DeploymentAnnotations.setNewReplicaSetAnnotations(d, rs, revision, false,
                DeploymentAnnotations.MAX_REVISION_HISTORY_CHARS);
        ReplicaSet created;
        boolean alreadyExists = false;
        try {
            created = client.create(rs);
        } catch (ClientException e) {
            if (!e.isAlreadyExists()) {
                failed(sync, rs, e);
                throw e;
            }
            created = ours(sync, rs, e);
            alreadyExists = true;
        }
        sync.replace(created);
        int replicas = ReplicaSets.spec(rs);
        if (!alreadyExists && replicas > 0) {
            events.normal(d, null, ReplicaSetScaler.SOURCE, "ScalingReplicaSet", "Scaled up replica set "
                    + created.getMetadata().getName() + " from 0 to " + replicas);
        }
        recordCreation(sync, created, revision, alreadyExists);
        return created;
    }

    private void recordCreation(DeploymentSync sync, ReplicaSet created, String revision, boolean alreadyExists) {
        Deployment d = sync.deployment();
        boolean write = DeploymentAnnotations.setDeploymentRevision(d, revision);
        if (!alreadyExists && Deployments.hasProgressDeadline(d)) {
            DeploymentConditions.set(Deployments.status(d), DeploymentConditions.create(DeploymentConditions.PROGRESSING,
                    "True", DeploymentConditions.NEW_REPLICA_SET_CREATED,
                    "Created new replica set \"" + created.getMetadata().getName() + "\"", time.now()));
            write = true;
        }
        if (write) {
            sync.deployment(client.updateStatus(d));
        }
    }

    /**
     * The ReplicaSet that already has the new one's name: ours when this Deployment controls it and its template
     * equals the Deployment's; otherwise a hash collision, which bumps {@code collisionCount} and fails the sync.
     */
    private ReplicaSet ours(DeploymentSync sync, ReplicaSet wanted, ClientException alreadyExists) {
        Deployment d = sync.deployment();
        ReplicaSet found = replicaSets.get(wanted.getMetadata().getNamespace(), wanted.getMetadata().getName());
        if (found == null) {
            throw new ClientException(404, "NotFound", "replicaset.apps \"" + wanted.getMetadata().getName()
                    + "\" not found");
        }
        if (Objects.equals(OwnerRefs.controllerUid(found), d.getMetadata().getUid())
                && PodTemplateHash.templatesEqualIgnoringHash(d.getSpec().getTemplate(), found.getSpec().getTemplate())) {
            return found;
        }
        Integer count = Deployments.status(d).getCollisionCount();
        Deployments.status(d).setCollisionCount(count == null ? 1 : count + 1);
        sync.deployment(client.updateStatus(d));
        throw alreadyExists;
    }

    /** A failed create: Progressing False {@code ReplicaSetCreateError} (best effort) and a warning event. */
    private void failed(DeploymentSync sync, ReplicaSet rs, ClientException e) {
        if (e.code() == 403 && e.getMessage() != null && e.getMessage().contains("because it is being terminated")) {
            return;
        }
        Deployment d = sync.deployment();
        String message = "Failed to create new replica set \"" + rs.getMetadata().getName() + "\": " + e.getMessage();
        if (Deployments.hasProgressDeadline(d)) {
            DeploymentConditions.set(Deployments.status(d), DeploymentConditions.create(DeploymentConditions.PROGRESSING,
                    "False", DeploymentConditions.REPLICA_SET_CREATE_ERROR, message, time.now()));
            try {
                sync.deployment(client.updateStatus(d));
            } catch (ClientException ignored) {
                // the failure to create is the error worth reporting
            }
        }
        events.warning(d, null, ReplicaSetScaler.SOURCE, DeploymentConditions.REPLICA_SET_CREATE_ERROR, message);
    }

    /** The new ReplicaSet before sizing: name, owner, hash label on labels, selector and template. */
    static ReplicaSet blueprint(Deployment d) {
        String hash = PodTemplateHash.compute(d.getSpec().getTemplate(), d.getStatus() == null ? null
                : d.getStatus().getCollisionCount());
        PodTemplateSpec template = new PodTemplateSpecBuilder(d.getSpec().getTemplate()).build();
        if (template.getMetadata() == null) {
            template.setMetadata(new ObjectMeta());
        }
        template.getMetadata().setLabels(withHash(template.getMetadata().getLabels(), hash));
        LabelSelector selector = new LabelSelectorBuilder(d.getSpec().getSelector()).build();
        selector.setMatchLabels(withHash(selector.getMatchLabels(), hash));
        ObjectMeta m = new ObjectMeta();
        m.setName(d.getMetadata().getName() + "-" + hash);
        m.setNamespace(d.getMetadata().getNamespace());
        m.setOwnerReferences(new ArrayList<>(List.of(OwnerRefs.newControllerRef(d, "apps/v1", "Deployment"))));
        m.setLabels(new LinkedHashMap<>(template.getMetadata().getLabels()));
        ReplicaSetSpec spec = new ReplicaSetSpec();
        spec.setReplicas(0);
        spec.setMinReadySeconds(Deployments.minReadySeconds(d));
        spec.setSelector(selector);
        spec.setTemplate(template);
        ReplicaSet rs = new ReplicaSet();
        rs.setMetadata(m);
        rs.setSpec(spec);
        return rs;
    }

    private static Map<String, String> withHash(Map<String, String> labels, String hash) {
        Map<String, String> out = labels == null ? new LinkedHashMap<>() : new LinkedHashMap<>(labels);
        out.put(PodTemplateHash.LABEL, hash);
        return out;
    }
}
