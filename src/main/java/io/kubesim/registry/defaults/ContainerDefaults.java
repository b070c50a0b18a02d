package io.kubesim.registry.defaults;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;

/**
 * Per-container defaults: {@code SetDefaults_Container} plus the nested defaulters that
 * {@code zz_generated.defaults.go} runs for every container (ports, env field refs, resource lists, probes,
 * lifecycle handlers). Identical for pods and pod templates.
 */
final class ContainerDefaults {

    static final String TERMINATION_MESSAGE_PATH = "/dev/termination-log";
    static final String TERMINATION_MESSAGE_POLICY = "File";
    static final String PROTOCOL_TCP = "TCP";

    private ContainerDefaults() {
    }

    static void container(Container c) {
        if (c == null) {
            return;
        }
        if (isEmpty(c.getImagePullPolicy())) {
            c.setImagePullPolicy(ImageNames.defaultPullPolicy(c.getImage()));
        }
        if (isEmpty(c.getTerminationMessagePath())) {
            c.setTerminationMessagePath(TERMINATION_MESSAGE_PATH);
        }
        if (isEmpty(c.getTerminationMessagePolicy())) {
            c.setTerminationMessagePolicy(TERMINATION_MESSAGE_POLICY);
        }
        if (c.getResources() == null) {
            c.setResources(new ResourceRequirements()); // Go's non-pointer struct: always "resources: {}"
        }
        nested(c.getPorts(), c.getEnv(), c.getResources());
        probes(c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe());
        lifecycle(c.getLifecycle());
    }

    static void ephemeralContainer(EphemeralContainer c) {
        if (c == null) {
            return;
        }
        if (isEmpty(c.getImagePullPolicy())) {
            c.setImagePullPolicy(ImageNames.defaultPullPolicy(c.getImage()));
        }
        if (isEmpty(c.getTerminationMessagePath())) {
            c.setTerminationMessagePath(TERMINATION_MESSAGE_PATH);
        }
        if (isEmpty(c.getTerminationMessagePolicy())) {
            c.setTerminationMessagePolicy(TERMINATION_MESSAGE_POLICY);
        }
        if (c.getResources() == null) {
            c.setResources(new ResourceRequirements());
        }
        nested(c.getPorts(), c.getEnv(), c.getResources());
        probes(c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe());
        lifecycle(c.getLifecycle());
    }

    private static void nested(List<ContainerPort> ports, List<EnvVar> env, ResourceRequirements resources) {
        if (ports != null) {
            ports.stream().filter(p -> p != null && isEmpty(p.getProtocol()))
                    .forEach(p -> p.setProtocol(PROTOCOL_TCP));
        }
        if (env != null) {
            env.stream().filter(e -> e != null && e.getValueFrom() != null)
                    .forEach(e -> fieldRef(e.getValueFrom().getFieldRef()));
        }
        ResourceLists.roundUpToMilli(resources);
    }

    /** {@code SetDefaults_ObjectFieldSelector}: apiVersion {@code v1}. */
    static void fieldRef(ObjectFieldSelector f) {
        if (f != null && isEmpty(f.getApiVersion())) {
            f.setApiVersion("v1");
        }
    }

    private static void probes(Probe... probes) {
        for (Probe p : probes) {
            probe(p);
        }
    }

    /** {@code SetDefaults_Probe} plus its handler defaults (httpGet path/scheme, grpc service). */
    static void probe(Probe p) {
        if (p == null) {
            return;
        }
        if (isZero(p.getTimeoutSeconds())) {
            p.setTimeoutSeconds(1);
        }
        if (isZero(p.getPeriodSeconds())) {
            p.setPeriodSeconds(10);
        }
        if (isZero(p.getSuccessThreshold())) {
            p.setSuccessThreshold(1);
        }
        if (isZero(p.getFailureThreshold())) {
            p.setFailureThreshold(3);
        }
        httpGet(p.getHttpGet());
        if (p.getGrpc() != null && p.getGrpc().getService() == null) {
            p.getGrpc().setService("");
        }
    }

    private static void lifecycle(Lifecycle l) {
        if (l != null) {
            handler(l.getPostStart());
            handler(l.getPreStop());
        }
    }

    private static void handler(LifecycleHandler h) {
        if (h != null) {
            httpGet(h.getHttpGet());
        }
    }

    /** {@code SetDefaults_HTTPGetAction}: path {@code /}, scheme {@code HTTP}. */
    static void httpGet(HTTPGetAction a) {
        if (a == null) {
            return;
        }
        if (isEmpty(a.getPath())) {
            a.setPath("/");
        }
        if (isEmpty(a.getScheme())) {
            a.setScheme("HTTP");
        }
    }

    static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    static boolean isZero(Integer i) {
        return i == null || i == 0;
    }
}
