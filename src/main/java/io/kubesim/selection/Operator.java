package io.kubesim.selection;

/** Label selector operators, mirroring {@code k8s.io/apimachinery/pkg/selection.Operator}. */
public enum Operator {
    /** {@code k=v}. */
    EQUALS("="),
    /** {@code k==v}; matches like {@link #EQUALS} but keeps its spelling in {@code toString()}. */
    DOUBLE_EQUALS("=="),
    /** {@code k!=v}; also matches objects without the key. */
    NOT_EQUALS("!="),
    /** {@code k in (a,b)}. */
    IN("in"),
    /** {@code k notin (a,b)}; also matches objects without the key. */
    NOT_IN("notin"),
    /** {@code k}. */
    EXISTS("exists"),
    /** {@code !k}. */
    DOES_NOT_EXIST("!"),
    /** {@code k>5} (integer comparison). */
    GREATER_THAN("gt"),
    /** {@code k<5} (integer comparison). */
    LESS_THAN("lt");

    private final String goName;

    Operator(String goName) {
        this.goName = goName;
    }

    /** The Go {@code selection.Operator} string, e.g. {@code notin}, {@code gt}, {@code !}. */
    public String goName() {
        return goName;
    }
}
