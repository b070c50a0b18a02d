package io.kubesim.registry;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubesim.registry.validation.FieldError;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code pods/log}: the apiserver's container resolution ({@code ValidateContainer}) and option validation, then the
 * kubelet's choice of run from the container status ({@code validateContainerLogStatus}) with its messages, and the
 * line filters ({@code sinceSeconds}, {@code sinceTime}, {@code tailLines}).
 */
public final class PodLogs {

    /** PodLogOptions from the query. */
    public record Options(String container, boolean follow, boolean previous, boolean timestamps, Long tailLines,
                          Long sinceSeconds, String sinceTime, Long limitBytes) {
    }

    /** A resolved log request: which pod (by uid) and container, and which run. */
    public record Target(String namespace, String pod, String uid, String container, boolean previous) {
    }

    private final ResourceRegistry registry;
    private final PodLogSource source;

    public PodLogs(ResourceRegistry registry, PodLogSource source) {
        this.registry = registry;
        this.source = source;
    }

    /** Validates the options and resolves the container; 404 for a missing pod, 400/422 as upstream otherwise. */
    public Target open(String namespace, String name, Options o) {
        validate(name, o);
        Pod pod = pod(namespace, name).orElseThrow(() -> ApiException.notFound("", "pods", name));
        String container = container(pod, o.container());
        checkRun(pod, container, o.previous());
        return new Target(namespace, name, pod.getMetadata().getUid(), container, o.previous());
    }

