package io.kubesim.controllers.endpoint;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.kubesim.controller.ClientException;
import io.kubesim.controller.ClusterTime;
import io.kubesim.controller.ControllerLoop;
import io.kubesim.controller.Deletion;
import io.kubesim.controller.Informer;
import io.kubesim.controller.InformerFactory;
import io.kubesim.controller.Reconciler;
import io.kubesim.controller.ResourceClient;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The Endpoints controller: for every Service with a selector, an Endpoints object of the same name listing the
 * selected pods' IPs, ready ones in {@code addresses} and the others in {@code notReadyAddresses}, grouped into
 * subsets by the ports they serve; deleted with the Service.
 */
public final class EndpointsController implements Reconciler {

    static final String TRIGGER_TIME = "endpoints.kubernetes.io/last-change-trigger-time";
    static final String OVER_CAPACITY = "endpoints.kubernetes.io/over-capacity";
    static final String HEADLESS = "service.kubernetes.io/headless";
    static final int MAX_ADDRESSES = 1000;

    private final ResourceClient client;
    private final ClusterTime time;
    private final Informer<Service> services;
    private final Informer<Pod> pods;
    private final Informer<Endpoints> endpoints;
    private final ControllerLoop loop;

    public EndpointsController(ResourceClient client, InformerFactory informers, ClusterTime time,
                               ScheduledExecutorService timer, MeterRegistry meters) {
        this.client = client.as("endpoint-controller");
        this.time = time;
        this.services = informers.informer(Service.class);
        this.pods = informers.informer(Pod.class);
        this.endpoints = informers.informer(Endpoints.class);
        this.loop = new ControllerLoop("endpoint", this, 2, timer, meters);
        ServiceTriggers.register(services, pods, loop::enqueue);
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
        int slash = key.indexOf('/');
        String namespace = key.substring(0, slash);
        String name = key.substring(slash + 1);
        Service svc = services.get(key);
        Endpoints current = endpoints.get(key);
        if (svc == null) {
            if (current != null) {
                client.delete(Endpoints.class, namespace, name, Deletion.defaults());
            }
            return Result.DONE;
        }
        if (!ServiceBackends.managed(svc)) {
            return Result.DONE;
        }
        List<ServiceBackends.Backend> backends = ServiceBackends.backends(svc, pods.inNamespace(namespace),
                ServiceBackends.publishNotReady(svc));
        boolean truncated = countAddresses(backends) > MAX_ADDRESSES;
        List<EndpointSubset> subsets = subsets(backends, ServiceBackends.publishNotReady(svc));
        if (truncated) {
            subsets = truncate(subsets);
        }
        Map<String, String> labels = labels(svc);
        boolean wasTruncated = current != null && current.getMetadata().getAnnotations() != null
                && current.getMetadata().getAnnotations().containsKey(OVER_CAPACITY);
        if (current != null && Objects.equals(nullIfEmpty(current.getSubsets()), nullIfEmpty(subsets))
                && Objects.equals(nullIfEmpty(current.getMetadata().getLabels()), nullIfEmpty(labels))
                && truncated == wasTruncated) {
            return Result.DONE;
        }
        Endpoints next = new Endpoints();
        ObjectMeta m = new ObjectMeta();
        m.setName(name);
        m.setNamespace(namespace);
        m.setLabels(labels);
        Map<String, String> annotations = new LinkedHashMap<>();
        if (current != null && current.getMetadata().getAnnotations() != null) {
            annotations.putAll(current.getMetadata().getAnnotations());
        }
        annotations.put(TRIGGER_TIME, DateTimeFormatter.ISO_INSTANT.format(time.now().truncatedTo(ChronoUnit.SECONDS)));
        if (truncated) {
            annotations.put(OVER_CAPACITY, "truncated");
        } else {
            annotations.remove(OVER_CAPACITY);
        }
        m.setAnnotations(annotations);
        next.setMetadata(m);
        next.setSubsets(subsets.isEmpty() ? null : subsets);
        try {
            if (current == null) {
                client.create(next);
            } else {
                m.setResourceVersion(current.getMetadata().getResourceVersion());
                m.setUid(current.getMetadata().getUid());
                client.update(next);
            }
        } catch (ClientException e) {
            if (e.code() == 409) {
                return Result.after(java.time.Duration.ofMillis(50));
            }
            throw e;
        }
        return Result.DONE;
    }

    private static <T> T nullIfEmpty(T value) {
        if (value instanceof java.util.Collection<?> c && c.isEmpty()) {
            return null;
        }
        if (value instanceof Map<?, ?> mm && mm.isEmpty()) {
            return null;
        }
        return value;
    }

    private static int countAddresses(List<ServiceBackends.Backend> backends) {
        return backends.size();
    }

