package io.kubesim.bench.api;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * The pods of the API workload and the answers a correct server gives about them. Pod {@code i}
 * is {@code bench-i} with labels {@code app=bench}, {@code group=g(i mod 10)} and
 * {@code tier=front|back|db} (by {@code i mod 3}).
 */
final class PodFixtures {

    static final String EQUALITY_SELECTOR = "group=g3";
    static final String SET_SELECTOR = "tier in (front,db),group notin (g0,g1)";
    private static final String[] TIERS = {"front", "back", "db"};

    private final String namespace;
    private final String prefix;
    private final int count;

    PodFixtures(String namespace, String prefix, int count) {
        this.namespace = namespace;
        this.prefix = prefix;
        this.count = count;
    }

    String namespace() {
        return namespace;
    }

    int count() {
        return count;
    }

    String name(int i) {
        return prefix + "-" + i;
    }

    static Map<String, String> labels(int i) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app", "bench");
        labels.put("group", "g" + (i % 10));
        labels.put("tier", TIERS[i % 3]);
        return labels;
    }

    Pod pod(int i) {
        return new PodBuilder()
                .withNewMetadata().withName(name(i)).withNamespace(namespace).withLabels(labels(i))
                .addToAnnotations("bench.kubesim.io/index", Integer.toString(i)).endMetadata()
                .withNewSpec()
                .addNewContainer().withName("app").withImage("registry.k8s.io/pause:3.10")
                .addNewPort().withContainerPort(8080).withName("http").endPort()
                .withNewResources().addToRequests("cpu", new io.fabric8.kubernetes.api.model.Quantity("10m"))
                .addToRequests("memory", new io.fabric8.kubernetes.api.model.Quantity("16Mi")).endResources()
                .addNewEnv().withName("INDEX").withValue(Integer.toString(i)).endEnv()
                .endContainer()
                .withTerminationGracePeriodSeconds(0L)
                .endSpec().build();
    }

    /** Names a correct server returns for the equality selector. */
    Set<String> equalityMatches() {
        return names(i -> i % 10 == 3);
    }

    /** Names a correct server returns for the set-based selector. */
    Set<String> setMatches() {
        return names(i -> (i % 3 == 0 || i % 3 == 2) && i % 10 != 0 && i % 10 != 1);
    }

    Set<String> all() {
        return names(i -> true);
    }

    private Set<String> names(IntPredicate p) {
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            if (p.test(i)) {
                out.add(name(i));
            }
        }
        return out;
    }
}