    private Optional<Pod> pod(String namespace, String name) {
        try {
            ResourceStrategy<Pod> pods = registry.catalog().strategy(Pod.class);
            return Optional.of(registry.decode(registry.get(pods, namespace, name), pods));
        } catch (ApiException e) {
            if (e.code() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static void validate(String name, Options o) {
        List<FieldError> errors = new ArrayList<>();
        if (o.tailLines() != null && o.tailLines() < 0) {
            errors.add(FieldError.invalid("tailLines", o.tailLines(), "must be greater than or equal to 0"));
        }
        if (o.limitBytes() != null && o.limitBytes() < 1) {
            errors.add(FieldError.invalid("limitBytes", o.limitBytes(), "must be greater than 0"));
        }
        if (o.sinceSeconds() != null && o.sinceTime() != null) {
            errors.add(FieldError.forbidden("", "at most one of `sinceTime` or `sinceSeconds` may be specified"));
        }
        if (o.sinceSeconds() != null && o.sinceSeconds() < 1) {
            errors.add(FieldError.invalid("sinceSeconds", o.sinceSeconds(), "must be greater than 0"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalidOptions("PodLogOptions", errors);
        }
        if (o.sinceTime() != null && parseTime(o.sinceTime()) == null) {
            throw ApiException.badRequest("parsing time \"" + o.sinceTime() + "\" as \"2006-01-02T15:04:05Z07:00\": "
                    + "cannot parse \"" + o.sinceTime() + "\" as \"2006\"");
        }
    }

    /** The named container, or the only one; 400 with the apiserver's messages otherwise. */
    static String container(Pod pod, String requested) {
        List<Container> containers = nn(pod.getSpec().getContainers());
        List<Container> inits = nn(pod.getSpec().getInitContainers());
        List<Container> ephemeral = pod.getSpec().getEphemeralContainers() == null ? List.of()
                : pod.getSpec().getEphemeralContainers().stream().map(e -> {
                    Container c = new Container();
                    c.setName(e.getName());
                    return c;
                }).toList();
        String name = pod.getMetadata().getName();
        if (requested == null || requested.isEmpty()) {
            if (containers.size() == 1) {
                return containers.get(0).getName();
            }
            if (containers.isEmpty()) {
                throw ApiException.badRequest("a container name must be specified for pod " + name);
            }
            String msg = "a container name must be specified for pod " + name + ", choose one of: [" + names(containers) + "]";
            if (!inits.isEmpty()) {
                msg += " or one of the init containers: [" + names(inits) + "]";
            }
            if (!ephemeral.isEmpty()) {
                msg += " or one of the ephemeral containers: [" + names(ephemeral) + "]";
            }
            throw ApiException.badRequest(msg);
        }
        boolean known = Stream.of(containers, inits, ephemeral).flatMap(List::stream)
                .anyMatch(c -> requested.equals(c.getName()));
        if (!known) {
            throw ApiException.badRequest("container " + requested + " is not valid for pod " + name);
        }
        return requested;
    }

    private static String names(List<Container> cs) {
        return String.join(" ", cs.stream().map(Container::getName).toList());
    }

    private static <T> List<T> nn(List<T> l) {
        return l == null ? List.of() : l;
    }

    /** The kubelet's checks: the run asked for exists (400 with its messages otherwise). */
    static void checkRun(Pod pod, String container, boolean previous) {
        String podName = pod.getMetadata().getName();
        if (pod.getSpec().getNodeName() == null || pod.getSpec().getNodeName().isEmpty()) {
            throw ApiException.badRequest("container " + q(container) + " in pod " + q(podName)
                    + " is waiting to start: ContainerCreating");
        }
        ContainerStatus s = status(pod, container);
        if (s == null) {
            throw ApiException.badRequest("container " + q(container) + " in pod " + q(podName) + " is not available");
        }
        ContainerStateTerminated last = s.getLastState() == null ? null : s.getLastState().getTerminated();
        var state = s.getState();
        String prefix = "container " + q(container) + " in pod " + q(podName);
        if (previous) {
            if (last == null || last.getContainerID() == null || last.getContainerID().isEmpty()) {
                throw ApiException.badRequest("previous terminated container " + q(container) + " in pod "
                        + q(podName) + " not found");
            }
            return;
        }
        if (state != null && state.getRunning() != null) {
            return;
        }
        if (state != null && state.getTerminated() != null) {
            String id = state.getTerminated().getContainerID();
            if ((id == null || id.isEmpty()) && (last == null || last.getContainerID() == null || last.getContainerID().isEmpty())) {
                throw ApiException.badRequest(prefix + " is terminated");
            }
            return;
        }
        if (last != null) {
            if (last.getContainerID() == null || last.getContainerID().isEmpty()) {
                throw ApiException.badRequest(prefix + " is terminated");
            }
            return;
        }
        if (state != null && state.getWaiting() != null) {
            String reason = state.getWaiting().getReason();
            throw ApiException.badRequest(prefix + " is waiting to start: " + switch (String.valueOf(reason)) {
                case "ErrImagePull" -> "image can't be pulled";
                case "ImagePullBackOff" -> "trying and failing to pull image";
                default -> reason;
            });
        }
        throw ApiException.badRequest(prefix + " is waiting to start - no logs yet");
    }

    private static ContainerStatus status(Pod pod, String container) {
        if (pod.getStatus() == null) {
            return null;
        }
        return Stream.of(nn(pod.getStatus().getContainerStatuses()), nn(pod.getStatus().getInitContainerStatuses()),
                        nn(pod.getStatus().getEphemeralContainerStatuses())).flatMap(List::stream)
                .filter(c -> container.equals(c.getName())).findFirst().orElse(null);
    }

    private static String q(String s) {
        return "\"" + s + "\"";
    }

    /** The lines of the target run after the time filters and {@code tailLines}. */
    public List<PodLogSource.Line> lines(Target t, Options o, Instant now) {
        List<PodLogSource.Line> all = source.lines(t.uid(), t.container(), t.previous());
        Instant since = o.sinceSeconds() != null ? now.minusSeconds(o.sinceSeconds())
                : o.sinceTime() != null ? parseTime(o.sinceTime()) : null;
        List<PodLogSource.Line> out = new ArrayList<>();
        for (PodLogSource.Line l : all) {
            if (since == null || !l.at().isBefore(since)) {
                out.add(l);
            }
        }
        if (o.tailLines() != null && out.size() > o.tailLines()) {
            out = new ArrayList<>(out.subList(out.size() - o.tailLines().intValue(), out.size()));
        }
        return out;
    }

    /** All lines of the target run so far (for follow: the caller prints the ones it has not printed). */
    public List<PodLogSource.Line> allLines(Target t) {
        return source.lines(t.uid(), t.container(), t.previous());
    }

    /** For follow: the same pod still exists and its container is running (so more output may come). */
    public boolean running(Target t) {
        Optional<Pod> pod = pod(t.namespace(), t.pod());
        if (pod.isEmpty() || !t.uid().equals(pod.get().getMetadata().getUid())) {
            return false;
        }
        ContainerStatus s = status(pod.get(), t.container());
        return s != null && s.getState() != null && s.getState().getRunning() != null;
    }

    private static Instant parseTime(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
