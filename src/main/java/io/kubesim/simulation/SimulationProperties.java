package io.kubesim.simulation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Everything about the simulated cluster ({@code kubesim.simulation.*}). Durations are simulated:
 * {@code speed} divides every one of them (10 = a five-minute story in thirty seconds).
 *
 * @param enabled                   run the simulated cluster at all (false = a bare API server)
 * @param speed                     the time factor for every simulated duration
 * @param workers                   worker nodes created at startup
 * @param controlPlane              also create a control-plane node (tainted NoSchedule)
 * @param clusterName               node name prefix ({@code kubesim-control-plane}, {@code kubesim-worker}, ...)
 * @param nodeCpu                   cpu capacity of the configured nodes
 * @param nodeMemory                memory capacity of the configured nodes
 * @param nodePods                  pod capacity of the configured nodes
 * @param sandboxDelay              pod sandbox + network setup
 * @param imagePullDelay            image pull when the image is not on the node
 * @param containerStartDelay       container create + start
 * @param legacyUnknownPhase        pods on an unreachable node report phase Unknown (the seed's definition);
 *                                  false = today's upstream behaviour (phase kept, Ready False)
 * @param leaseDuration             node lease duration
 * @param leaseRenewInterval        how often a kubelet renews its lease
 * @param nodeStatusReportFrequency how often a kubelet re-posts an unchanged node status
 * @param nodeMonitorPeriod         how often the node lifecycle controller checks nodes
 * @param nodeMonitorGracePeriod    heartbeat silence before a node is Unknown (50s since 1.32)
 * @param nodeStartupGracePeriod    how long a node whose kubelet never posted a status may stay silent
 * @param probeAllowedHosts         hosts a real probe may contact (nothing else ever is)
 * @param kubeletWorkers            threads of the simulated kubelets
 */
@ConfigurationProperties("kubesim.simulation")
public record SimulationProperties(@DefaultValue("true") boolean enabled,
                                   @DefaultValue("1.0") double speed,
                                   @DefaultValue("3") int workers,
                                   @DefaultValue("true") boolean controlPlane,
                                   @DefaultValue("kubesim") String clusterName,
                                   @DefaultValue("8") String nodeCpu,
                                   @DefaultValue("16Gi") String nodeMemory,
                                   @DefaultValue("110") int nodePods,
                                   @DefaultValue("200ms") Duration sandboxDelay,
                                   @DefaultValue("1s") Duration imagePullDelay,
                                   @DefaultValue("500ms") Duration containerStartDelay,
                                   @DefaultValue("true") boolean legacyUnknownPhase,
                                   @DefaultValue("40s") Duration leaseDuration,
                                   @DefaultValue("10s") Duration leaseRenewInterval,
                                   @DefaultValue("5m") Duration nodeStatusReportFrequency,
                                   @DefaultValue("5s") Duration nodeMonitorPeriod,
                                   @DefaultValue("50s") Duration nodeMonitorGracePeriod,
                                   @DefaultValue("60s") Duration nodeStartupGracePeriod,
                                   @DefaultValue({"127.0.0.1", "::1", "localhost"}) List<String> probeAllowedHosts,
                                   @DefaultValue("16") int kubeletWorkers) {
}
