package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.ExecAction;
import io.fabric8.kubernetes.api.model.GRPCAction;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HTTPHeader;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SleepAction;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import java.util.ArrayList;
import java.util.List;

/** Probe and lifecycle-hook rules of core validation ({@code validateProbe}, {@code validateHandler}). */
final class ProbeValidation {

    private static final String ONE_HANDLER = "may not specify more than 1 handler type";

    private ProbeValidation() {
    }

    static List<FieldError> liveness(Probe probe, Long gracePeriod, FieldPath path) {
        return successMustBeOne(probe, gracePeriod, path);
    }

    static List<FieldError> startup(Probe probe, Long gracePeriod, FieldPath path) {
        return successMustBeOne(probe, gracePeriod, path);
    }

    static List<FieldError> readiness(Probe probe, Long gracePeriod, FieldPath path) {
        if (probe == null) {
            return List.of();
        }
        List<FieldError> errs = new ArrayList<>(probe(probe, gracePeriod, path));
        if (probe.getTerminationGracePeriodSeconds() != null) {
            errs.add(FieldError.invalid(path.child("terminationGracePeriodSeconds").toString(),
                    probe.getTerminationGracePeriodSeconds(), "must not be set for readinessProbes"));
        }
        return errs;
    }

    private static List<FieldError> successMustBeOne(Probe probe, Long gracePeriod, FieldPath path) {
        if (probe == null) {
            return List.of();
        }
        List<FieldError> errs = new ArrayList<>(probe(probe, gracePeriod, path));
        if (num(probe.getSuccessThreshold()) != 1) {
            errs.add(FieldError.invalid(path.child("successThreshold").toString(), num(probe.getSuccessThreshold()),
                    "must be 1"));
        }
        return errs;
    }

    private static List<FieldError> probe(Probe p, Long gracePeriod, FieldPath path) {
        List<FieldError> errs = new ArrayList<>(handler(p.getExec(), p.getHttpGet(), p.getTcpSocket(), p.getGrpc(),
                null, gracePeriod, path));
        errs.addAll(nonNegative(num(p.getInitialDelaySeconds()), path.child("initialDelaySeconds")));
        errs.addAll(nonNegative(num(p.getTimeoutSeconds()), path.child("timeoutSeconds")));
        errs.addAll(nonNegative(num(p.getPeriodSeconds()), path.child("periodSeconds")));
        errs.addAll(nonNegative(num(p.getSuccessThreshold()), path.child("successThreshold")));
        errs.addAll(nonNegative(num(p.getFailureThreshold()), path.child("failureThreshold")));
        Long tgps = p.getTerminationGracePeriodSeconds();
        if (tgps != null && tgps <= 0) {
            errs.add(FieldError.invalid(path.child("terminationGracePeriodSeconds").toString(), tgps,
                    "must be greater than 0"));
        }
        return errs;
    }

    static List<FieldError> lifecycle(Lifecycle lifecycle, Long gracePeriod, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (lifecycle.getPostStart() != null) {
            errs.addAll(lifecycleHandler(lifecycle.getPostStart(), gracePeriod, path.child("postStart")));
        }
        if (lifecycle.getPreStop() != null) {
            errs.addAll(lifecycleHandler(lifecycle.getPreStop(), gracePeriod, path.child("preStop")));
        }
        return errs;
    }

    private static List<FieldError> lifecycleHandler(LifecycleHandler h, Long gracePeriod, FieldPath path) {
        return handler(h.getExec(), h.getHttpGet(), h.getTcpSocket(), null, h.getSleep(), gracePeriod, path);
    }

    private static List<FieldError> handler(ExecAction exec, HTTPGetAction http, TCPSocketAction tcp,
            GRPCAction grpc, SleepAction sleep, Long gracePeriod, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        int handlers = 0;
        Object[] actions = {exec, http, tcp, grpc, sleep};
        String[] names = {"exec", "httpGet", "tcpSocket", "grpc", "sleep"};
        for (int i = 0; i < actions.length; i++) {
            if (actions[i] == null) {
                continue;
            }
            FieldPath p = path.child(names[i]);
            if (handlers > 0) {
                errs.add(FieldError.forbidden(p.toString(), ONE_HANDLER));
                continue;
            }
            handlers++;
            errs.addAll(action(actions[i], gracePeriod, p));
        }
        if (handlers == 0) {
            errs.add(FieldError.required(path.toString(), "must specify a handler type"));
        }
        return errs;
    }

    private static List<FieldError> action(Object action, Long gracePeriod, FieldPath path) {
        if (action instanceof ExecAction e) {
            return e.getCommand() == null || e.getCommand().isEmpty()
                    ? List.of(FieldError.required(path.child("command").toString(), "")) : List.of();
        }
        if (action instanceof HTTPGetAction h) {
            return httpGet(h, path);
        }
        if (action instanceof TCPSocketAction t) {
            return portNumOrName(t.getPort(), path.child("port"));
        }
        if (action instanceof GRPCAction g) {
            return portNumOrName(new IntOrString(num(g.getPort())), path.child("port"));
        }
        return sleep((SleepAction) action, gracePeriod, path);
    }

    private static List<FieldError> httpGet(HTTPGetAction h, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (h.getPath() == null || h.getPath().isEmpty()) {
            errs.add(FieldError.required(path.child("path").toString(), ""));
        }
        errs.addAll(portNumOrName(h.getPort(), path.child("port")));
        String scheme = h.getScheme() == null ? "" : h.getScheme();
        if (!scheme.equals("HTTP") && !scheme.equals("HTTPS")) {
            errs.add(FieldError.notSupported(path.child("scheme").toString(), GoFormat.named(scheme),
                    List.of("HTTP", "HTTPS")));
        }
        for (HTTPHeader header : h.getHttpHeaders() == null ? List.<HTTPHeader>of() : h.getHttpHeaders()) {
            String name = header == null || header.getName() == null ? "" : header.getName();
            for (String msg : Formats.isHttpHeaderName(name)) {
                errs.add(FieldError.invalid(path.child("httpHeaders").toString(), name, msg));
            }
        }
        return errs;
    }

    private static List<FieldError> sleep(SleepAction sleep, Long gracePeriod, FieldPath path) {
        long seconds = sleep.getSeconds() == null ? 0 : sleep.getSeconds();
        if (gracePeriod != null && (seconds < 0 || seconds > gracePeriod)) {
            return List.of(FieldError.invalid(path.toString(), seconds,
                    "must be non-negative and less than terminationGracePeriodSeconds (" + gracePeriod + ")"));
        }
        return List.of();
    }

    /** {@code ValidatePortNumOrName}: a number in 1..65535 or an IANA service name; {@code null} is the int 0. */
    static List<FieldError> portNumOrName(IntOrString port, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (port != null && port.getStrVal() != null) {
            for (String msg : Formats.isValidPortName(port.getStrVal())) {
                errs.add(FieldError.invalid(path.toString(), port.getStrVal(), msg));
            }
            return errs;
        }
        int value = port == null || port.getIntVal() == null ? 0 : port.getIntVal();
        for (String msg : Formats.isValidPortNum(value)) {
            errs.add(FieldError.invalid(path.toString(), value, msg));
        }
        return errs;
    }

    static List<FieldError> nonNegative(long value, FieldPath path) {
        return value < 0 ? List.of(FieldError.invalid(path.toString(), value, "must be greater than or equal to 0"))
                : List.of();
    }

    private static int num(Integer v) {
        return v == null ? 0 : v;
    }
}
