package io.kubesim.patch.apply;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * An immutable set of field paths, as structured-merge-diff's {@code fieldpath.Set}: at each level a sorted map from
 * path element to a node that may itself be a member (the path is in the set) and may have children (longer paths
 * through it). A node is present only when it is a member or has children. Set algebra treats membership and
 * children independently, as upstream does, so {@link #difference} is exact while {@link #recursiveDifference}
 * removes whole subtrees.
 */
public final class FieldSet {

    private static final FieldSet EMPTY = new FieldSet(Collections.emptyNavigableMap());

    /** One element of a level: membership of the path ending here and the set of longer paths. */
    record Node(boolean member, FieldSet children) {
        boolean isEmpty() {
            return !member && children.isEmpty();
        }
    }

    private final NavigableMap<PathElement, Node> nodes;
    /** The encoding, once computed; volatile so that a set shared between threads publishes a complete tree. */
    private volatile ObjectNode fieldsV1;

    private FieldSet(NavigableMap<PathElement, Node> nodes) {
        this.nodes = nodes;
    }

    private static FieldSet of(NavigableMap<PathElement, Node> nodes) {
        return nodes.isEmpty() ? EMPTY : new FieldSet(Collections.unmodifiableNavigableMap(nodes));
    }

    /** The empty set. */
    public static FieldSet empty() {
        return EMPTY;
    }

    /** The set of these paths. */
    public static FieldSet of(FieldPath... paths) {
        return of(List.of(paths));
    }

    /** The set of these paths. */
    public static FieldSet of(Collection<FieldPath> paths) {
        Builder b = new Builder();
        paths.forEach(b::insert);
        return b.build();
    }

    /** Parses the FieldsV1 JSON form (the {@code fieldsV1} of a managedFields entry). */
    public static FieldSet fromFieldsV1(JsonNode fieldsV1) {
        return FieldsV1.read(fieldsV1);
    }

    /**
     * The FieldsV1 JSON form, keys in upstream order ({@code .} first, then path elements sorted). Computed once per
     * set and shared (unchanged managers' sets are encoded again on every write): callers must not modify it.
     */
    public ObjectNode toFieldsV1() {
        ObjectNode f = fieldsV1;
        if (f == null) {
            f = FieldsV1.write(this);
            fieldsV1 = f;
        }
        return f;
    }

    /** True when no path is in the set. */
    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** True when {@code path} itself is a member (not merely a prefix of members). */
    public boolean has(FieldPath path) {
        FieldSet level = this;
        List<PathElement> elements = path.elements();
        for (int i = 0; i < elements.size(); i++) {
            Node node = level.nodes.get(elements.get(i));
            if (node == null) {
                return false;
            }
            if (i == elements.size() - 1) {
                return node.member();
            }
            level = node.children();
        }
        return false;
    }

    /** The paths below {@code element}, relative to it; empty when there are none. */
    public FieldSet withPrefix(PathElement element) {
        Node node = nodes.get(element);
        return node == null ? EMPTY : node.children();
    }

    /** True when {@code element} is a member at this level. */
    boolean hasMember(PathElement element) {
        Node node = nodes.get(element);
        return node != null && node.member();
    }

    /** The nodes of this level, in order. */
    NavigableMap<PathElement, Node> nodes() {
        return nodes;
    }

    /** Paths in either set; this set when {@code other} adds none (a writer taking fields it already owns). */
    public FieldSet union(FieldSet other) {
        if (other.isEmpty() || other == this) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        TreeMap<PathElement, Node> out = new TreeMap<>(nodes);
        boolean[] merged = {false};
        other.nodes.forEach((pe, b) -> out.merge(pe, b, (a, x) -> {
            FieldSet children = a.children().union(x.children());
            boolean member = a.member() || x.member();
            if (member == a.member() && children == a.children()) {
                return a;
            }
            merged[0] = true;
            return new Node(member, children);
        }));
        return !merged[0] && out.size() == nodes.size() ? this : of(out); // nothing added, nothing merged
    }

    /** Paths of this set that are not members of {@code other} (exact, level by level); this set if none are. */
    public FieldSet difference(FieldSet other) {
        if (other.isEmpty()) {
            return this;
        }
        return combine(other, (a, b) -> {
            if (b == null) {
                return a;
            }
            FieldSet children = a.children().difference(b.children());
            boolean member = a.member() && !b.member();
            return member == a.member() && children == a.children() ? a : new Node(member, children);
        });
    }

    /** Paths in both sets. */
    public FieldSet intersection(FieldSet other) {
        return combine(other, (a, b) -> b == null ? null
                : new Node(a.member() && b.member(), a.children().intersection(b.children())));
    }

    /** Paths of this set that neither are nor lie below a member of {@code other}. */
    public FieldSet recursiveDifference(FieldSet other) {
        return combine(other, (a, b) -> b == null ? a
                : b.member() ? null : new Node(a.member(), a.children().recursiveDifference(b.children())));
    }

    /** Paths of this set that are or lie below a member of {@code prefixes}. */
    FieldSet retainUnder(FieldSet prefixes) {
        return combine(prefixes, (a, b) -> b == null ? null
                : b.member() ? a : new Node(false, a.children().retainUnder(b.children())));
    }

    private FieldSet combine(FieldSet other, BiFunction<Node, Node, Node> op) {
        if (isEmpty()) {
            return this;
        }
        TreeMap<PathElement, Node> out = new TreeMap<>();
        boolean[] same = {true};
        nodes.forEach((pe, a) -> {
            Node n = op.apply(a, other.nodes.get(pe));
            if (n != null && !n.isEmpty()) {
                out.put(pe, n);
            }
            same[0] &= n == a;
        });
        return same[0] ? this : of(out); // every node kept as it was: the same set (its encoding stays cached)
    }

    /** This set with every struct field that has members below it made a member too (upstream naming). */
    FieldSet ensureNamedFieldsAreMembers() {
        TreeMap<PathElement, Node> out = new TreeMap<>();
        nodes.forEach((pe, n) -> out.put(pe, new Node(n.member() || pe instanceof PathElement.Field
                && !n.children().isEmpty(), n.children().ensureNamedFieldsAreMembers())));
        return of(out);
    }

    /** Every member path, in upstream iteration order (a level's members first, then its children's). */
    public List<FieldPath> paths() {
        List<FieldPath> out = new ArrayList<>();
        collect(FieldPath.ROOT, out);
        return out;
    }

    private void collect(FieldPath prefix, List<FieldPath> out) {
        nodes.forEach((pe, n) -> {
            if (n.member()) {
                out.add(prefix.append(pe));
            }
        });
        nodes.forEach((pe, n) -> n.children().collect(prefix.append(pe), out));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldSet s && nodes.equals(s.nodes);
    }

    @Override
    public int hashCode() {
        return nodes.hashCode();
    }

    /** The FieldsV1 text. */
    @Override
    public String toString() {
        return toFieldsV1().toString();
    }

    /** Collects paths; {@link #build()} may be called once. */
    static final class Builder {
        private final TreeMap<PathElement, Builder> children = new TreeMap<>();
        private final TreeMap<PathElement, Boolean> members = new TreeMap<>();

        /** Adds {@code path} as a member (the root path is ignored). */
        Builder insert(FieldPath path) {
            Builder level = this;
            List<PathElement> elements = path.elements();
            for (int i = 0; i < elements.size(); i++) {
                PathElement pe = elements.get(i);
                if (i == elements.size() - 1) {
                    level.members.put(pe, Boolean.TRUE);
                } else {
                    level = level.children.computeIfAbsent(pe, k -> new Builder());
                }
            }
            return this;
        }

        FieldSet build() {
            TreeMap<PathElement, Node> out = new TreeMap<>();
            members.keySet().forEach(pe -> out.put(pe, new Node(true, EMPTY)));
            for (Map.Entry<PathElement, Builder> e : children.entrySet()) {
                FieldSet sub = e.getValue().build();
                if (!sub.isEmpty()) {
                    out.merge(e.getKey(), new Node(false, sub), (a, b) -> new Node(true, sub));
                }
            }
            return of(out);
        }
    }
}
