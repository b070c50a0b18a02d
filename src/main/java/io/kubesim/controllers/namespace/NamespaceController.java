package io.kubesim.controllers.namespace;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceCondition;
import io.kubesim.controller.ClientException;
import io.kubesim.controller.ClusterTime;
import io.kubesim.controller.ControllerLoop;
import io.kubesim.controller.Deletion;
import io.kubesim.controller.Informer;
import io.kubesim.controller.InformerFactory;
import io.kubesim.controller.Reconciler;
import io.kubesim.controller.ResourceClient;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Deletes everything in a namespace that is being deleted, keeps the upstream deletion conditions
 * on its status while content remains, then removes the {@code kubernetes} finalizer through
 * {@code /finalize} and deletes the namespace.
 */
public final class NamespaceController implements Reconciler {

    static final String FINALIZER = "kubernetes";

    private final ResourceClient client;
    private final ClusterTime time;
    private final Informer<Namespace> namespaces;
    private final ControllerLoop loop;

    public NamespaceController(ResourceClient client, InformerFactory informers, ClusterTime time,
                               ScheduledExecutorService timer, MeterRegistry meters) {
        this.client = client.as("namespace-controller");
        this.time = time;
        this.namespaces = informers.informer(Namespace.class);
        this.loop = new ControllerLoop("namespace", this, 1, timer, meters);
        namespaces.addHandler(new Informer.Handler<>() {
            @Override
            public void onAdd(Namespace ns) {
                enqueue(ns);
            }

            @Override
            public void onUpdate(Namespace old, Namespace ns) {
                enqueue(ns);
            }
        });
    }

    private void enqueue(Namespace ns) {
        if (ns.getMetadata().getDeletionTimestamp() != null) {
            loop.enqueue(ns.getMetadata().getName());
        }
    }

    public void start() {
        loop.start();
    }

    public void stop() {
        loop.stop();
    }

    @Override
    public Result reconcile(String name) {
        Namespace ns = namespaces.get(null, name);
        if (ns == null || ns.getMetadata().getDeletionTimestamp() == null) {
            return Result.DONE;
        }
        Map<String, Integer> remaining = new TreeMap<>();
        Map<String, List<String>> finalizers = new TreeMap<>();
        for (var kind : client.kinds()) {
            if (!kind.getValue()) {
                continue;
            }
            deleteAll(kind.getKey(), name, remaining, finalizers);
        }
        if (!remaining.isEmpty()) {
            updateConditions(name, remaining, finalizers);
            return Result.after(Duration.ofMillis(250));
        }
        finalizeNamespace(name);
        return Result.DONE;
    }

    private <T extends HasMetadata> void deleteAll(Class<T> type, String namespace, Map<String, Integer> remaining,
                                                   Map<String, List<String>> finalizers) {
        List<T> items = client.list(type, namespace, null);
        if (items.isEmpty()) {
            return;
        }
        String plural = client.plural(type);
        remaining.put(plural, items.size());
        for (T item : items) {
            if (item.getMetadata().getFinalizers() != null) {
                for (String f : item.getMetadata().getFinalizers()) {
                    finalizers.computeIfAbsent(f, x -> new ArrayList<>()).add(plural);
                }
            }
            if (item.getMetadata().getDeletionTimestamp() == null) {
                try {
                    client.delete(type, namespace, item.getMetadata().getName(), Deletion.background()
                            .withUid(item.getMetadata().getUid()));
                } catch (ClientException e) {
                    if (!e.isNotFound() && e.code() != 409) {
                        throw e;
                    }
                }
            }
        }
    }

    private void updateConditions(String name, Map<String, Integer> remaining, Map<String, List<String>> finalizers) {
        String now = DateTimeFormatter.ISO_INSTANT.format(time.now().truncatedTo(ChronoUnit.SECONDS));
        List<String> parts = new ArrayList<>();
        remaining.forEach((res, n) -> parts.add(res + " has " + n + " resource instances"));
        List<String> fparts = new ArrayList<>();
        finalizers.forEach((f, res) -> fparts.add(f + " in " + res.size() + " resource instances"));
        List<NamespaceCondition> wanted = List.of(
                condition("NamespaceDeletionDiscoveryFailure", "False", "ResourcesDiscovered",
                        "All resources successfully discovered", now),
                condition("NamespaceDeletionGroupVersionParsingFailure", "False", "ParsedGroupVersions",
                        "All legacy kube types successfully parsed", now),
                condition("NamespaceDeletionContentFailure", "False", "ContentDeleted",
                        "All content successfully deleted, may be waiting on finalization", now),
                condition("NamespaceContentRemaining", "True", "SomeResourcesRemain",
                        "Some resources are remaining: " + String.join(", ", parts), now),
                fparts.isEmpty() ? condition("NamespaceFinalizersRemaining", "False", "ContentHasNoFinalizers",
                        "All content-preserving finalizers finished", now)
                        : condition("NamespaceFinalizersRemaining", "True", "SomeFinalizersRemain",
                        "Some content in the namespace has finalizers remaining: " + String.join(", ", fparts), now));
        try {
            client.editStatus(Namespace.class, null, name, ns -> {
                List<NamespaceCondition> current = ns.getStatus().getConditions() == null ? List.of() : ns.getStatus().getConditions();
                List<NamespaceCondition> next = new ArrayList<>();
                boolean changed = false;
                for (NamespaceCondition w : wanted) {
                    NamespaceCondition c = current.stream().filter(x -> x.getType().equals(w.getType())).findFirst().orElse(null);
                    if (c != null && Objects.equals(c.getStatus(), w.getStatus()) && Objects.equals(c.getMessage(), w.getMessage())
                            && Objects.equals(c.getReason(), w.getReason())) {
                        next.add(c);
                    } else {
                        next.add(w);
                        changed = true;
                    }
                }
                if (!changed) {
                    return null;
                }
                ns.getStatus().setConditions(next);
                return ns;
            });
        } catch (ClientException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
    }

    private static NamespaceCondition condition(String type, String status, String reason, String message, String now) {
        NamespaceCondition c = new NamespaceCondition();
        c.setType(type);
        c.setStatus(status);
        c.setReason(reason);
        c.setMessage(message);
        c.setLastTransitionTime(now);
        return c;
    }

    private void finalizeNamespace(String name) {
        try {
            client.finalizeNamespace(name, FINALIZER);
            client.delete(Namespace.class, null, name, Deletion.defaults());
        } catch (ClientException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
    }
}
