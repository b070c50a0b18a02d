/**
 * API-server defaulting for kubesim, as pure functions over fabric8 model objects.
 *
 * <ul>
 *   <li>{@link io.kubesim.registry.defaults.Defaults}: the {@code SetDefaults_*} functions registered for the
 *       versioned types (core/v1, apps/v1, discovery/v1, coordination/v1), plus create-time strategy work.</li>
 *   <li>{@link io.kubesim.registry.defaults.PodAdmission} and
 *       {@link io.kubesim.registry.defaults.ServiceAccountToken}: the defaults added by the ServiceAccount,
 *       Priority and DefaultTolerationSeconds admission plugins.</li>
 *   <li>{@link io.kubesim.registry.defaults.QosClass}: the pod QoS class.</li>
 *       {@code pod-template-hash} and template equality ignoring it.</li>
 *   <li>{@link io.kubesim.quantity.Quantities}: resource quantity parsing and canonical formatting.</li>
 * </ul>
 *
 * <p>Reference: kubernetes/kubernetes {@code pkg/apis/core/v1/defaults.go}, {@code pkg/apis/apps/v1/defaults.go},
 * their {@code zz_generated.defaults.go}, {@code pkg/apis/discovery/v1/defaults.go},
 * {@code pkg/apis/core/helper/qos/qos.go}, {@code pkg/controller/controller_utils.go},
 * {@code plugin/pkg/admission/*} and apimachinery {@code pkg/api/resource}. Depends only on the JDK and the
 * fabric8 model; no state is kept between calls.
 */
package io.kubesim.registry.defaults;
