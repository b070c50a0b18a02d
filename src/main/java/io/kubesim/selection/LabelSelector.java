package io.kubesim.selection;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Kubernetes label selector ({@code labels.Selector}): the AND of {@link Requirement}s, or the special
 * "nothing" selector that matches no object.
 *
 * <p>Instances are immutable. Requirements are kept sorted by key (stable, byte order), as Go does, so
 * {@link #toString()} is the canonical Go {@code String()} form, e.g. {@code app=web,tier in (a,b)}.
 */
public sealed interface LabelSelector permits RequirementSelector, NothingSelector {

    /**
     * Parses selector syntax exactly like {@code labels.Parse}; null or blank input selects everything.
     *
     * @throws SelectorParseException with the Go error text (the kube-apiserver's 400 message for a bad
     *     {@code labelSelector} parameter), e.g. {@code found ',', expected: !, identifier, or 'end of string'}
     */
    static LabelSelector parse(String selector) throws SelectorParseException {
        return RequirementSelector.of(LabelParser.parse(selector == null ? "" : selector));
    }

    /** The selector without requirements; matches every object. */
    static LabelSelector everything() {
        return RequirementSelector.EVERYTHING;
    }

    /** The selector that matches no object ({@code labels.Nothing()}); its string form is empty. */
    static LabelSelector nothing() {
        return NothingSelector.INSTANCE;
    }

    /**
     * An equality-only selector ({@code labels.SelectorFromSet}): no validation; null or empty selects
     * everything. A null value is treated as the empty string.
     */
    static LabelSelector fromMap(Map<String, String> labels) {
        return MetaLabelSelectors.fromMap(labels);
    }

    /**
     * {@code metav1.LabelSelectorAsSelector}: null selects nothing, a selector without matchLabels and
     * matchExpressions selects everything, otherwise matchLabels become {@code =} requirements and
     * matchExpressions (In, NotIn, Exists, DoesNotExist) their counterparts.
     *
     * @throws SelectorParseException with the upstream text, e.g. {@code "Foo" is not a valid pod selector operator}
     *     or {@code values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty}
     */
    static LabelSelector fromLabelSelector(io.fabric8.kubernetes.api.model.LabelSelector selector)
            throws SelectorParseException {
        return MetaLabelSelectors.fromLabelSelector(selector);
    }

    /**
     * {@code metav1.FormatLabelSelector}: the canonical string, {@code <none>} when that is empty (including a
     * null selector) and {@code <error>} when the selector is invalid.
     */
    static String format(io.fabric8.kubernetes.api.model.LabelSelector selector) {
        return MetaLabelSelectors.format(selector);
    }

    /** Whether the labels satisfy every requirement; a null map means "no labels". */
    boolean matches(Map<String, String> labels);

    /** True when the selector does not restrict anything (no requirements); false for {@link #nothing()}. */
    boolean isEmpty();

    /** True only for {@link #nothing()}. */
    boolean matchesNothing();

    /** The requirements, sorted by key; empty for {@link #everything()} and {@link #nothing()}. */
    List<Requirement> requirements();

    /**
     * {@code RequiresExactMatch}: looks at the first requirement on {@code key}; when it is {@code =}, {@code ==}
     * or {@code in} with exactly one value, that value is returned.
     */
    Optional<String> requiredValue(String key);

    /** The canonical Go {@code String()} form; empty for {@link #everything()} and {@link #nothing()}. */
    @Override
    String toString();
}
