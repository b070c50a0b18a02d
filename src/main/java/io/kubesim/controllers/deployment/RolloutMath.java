package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;

import java.util.List;
import java.util.OptionalInt;

/**
 * The rollout arithmetic of {@code deployment_util.go} and {@code intstr}: scaled int-or-percent values,
 * {@code ResolveFenceposts}, {@code MaxSurge}, {@code MaxUnavailable}, {@code NewRSNewReplicas} and the
 * proportions of proportional scaling.
 */
final class RolloutMath {

    private RolloutMath() {
    }

    /** Resolved {@code maxSurge} and {@code maxUnavailable}. */
    record Fenceposts(int surge, int unavailable) {
    }

    /**
     * {@code GetScaledValueFromIntOrPercent}: an int as is; {@code "N%"} of {@code total}, rounded up or down.
     *
     * @throws IllegalArgumentException for null or a string that is not a percentage
     */
    static int scaledValue(IntOrString value, int total, boolean roundUp) {
        if (value == null) {
            throw new IllegalArgumentException("nil value for IntOrString");
        }
        if (value.getValue() instanceof Integer i) {
            return i;
        }
        String s = value.getStrVal() == null ? "" : value.getStrVal();
        if (!s.endsWith("%")) {
            throw new IllegalArgumentException("invalid value for IntOrString: invalid type: string is not a percentage");
        }
        int percent;
        try {
            percent = Integer.parseInt(s.substring(0, s.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid value for IntOrString: invalid value \"" + s + "\"", e);
        }
        double scaled = (double) percent * total / 100;
        return (int) (roundUp ? Math.ceil(scaled) : Math.floor(scaled));
    }

    /**
     * {@code ResolveFenceposts}: surge rounds up, unavailable rounds down (absent values count as 0), and when
     * both come out 0, unavailable becomes 1 so that a rollout can always make progress.
     */
    static Fenceposts resolveFenceposts(IntOrString maxSurge, IntOrString maxUnavailable, int desired) {
        int surge = scaledValue(maxSurge == null ? new IntOrString(0) : maxSurge, desired, true);
        int unavailable = scaledValue(maxUnavailable == null ? new IntOrString(0) : maxUnavailable, desired, false);
        if (surge == 0 && unavailable == 0) {
            unavailable = 1;
        }
        return new Fenceposts(surge, unavailable);
    }

    private static RollingUpdateDeployment rollingUpdate(Deployment d) {
        RollingUpdateDeployment ru = d.getSpec().getStrategy() == null ? null : d.getSpec().getStrategy().getRollingUpdate();
        return ru == null ? new RollingUpdateDeployment() : ru;
    }

    /** {@code MaxSurge}: 0 unless RollingUpdate. */
    static int maxSurge(Deployment d) {
        if (!Deployments.isRollingUpdate(d)) {
            return 0;
        }
        RollingUpdateDeployment ru = rollingUpdate(d);
        return resolveFenceposts(ru.getMaxSurge(), ru.getMaxUnavailable(), Deployments.replicas(d)).surge();
    }

    /** {@code MaxUnavailable}: 0 unless RollingUpdate with replicas; never above replicas. */
    static int maxUnavailable(Deployment d) {
        int replicas = Deployments.replicas(d);
        if (!Deployments.isRollingUpdate(d) || replicas == 0) {
            return 0;
        }
        RollingUpdateDeployment ru = rollingUpdate(d);
        return Math.min(replicas, resolveFenceposts(ru.getMaxSurge(), ru.getMaxUnavailable(), replicas).unavailable());
    }

    /**
     * {@code NewRSNewReplicas}: for RollingUpdate, the new ReplicaSet's size after scaling up as far as
     * {@code replicas + maxSurge} (over all ReplicaSets' spec) allows, never above {@code replicas}; for Recreate,
     * {@code replicas}.
     */
    static int newRSNewReplicas(Deployment d, List<ReplicaSet> all, ReplicaSet newRS) {
        int replicas = Deployments.replicas(d);
        String type = Deployments.strategyType(d);
        if (Deployments.RECREATE.equals(type)) {
            return replicas;
        }
        if (!Deployments.ROLLING_UPDATE.equals(type)) {
            throw new IllegalArgumentException("deployment type " + type + " isn't supported");
        }
        int surge = scaledValue(rollingUpdate(d).getMaxSurge(), replicas, true);
        int current = ReplicaSets.sumSpec(all);
        int maxTotal = replicas + surge;
        if (current >= maxTotal) {
            return ReplicaSets.spec(newRS);
        }
        int scaleUp = Math.min(maxTotal - current, replicas - ReplicaSets.spec(newRS));
        return ReplicaSets.spec(newRS) + scaleUp;
    }

    /**
     * {@code GetProportion}: how many of {@code toAdd} (negative when scaling down) this ReplicaSet takes, given
     * that {@code added} were already handed out.
     */
    static int proportion(ReplicaSet rs, Deployment d, int toAdd, int added) {
        if (rs == null || ReplicaSets.spec(rs) == 0 || toAdd == 0 || toAdd == added) {
            return 0;
        }
        int fraction = fraction(rs, d);
        int allowed = toAdd - added;
        return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
    }

    /**
     * {@code getReplicaSetFraction}: the change that keeps this ReplicaSet's share of the Deployment when its
     * maximum size moves from the {@code max-replicas} annotation (or, without it, {@code status.replicas}) to
     * {@code replicas + maxSurge}.
     */
    static int fraction(ReplicaSet rs, Deployment d) {
        int replicas = Deployments.replicas(d);
        if (replicas == 0) {
            return -ReplicaSets.spec(rs);
        }
        int deploymentMax = replicas + maxSurge(d);
        OptionalInt annotated = DeploymentAnnotations.maxReplicas(rs);
        int before = annotated.isPresent() ? annotated.getAsInt() : 0;
        if (before == 0) {
            before = d.getStatus() == null ? 0 : Deployments.n(d.getStatus().getReplicas());
            if (before == 0) {
                return 0;
            }
        }
        double newSize = (double) ReplicaSets.spec(rs) * deploymentMax / before;
        return roundHalfAwayFromZero(newSize) - ReplicaSets.spec(rs);
    }

    /** {@code math.Round}. */
    static int roundHalfAwayFromZero(double v) {
        return (int) (v < 0 ? -Math.floor(-v + 0.5) : Math.floor(v + 0.5));
    }
}
