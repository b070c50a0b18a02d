package io.kubesim.controllers.endpointslice;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointConditions;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.kubesim.controller.ClientException;
import io.kubesim.controller.ControllerLoop;
import io.kubesim.controller.Deletion;
import io.kubesim.controller.Informer;
import io.kubesim.controller.InformerFactory;
import io.kubesim.controller.Reconciler;
import io.kubesim.controller.ResourceClient;
import io.kubesim.controllers.endpoint.ServiceBackends;
import io.kubesim.controllers.endpoint.ServiceTriggers;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The EndpointSlice controller: a selector Service's backends (terminating ones included, with their
 * ready/serving/terminating conditions) in IPv4 slices of at most 100 endpoints per port set, named after the
 * Service, labelled {@code kubernetes.io/service-name} and owned by it (so the garbage collector removes them). A
 * Service without backends gets one empty placeholder slice, as upstream.
 */
public final class EndpointSliceController implements Reconciler {

    public static final String SERVICE_NAME = "kubernetes.io/service-name";
    public static final String MANAGED_BY = "endpointslice.kubernetes.io/managed-by";
    public static final String CONTROLLER = "endpointslice-controller.k8s.io";
    static final String HEADLESS = "service.kubernetes.io/headless";
    static final int MAX_ENDPOINTS = 100;

    private final ResourceClient client;
    private final Informer<Service> services;
    private final Informer<Pod> pods;
    private final Informer<Node> nodes;
    private final Informer<EndpointSlice> slices;
    private final ControllerLoop loop;
    /** Writes not yet seen by the slice informer, per service: slice name → revision (-1 once deleted). */
    private final Map<String, Map<String, Long>> unseen = new ConcurrentHashMap<>();

    public EndpointSliceController(ResourceClient client, InformerFactory informers, ScheduledExecutorService timer,
                                   MeterRegistry meters) {
        this.client = client.as("endpointslice-controller");
        this.services = informers.informer(Service.class);
        this.pods = informers.informer(Pod.class);
        this.nodes = informers.informer(Node.class);
        this.slices = informers.informer(EndpointSlice.class);
        slices.addIndex("service", s -> {
            Map<String, String> l = s.getMetadata().getLabels();
            return l == null || !CONTROLLER.equals(l.get(MANAGED_BY)) || l.get(SERVICE_NAME) == null ? List.of()
                    : List.of(s.getMetadata().getNamespace() + "/" + l.get(SERVICE_NAME));
        });
        this.loop = new ControllerLoop("endpointslice", this, 2, timer, meters);
        ServiceTriggers.register(services, pods, loop::enqueue);
        slices.addHandler(new Informer.Handler<>() {
            @Override
            public void onDelete(EndpointSlice s) {
                Map<String, String> l = s.getMetadata().getLabels();
                if (l != null && CONTROLLER.equals(l.get(MANAGED_BY)) && l.get(SERVICE_NAME) != null) {
                    loop.enqueue(s.getMetadata().getNamespace() + "/" + l.get(SERVICE_NAME));
                }
            }
        });
    }

    /** Starts the workers and a resync of every Service every {@link ServiceTriggers#RESYNC}. */
    public synchronized void start() {
        loop.start(ServiceTriggers.RESYNC, services::keys);
    }

    public synchronized void stop() {
        loop.stop();
    }

    @Override
    public Result reconcile(String key) {
        Service svc = services.get(key);
        if (svc == null || !ServiceBackends.managed(svc)) {
            unseen.remove(key);
            return Result.DONE;
        }
        if (!caughtUp(key)) {
            return Result.after(Duration.ofMillis(20));
        }
        String namespace = svc.getMetadata().getNamespace();
        List<Content> desired = desired(svc, ServiceBackends.backends(svc, pods.inNamespace(namespace), true));
        List<EndpointSlice> existing = new ArrayList<>(slices.byIndex("service", key));
        existing.sort(Comparator.comparing(s -> s.getMetadata().getName()));
        Map<String, String> labels = labels(svc);
        OwnerReference owner = owner(svc);
        Map<String, Long> written = new ConcurrentHashMap<>();
        try {
            for (int i = 0; i < Math.max(desired.size(), existing.size()); i++) {
                if (i >= desired.size()) {
                    EndpointSlice gone = existing.get(i);
                    client.delete(EndpointSlice.class, namespace, gone.getMetadata().getName(),
                            Deletion.defaults().withUid(gone.getMetadata().getUid()));
                    written.put(gone.getMetadata().getName(), -1L);
                    continue;
                }
                Content c = desired.get(i);
                EndpointSlice current = i < existing.size() ? existing.get(i) : null;
                if (current != null && c.matches(current) && Objects.equals(current.getMetadata().getLabels(), labels)
                        && current.getMetadata().getOwnerReferences() != null
                        && current.getMetadata().getOwnerReferences().contains(owner)) {
                    continue;
                }
                EndpointSlice next = c.toSlice(svc, labels, owner, current);
                EndpointSlice saved = current == null ? client.create(next) : client.update(next);
                written.put(saved.getMetadata().getName(), Long.parseLong(saved.getMetadata().getResourceVersion()));
            }
        } catch (ClientException e) {
            if (e.code() == 409 || e.isNotFound()) {
                return Result.after(Duration.ofMillis(50));
            }
            throw e;
        } finally {
            if (!written.isEmpty()) {
                unseen.put(key, written);
            }
        }
        return Result.DONE;
    }

