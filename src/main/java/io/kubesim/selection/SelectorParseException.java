package io.kubesim.selection;

/**
 * A label or field selector (or a {@code metav1.LabelSelector}) could not be turned into a selector.
 *
 * <p>{@link #getMessage()} is exactly the Go error string. The kube-apiserver's list/watch/deletecollection
 * handlers wrap it unchanged into a {@code 400 BadRequest} Status ({@code errors.NewBadRequest(err.Error())}),
 * so for a bad {@code labelSelector=} query parameter the Status {@code message} is, for example,
 * {@code unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt}, and for a bad
 * {@code fieldSelector=} it is, for example, {@code invalid selector: 'a'; can't understand 'a'}.
 */
public class SelectorParseException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with the exact upstream message. */
    public SelectorParseException(String message) {
        super(message);
    }
}
