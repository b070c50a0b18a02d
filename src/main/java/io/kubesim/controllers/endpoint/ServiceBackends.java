package io.kubesim.controllers.endpoint;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which pods back a Service and on which ports: the rules the Endpoints and EndpointSlice controllers share
 * ({@code ShouldPodBeInEndpoints}, {@code FindPort}, pod readiness). Pure functions of the objects.
 */
public final class ServiceBackends {

    /** A resolved port of one backend. */
    public record Port(String name, int port, String protocol, String appProtocol) {
    }

    /**
     * A pod that backs the service.
     *
     * @param ready       the pod's Ready condition is True
     * @param terminating the pod is being deleted
     * @param ports       the service ports this pod serves, in service order (empty for a port-less headless service)
     */
    public record Backend(Pod pod, String ip, boolean ready, boolean terminating, List<Port> ports) {
    }

    private ServiceBackends() {
    }

    /** Services without a selector are not managed: their Endpoints are whatever users write. */
    public static boolean managed(Service svc) {
        Map<String, String> selector = svc.getSpec() == null ? null : svc.getSpec().getSelector();
        return selector != null && !selector.isEmpty();
    }

    /** The service's selector matches the pod's labels (equality on every selector entry). */
    public static boolean selects(Service svc, Pod pod) {
        if (!managed(svc) || !Objects.equals(svc.getMetadata().getNamespace(), pod.getMetadata().getNamespace())) {
            return false;
        }
        Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
        return svc.getSpec().getSelector().entrySet().stream()
                .allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()));
    }

    public static boolean headless(Service svc) {
        return svc.getSpec() != null && "None".equals(svc.getSpec().getClusterIP());
    }

    public static boolean publishNotReady(Service svc) {
        return svc.getSpec() != null && Boolean.TRUE.equals(svc.getSpec().getPublishNotReadyAddresses());
    }

    /**
     * The backends of {@code svc} among {@code pods}, sorted by pod name: selected, with an IP, not terminal
     * (Succeeded/Failed), and not terminating unless {@code includeTerminating}. Pods that serve none of the
     * service's ports are left out (except for a headless service without ports).
     */
    public static List<Backend> backends(Service svc, Iterable<Pod> pods, boolean includeTerminating) {
        List<Backend> out = new ArrayList<>();
        List<ServicePort> servicePorts = svc.getSpec().getPorts() == null ? List.of() : svc.getSpec().getPorts();
        for (Pod pod : pods) {
            if (!selects(svc, pod) || !inEndpoints(pod, includeTerminating)) {
                continue;
            }
            List<Port> ports = new ArrayList<>();
            for (ServicePort sp : servicePorts) {
                Integer port = findPort(pod, sp);
                if (port != null) {
                    ports.add(new Port(sp.getName(), port, protocol(sp.getProtocol()), sp.getAppProtocol()));
                }
            }
            if (ports.isEmpty() && !(servicePorts.isEmpty() && headless(svc))) {
                continue;
            }
            out.add(new Backend(pod, pod.getStatus().getPodIP(), ready(pod),
                    pod.getMetadata().getDeletionTimestamp() != null, ports));
        }
        out.sort(Comparator.comparing(b -> b.pod().getMetadata().getName()));
        return out;
    }

    /** Go's {@code ShouldPodBeInEndpoints}. */
    static boolean inEndpoints(Pod pod, boolean includeTerminating) {
        if (pod.getStatus() == null) {
            return false;
        }
        String phase = pod.getStatus().getPhase();
        if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
            return false;
        }
        String ip = pod.getStatus().getPodIP();
        if (ip == null || ip.isEmpty()) {
            return false;
        }
        return includeTerminating || pod.getMetadata().getDeletionTimestamp() == null;
    }

    /** The Ready condition is True. */
    public static boolean ready(Pod pod) {
        List<PodCondition> conditions = pod.getStatus() == null ? null : pod.getStatus().getConditions();
        return conditions != null && conditions.stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /**
     * Go's {@code FindPort}: a numeric targetPort as is; a named one from the containers' (and restartable init
     * containers') ports with that name and protocol; null when the pod has no such port.
     */
    static Integer findPort(Pod pod, ServicePort sp) {
        IntOrString target = sp.getTargetPort();
        if (target == null) {
            return sp.getPort();
        }
        if (target.getStrVal() == null) {
            return target.getIntVal();
        }
        String name = target.getStrVal();
        String protocol = protocol(sp.getProtocol());
        List<Container> containers = new ArrayList<>();
        if (pod.getSpec().getContainers() != null) {
            containers.addAll(pod.getSpec().getContainers());
        }
        if (pod.getSpec().getInitContainers() != null) {
            pod.getSpec().getInitContainers().stream().filter(c -> "Always".equals(c.getRestartPolicy()))
                    .forEach(containers::add);
        }
        for (Container c : containers) {
            if (c.getPorts() == null) {
                continue;
            }
            for (ContainerPort p : c.getPorts()) {
                if (name.equals(p.getName()) && protocol.equals(protocol(p.getProtocol()))) {
                    return p.getContainerPort();
                }
            }
        }
        return null;
    }

    private static String protocol(String p) {
        return p == null || p.isEmpty() ? "TCP" : p;
    }
}