    /** True once the slice informer shows every write of the last reconcile of this service. */
    private boolean caughtUp(String key) {
        Map<String, Long> expected = unseen.get(key);
        if (expected == null) {
            return true;
        }
        String namespace = key.substring(0, key.indexOf('/'));
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            EndpointSlice seen = slices.get(namespace, e.getKey());
            if (e.getValue() < 0 ? seen != null
                    : seen == null || Long.parseLong(seen.getMetadata().getResourceVersion()) < e.getValue()) {
                return false;
            }
        }
        unseen.remove(key, expected);
        return true;
    }

    /** One slice's content: its ports and endpoints. */
    record Content(List<EndpointPort> ports, List<Endpoint> endpoints) {

        boolean matches(EndpointSlice s) {
            return "IPv4".equals(s.getAddressType()) && Objects.equals(empty(s.getPorts()), empty(ports))
                    && Objects.equals(empty(s.getEndpoints()), empty(endpoints));
        }

        private static <T> List<T> empty(List<T> l) {
            return l == null ? List.of() : l;
        }

        EndpointSlice toSlice(Service svc, Map<String, String> labels, OwnerReference owner, EndpointSlice current) {
            EndpointSlice s = new EndpointSlice();
            ObjectMeta m = new ObjectMeta();
            m.setNamespace(svc.getMetadata().getNamespace());
            if (current == null) {
                m.setGenerateName(svc.getMetadata().getName() + "-");
            } else {
                m.setName(current.getMetadata().getName());
                m.setUid(current.getMetadata().getUid());
                m.setResourceVersion(current.getMetadata().getResourceVersion());
                m.setAnnotations(current.getMetadata().getAnnotations());
            }
            m.setLabels(labels);
            m.setOwnerReferences(List.of(owner));
            s.setMetadata(m);
            s.setAddressType("IPv4");
            s.setPorts(ports.isEmpty() ? null : ports);
            s.setEndpoints(endpoints.isEmpty() ? null : endpoints);
            return s;
        }
    }

    private List<Content> desired(Service svc, List<ServiceBackends.Backend> backends) {
        boolean publishNotReady = ServiceBackends.publishNotReady(svc);
        Map<List<EndpointPort>, List<Endpoint>> byPorts = new LinkedHashMap<>();
        for (ServiceBackends.Backend b : backends) {
            List<EndpointPort> ports = new ArrayList<>();
            for (ServiceBackends.Port p : b.ports()) {
                EndpointPort ep = new EndpointPort();
                ep.setName(p.name() == null ? "" : p.name());
                ep.setPort(p.port());
                ep.setProtocol(p.protocol());
                ep.setAppProtocol(p.appProtocol());
                ports.add(ep);
            }
            byPorts.computeIfAbsent(ports, k -> new ArrayList<>()).add(endpoint(svc, b, publishNotReady));
        }
        List<Content> out = new ArrayList<>();
        byPorts.forEach((ports, endpoints) -> {
            for (int i = 0; i < endpoints.size(); i += MAX_ENDPOINTS) {
                out.add(new Content(ports, List.copyOf(endpoints.subList(i, Math.min(endpoints.size(), i + MAX_ENDPOINTS)))));
            }
        });
        if (out.isEmpty()) {
            out.add(new Content(List.of(), List.of()));
        }
        return out;
    }

    private Endpoint endpoint(Service svc, ServiceBackends.Backend b, boolean publishNotReady) {
        Pod pod = b.pod();
        Endpoint e = new Endpoint();
        e.setAddresses(List.of(b.ip()));
        boolean serving = b.ready() || publishNotReady;
        e.setConditions(new EndpointConditions(publishNotReady || (b.ready() && !b.terminating()), serving,
                b.terminating()));
        String hostname = pod.getSpec().getHostname();
        if (hostname != null && !hostname.isEmpty() && svc.getMetadata().getName().equals(pod.getSpec().getSubdomain())) {
            e.setHostname(hostname);
        }
        String nodeName = pod.getSpec().getNodeName();
        if (nodeName != null && !nodeName.isEmpty()) {
            e.setNodeName(nodeName);
            Node node = nodes.get(null, nodeName);
            if (node != null && node.getMetadata().getLabels() != null) {
                e.setZone(node.getMetadata().getLabels().get("topology.kubernetes.io/zone"));
            }
        }
        ObjectReference ref = new ObjectReference();
        ref.setKind("Pod");
        ref.setNamespace(pod.getMetadata().getNamespace());
        ref.setName(pod.getMetadata().getName());
        ref.setUid(pod.getMetadata().getUid());
        e.setTargetRef(ref);
        return e;
    }

    static Map<String, String> labels(Service svc) {
        Map<String, String> labels = new TreeMap<>();
        if (svc.getMetadata().getLabels() != null) {
            labels.putAll(svc.getMetadata().getLabels());
        }
        labels.remove(HEADLESS);
        labels.put(SERVICE_NAME, svc.getMetadata().getName());
        labels.put(MANAGED_BY, CONTROLLER);
        if (ServiceBackends.headless(svc)) {
            labels.put(HEADLESS, "");
        }
        return labels;
    }

    static OwnerReference owner(Service svc) {
        OwnerReference r = new OwnerReference();
        r.setApiVersion("v1");
        r.setKind("Service");
        r.setName(svc.getMetadata().getName());
        r.setUid(svc.getMetadata().getUid());
        r.setController(true);
        r.setBlockOwnerDeletion(true);
        return r;
    }
}
