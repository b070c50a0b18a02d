/**
 * Kubernetes label selectors and field selectors with the semantics and error texts of
 * {@code k8s.io/apimachinery} ({@code labels.Parse}, {@code fields.ParseSelector},
 * {@code metav1.LabelSelectorAsSelector}) as of Kubernetes v1.34.
 * Parse failures surface as {@link io.kubesim.selection.SelectorParseException} whose message is the
 * exact Go error string, which the kube-apiserver returns verbatim as the message of a 400 BadRequest Status.
 * {@link io.kubesim.selection.LabelRules} exposes the shared label-key, label-value and DNS name checks.
 * The package depends only on the JDK and the fabric8 model classes.
 */
package io.kubesim.selection;
