package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Container-list rules of core validation ({@code validateContainers}, {@code validateInitContainers}). */
final class ContainerValidation {

    private static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
    private static final String NO_SIDECAR = "may not be set for init containers without restartPolicy=Always";

    /** What every container check needs from the pod spec. */
    record Context(Map<String, Volume> volumes, Set<String> podClaims, Long gracePeriod) {
    }

    private ContainerValidation() {
    }

    static List<FieldError> containers(List<Container> containers, Context ctx, FieldPath path) {
        if (containers == null || containers.isEmpty()) {
            return List.of(FieldError.required(path.toString(), ""));
        }
        List<FieldError> errs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < containers.size(); i++) {
            Container c = orEmpty(containers.get(i));
            FieldPath idx = path.index(i);
            errs.addAll(common(c, ctx, idx));
            if (!names.add(str(c.getName()))) {
                errs.add(FieldError.duplicate(idx.child("name").toString(), str(c.getName())));
            }
            errs.addAll(probesAndLifecycle(c, ctx, idx));
            if (c.getRestartPolicy() != null) {
                errs.add(FieldError.forbidden(idx.child("restartPolicy").toString(),
                        "may not be set for non-init containers"));
            }
        }
        errs.addAll(hostPortConflicts(containers, path));
        return errs;
    }

    static List<FieldError> initContainers(List<Container> inits, List<Container> regular, Context ctx,
            FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Container c : regular == null ? List.<Container>of() : regular) {
            names.add(str(orEmpty(c).getName()));
        }
        for (int i = 0; inits != null && i < inits.size(); i++) {
            Container c = orEmpty(inits.get(i));
            FieldPath idx = path.index(i);
            errs.addAll(common(c, ctx, idx));
            boolean always = false;
            if (c.getRestartPolicy() != null) {
                if (!c.getRestartPolicy().equals("Always")) {
                    errs.add(FieldError.notSupported(idx.child("restartPolicy").toString(),
                            GoFormat.named(c.getRestartPolicy()), List.of("Always")));
                }
                always = c.getRestartPolicy().equals("Always");
            }
            String name = str(c.getName());
            if (names.contains(name)) {
                errs.add(FieldError.duplicate(idx.child("name").toString(), name));
            } else if (!name.isEmpty()) {
                names.add(name);
            }
            errs.addAll(hostPortConflicts(List.of(c), path));
            errs.addAll(always ? probesAndLifecycle(c, ctx, idx) : noSidecarFields(c, idx));
        }
        return errs;
    }

    private static List<FieldError> noSidecarFields(Container c, FieldPath idx) {
        List<FieldError> errs = new ArrayList<>();
        Object[][] fields = {{"lifecycle", c.getLifecycle()}, {"livenessProbe", c.getLivenessProbe()},
            {"readinessProbe", c.getReadinessProbe()}, {"startupProbe", c.getStartupProbe()}};
        for (Object[] f : fields) {
            if (f[1] != null) {
                errs.add(FieldError.forbidden(idx.child((String) f[0]).toString(), NO_SIDECAR));
            }
        }
        return errs;
    }

    private static List<FieldError> probesAndLifecycle(Container c, Context ctx, FieldPath idx) {
        List<FieldError> errs = new ArrayList<>();
        if (c.getLifecycle() != null) {
            errs.addAll(ProbeValidation.lifecycle(c.getLifecycle(), ctx.gracePeriod(), idx.child("lifecycle")));
        }
        errs.addAll(ProbeValidation.liveness(c.getLivenessProbe(), ctx.gracePeriod(), idx.child("livenessProbe")));
        errs.addAll(ProbeValidation.readiness(c.getReadinessProbe(), ctx.gracePeriod(), idx.child("readinessProbe")));
        errs.addAll(ProbeValidation.startup(c.getStartupProbe(), ctx.gracePeriod(), idx.child("startupProbe")));
        return errs;
    }

    /** {@code validateContainerCommon}. */
    private static List<FieldError> common(Container c, Context ctx, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String name = str(c.getName());
        if (name.isEmpty()) {
            errs.add(FieldError.required(path.child("name").toString(), ""));
        } else {
            errs.addAll(LabelValidation.dns1123Label(name, path.child("name")));
        }
        if (str(c.getImage()).isEmpty()) {
            errs.add(FieldError.required(path.child("image").toString(), ""));
        }
        errs.addAll(enumValue(c.getTerminationMessagePolicy(), List.of("File", "FallbackToLogsOnError"),
                path.child("terminationMessagePolicy")));
        errs.addAll(ports(c.getPorts(), path.child("ports")));
        errs.addAll(EnvValidation.validateEnv(c.getEnv(), path.child("env")));
        errs.addAll(EnvValidation.validateEnvFrom(c.getEnvFrom(), path.child("envFrom")));
        errs.addAll(MountValidation.volumeMounts(c, ctx.volumes(), path.child("volumeMounts")));
        errs.addAll(enumValue(c.getImagePullPolicy(), PULL_POLICIES, path.child("imagePullPolicy")));
        errs.addAll(ResourceValidation.containerResources(c.getResources(), ctx.podClaims(), path.child("resources")));
        return errs;
    }

    /** Required when empty, NotSupported when unknown (named string type). */
    static List<FieldError> enumValue(String value, List<String> supported, FieldPath path) {
        String v = str(value);
        if (v.isEmpty()) {
            return List.of(FieldError.required(path.toString(), ""));
        }
        if (!supported.contains(v)) {
            return List.of(FieldError.notSupported(path.toString(), GoFormat.named(v), supported));
        }
        return List.of();
    }

    /** {@code validateContainerPorts}. */
    private static List<FieldError> ports(List<ContainerPort> ports, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; ports != null && i < ports.size(); i++) {
            ContainerPort p = ports.get(i) == null ? new ContainerPort() : ports.get(i);
            FieldPath idx = path.index(i);
            errs.addAll(portName(str(p.getName()), names, idx.child("name")));
            int containerPort = num(p.getContainerPort());
            if (containerPort == 0) {
                errs.add(FieldError.required(idx.child("containerPort").toString(), ""));
            } else {
                for (String msg : Formats.isValidPortNum(containerPort)) {
                    errs.add(FieldError.invalid(idx.child("containerPort").toString(), containerPort, msg));
                }
            }
            int hostPort = num(p.getHostPort());
            for (String msg : hostPort == 0 ? List.<String>of() : Formats.isValidPortNum(hostPort)) {
                errs.add(FieldError.invalid(idx.child("hostPort").toString(), hostPort, msg));
            }
            String protocol = str(p.getProtocol());
            if (protocol.isEmpty()) {
                errs.add(FieldError.required(idx.child("protocol").toString(), ""));
            } else if (!PROTOCOLS.contains(protocol)) {
                errs.add(FieldError.notSupported(idx.child("protocol").toString(), GoFormat.named(protocol),
                        PROTOCOLS));
            }
        }
        return errs;
    }

    /** A valid IANA service name, unique among the container's ports. */
    private static List<FieldError> portName(String name, Set<String> names, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (name.isEmpty()) {
            return errs;
        }
        List<String> msgs = Formats.isValidPortName(name);
        for (String msg : msgs) {
            errs.add(FieldError.invalid(path.toString(), name, msg));
        }
        if (msgs.isEmpty() && !names.add(name)) {
            errs.add(FieldError.duplicate(path.toString(), name));
        }
        return errs;
    }

    /** {@code AccumulateUniqueHostPorts}: {@code protocol/hostIP/hostPort} must be unique. */
    private static List<FieldError> hostPortConflicts(List<Container> containers, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int ci = 0; ci < containers.size(); ci++) {
            List<ContainerPort> ports = orEmpty(containers.get(ci)).getPorts();
            for (int pi = 0; ports != null && pi < ports.size(); pi++) {
                ContainerPort p = ports.get(pi) == null ? new ContainerPort() : ports.get(pi);
                if (num(p.getHostPort()) == 0) {
                    continue;
                }
                String key = str(p.getProtocol()) + "/" + str(p.getHostIP()) + "/" + p.getHostPort();
                if (!seen.add(key)) {
                    errs.add(FieldError.duplicate(path.index(ci).child("ports").index(pi).child("hostPort").toString(),
                            key));
                }
            }
        }
        return errs;
    }

    /** Pod-only check ({@code validateContainerOnlyForPod}): no surrounding whitespace in images. */
    static List<FieldError> imageWhitespace(List<Container> containers, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; containers != null && i < containers.size(); i++) {
            String image = str(orEmpty(containers.get(i)).getImage());
            if (!image.equals(image.strip())) {
                errs.add(FieldError.invalid(path.index(i).child("image").toString(), image,
                        "must not have leading or trailing whitespace"));
            }
        }
        return errs;
    }

    static Container orEmpty(Container c) {
        return c == null ? new Container() : c;
    }

    private static int num(Integer v) {
        return v == null ? 0 : v;
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }
}
