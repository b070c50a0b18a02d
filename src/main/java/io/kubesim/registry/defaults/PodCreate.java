package io.kubesim.registry.defaults;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The pod strategy's {@code PrepareForCreate} ({@code pkg/registry/core/pod/strategy.go}): generation 1, status
 * {@code {phase: Pending, qosClass}}, the {@code SchedulingGated} condition, and the merge of
 * {@code matchLabelKeys}/{@code mismatchLabelKeys} into the label selectors of pod (anti-)affinity terms and
 * topology spread constraints ({@code key In/NotIn [pod's value]}, only for keys the pod has as labels).
 */
final class PodCreate {

    private PodCreate() {
    }

    static void prepare(Pod pod) {
        if (pod == null) {
            return;
        }
        if (pod.getMetadata() != null) {
            pod.getMetadata().setGeneration(1L);
        }
        pod.setStatus(status(pod));
        Map<String, String> labels = pod.getMetadata() == null || pod.getMetadata().getLabels() == null
                ? Map.of() : pod.getMetadata().getLabels();
        if (pod.getSpec() != null) {
            affinityTerms(pod.getSpec().getAffinity()).forEach(t -> mergeLabelKeys(t, labels));
            if (pod.getSpec().getTopologySpreadConstraints() != null) {
                pod.getSpec().getTopologySpreadConstraints().stream().filter(Objects::nonNull)
                        .forEach(c -> merge(c.getLabelSelector(), c.getMatchLabelKeys(), "In", labels));
            }
        }
    }

    private static PodStatus status(Pod pod) {
        PodStatus status = new PodStatus();
        status.setPhase("Pending");
        status.setQosClass(QosClass.of(pod.getSpec()));
        if (pod.getSpec() != null && pod.getSpec().getSchedulingGates() != null
                && !pod.getSpec().getSchedulingGates().isEmpty()) {
            PodCondition gated = new PodCondition();
            gated.setType("PodScheduled");
            gated.setStatus("False");
            gated.setReason("SchedulingGated");
            gated.setMessage("Scheduling is blocked due to non-empty scheduling gates");
            status.setConditions(new ArrayList<>(List.of(gated)));
        }
        return status;
    }

    private static Stream<PodAffinityTerm> affinityTerms(Affinity a) {
        if (a == null) {
            return Stream.empty();
        }
        Stream<PodAffinityTerm> affinity = a.getPodAffinity() == null ? Stream.empty() : terms(
                a.getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution(),
                a.getPodAffinity().getPreferredDuringSchedulingIgnoredDuringExecution());
        Stream<PodAffinityTerm> anti = a.getPodAntiAffinity() == null ? Stream.empty() : terms(
                a.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution(),
                a.getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution());
        return Stream.concat(affinity, anti);
    }

    private static Stream<PodAffinityTerm> terms(List<PodAffinityTerm> required,
                                                 List<WeightedPodAffinityTerm> preferred) {
        Stream<PodAffinityTerm> weighted = preferred == null ? Stream.empty()
                : preferred.stream().filter(Objects::nonNull).map(WeightedPodAffinityTerm::getPodAffinityTerm);
        return Stream.concat(weighted, required == null ? Stream.empty() : required.stream())
                .filter(Objects::nonNull);
    }

    private static void mergeLabelKeys(PodAffinityTerm term, Map<String, String> labels) {
        merge(term.getLabelSelector(), term.getMatchLabelKeys(), "In", labels);
        merge(term.getLabelSelector(), term.getMismatchLabelKeys(), "NotIn", labels);
    }

    /** {@code applyLabelKeysToLabelSelector}; a null selector matches nothing and is left alone. */
    private static void merge(LabelSelector selector, List<String> keys, String operator, Map<String, String> labels) {
        if (selector == null || keys == null || keys.isEmpty()) {
            return;
        }
        List<LabelSelectorRequirement> expressions = selector.getMatchExpressions() == null
                ? new ArrayList<>() : selector.getMatchExpressions();
        for (String key : keys) {
            if (key != null && labels.get(key) != null) {
                LabelSelectorRequirement r = new LabelSelectorRequirement();
                r.setKey(key);
                r.setOperator(operator);
                r.setValues(new ArrayList<>(List.of(labels.get(key))));
                expressions.add(r);
            }
        }
        selector.setMatchExpressions(expressions);
    }
}