    static Map<String, String> labels(Service svc) {
        Map<String, String> labels = new TreeMap<>();
        if (svc.getMetadata().getLabels() != null) {
            labels.putAll(svc.getMetadata().getLabels());
        }
        if (ServiceBackends.headless(svc)) {
            labels.put(HEADLESS, "");
        }
        return labels;
    }

    /**
     * {@code RepackSubsets}: one subset per distinct set of ports, addresses sorted by IP (then pod uid), ports by
     * name and number.
     */
    static List<EndpointSubset> subsets(List<ServiceBackends.Backend> backends, boolean publishNotReady) {
        Map<List<EndpointPort>, EndpointSubset> byPorts = new LinkedHashMap<>();
        for (ServiceBackends.Backend b : backends) {
            List<EndpointPort> ports = new ArrayList<>();
            for (ServiceBackends.Port p : b.ports()) {
                EndpointPort ep = new EndpointPort();
                ep.setName(p.name() == null || p.name().isEmpty() ? null : p.name());
                ep.setPort(p.port());
                ep.setProtocol(p.protocol());
                ep.setAppProtocol(p.appProtocol());
                ports.add(ep);
            }
            ports.sort(Comparator.comparing((EndpointPort p) -> p.getName() == null ? "" : p.getName())
                    .thenComparing(EndpointPort::getPort).thenComparing(EndpointPort::getProtocol));
            EndpointSubset subset = byPorts.computeIfAbsent(ports, k -> {
                EndpointSubset s = new EndpointSubset();
                s.setPorts(k.isEmpty() ? null : k);
                s.setAddresses(new ArrayList<>());
                s.setNotReadyAddresses(new ArrayList<>());
                return s;
            });
            EndpointAddress a = address(b);
            if (b.ready() || publishNotReady) {
                subset.getAddresses().add(a);
            } else {
                subset.getNotReadyAddresses().add(a);
            }
        }
        List<EndpointSubset> out = new ArrayList<>();
        for (EndpointSubset s : byPorts.values()) {
            s.getAddresses().sort(BY_IP);
            s.getNotReadyAddresses().sort(BY_IP);
            if (s.getAddresses().isEmpty()) {
                s.setAddresses(null);
            }
            if (s.getNotReadyAddresses().isEmpty()) {
                s.setNotReadyAddresses(null);
            }
            out.add(s);
        }
        out.sort(Comparator.comparing(EndpointsController::firstIp));
        return out;
    }

    private static final Comparator<EndpointAddress> BY_IP = Comparator.comparing(EndpointAddress::getIp)
            .thenComparing(a -> a.getTargetRef() == null ? "" : a.getTargetRef().getUid());

    private static String firstIp(EndpointSubset s) {
        if (s.getAddresses() != null && !s.getAddresses().isEmpty()) {
            return s.getAddresses().get(0).getIp();
        }
        return s.getNotReadyAddresses().get(0).getIp();
    }

    private static EndpointAddress address(ServiceBackends.Backend b) {
        Pod pod = b.pod();
        EndpointAddress a = new EndpointAddress();
        a.setIp(b.ip());
        a.setNodeName(pod.getSpec().getNodeName());
        if (pod.getSpec().getHostname() != null && pod.getSpec().getSubdomain() != null) {
            a.setHostname(pod.getSpec().getHostname());
        }
        ObjectReference ref = new ObjectReference();
        ref.setKind("Pod");
        ref.setNamespace(pod.getMetadata().getNamespace());
        ref.setName(pod.getMetadata().getName());
        ref.setUid(pod.getMetadata().getUid());
        a.setTargetRef(ref);
        return a;
    }

    /** Over 1000 addresses: keep ready ones first, as {@code truncateEndpoints} does. */
    private static List<EndpointSubset> truncate(List<EndpointSubset> subsets) {
        int budget = MAX_ADDRESSES;
        List<EndpointSubset> out = new ArrayList<>();
        for (EndpointSubset s : subsets) {
            List<EndpointAddress> ready = s.getAddresses() == null ? List.of() : s.getAddresses();
            int keep = Math.min(budget, ready.size());
            budget -= keep;
            s.setAddresses(keep == 0 ? null : new ArrayList<>(ready.subList(0, keep)));
        }
        for (EndpointSubset s : subsets) {
            List<EndpointAddress> notReady = s.getNotReadyAddresses() == null ? List.of() : s.getNotReadyAddresses();
            int keep = Math.min(budget, notReady.size());
            budget -= keep;
            s.setNotReadyAddresses(keep == 0 ? null : new ArrayList<>(notReady.subList(0, keep)));
            if (s.getAddresses() != null || s.getNotReadyAddresses() != null) {
                out.add(s);
            }
        }
        return out;
    }
}
