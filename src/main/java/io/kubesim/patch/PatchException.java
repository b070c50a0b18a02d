package io.kubesim.patch;

/**
 * A patch that cannot be applied, with the category that decides the HTTP answer. The mapping below was read from
 * {@code k8s.io/apiserver/pkg/endpoints/handlers/patch.go} ({@code applyJSPatch}, {@code strategicPatchObject},
 * {@code interpretStrategicMergePatchError}), {@code handlers/rest.go} ({@code fieldValidation}: the default is
 * {@code Warn}, so request bodies are decoded strictly) and {@code k8s.io/apimachinery/pkg/api/errors/errors.go}.
 *
 * <table>
 * <caption>Categories</caption>
 * <tr><th>category</th><th>HTTP, reason</th><th>{@code Status.message}</th><th>raised for</th></tr>
 * <tr><td>{@link Category#BAD_REQUEST}</td><td>400 {@code BadRequest}</td><td>{@link #getMessage()}</td>
 * <td>JSON patch body not an array of operation objects ({@code error decoding patch: json: cannot unmarshal object
 * into Go value of type []handlers.jsonPatchOp}); merge patch body {@code null} ({@code Invalid JSON Patch}) or not
 * an object ({@code error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface
 * {}}); strategic merge patch body not an object ({@code json: cannot unmarshal array into Go value of type
 * map[string]interface {}}) and bad directive formats ({@code invalid patch format of primitive list},
 * {@code invalid patch format of retainKeys}, {@code invalid patch format of setElementOrder list})</td></tr>
 * <tr><td>{@link Category#INVALID}</td><td>422 {@code Invalid}, {@code details: {}}</td><td>always
 * {@value #GENERIC_INVALID}</td><td>any failing JSON patch operation (failed {@code test}, missing path, bad index,
 * unknown op); strategic merge patch {@code lists of lists are not supported}. The apiserver drops the specific
 * text ({@code NewGenericServerResponse} without causes); {@link #detail()} keeps it</td></tr>
 * <tr><td>{@link Category#TOO_LARGE}</td><td>413 {@code RequestEntityTooLarge}</td><td>{@code Request entity too
 * large: } + {@link #getMessage()}</td><td>more than 10,000 JSON patch operations</td></tr>
 * <tr><td>{@link Category#INTERNAL}</td><td>500, empty reason</td><td>{@link #getMessage()}</td><td>strategic merge
 * patch errors that {@code interpretStrategicMergePatchError} passes through and {@code ErrorToAPIStatus} turns into
 * a bare 500: a missing merge key ({@code map: map[image:x] does not contain declared merge key: name}),
 * {@code unknown patch type: merge in map: map[$patch:merge]}, {@code merging lists cannot yet be specified in the
 * patch}, mixed element types, a {@code $setElementOrder} list out of step with its patch list. Where apimachinery
 * panics instead (a {@code null} first list element, {@code $setElementOrder} on an atomic list of maps) the
 * apiserver answers a plain-text 500 {@code This request caused apiserver to panic. Look in the logs for
 * details.}</td></tr>
 * <tr><td>{@link Category#CONFLICT}</td><td>409 {@code Conflict}</td><td>the registry's own text</td><td>never
 * raised here; kept for the registry's {@code metadata.resourceVersion} precondition</td></tr>
 * </table>
 *
 * <p>With {@code fieldValidation=Ignore} the bodies are decoded leniently and some 400 texts differ: JSON patch
 * {@code json: cannot unmarshal object into Go value of type jsonpatch.Patch}; merge patch {@code Invalid JSON Patch}
 * for scalars, while an array body replaces the object and then fails decoding with a 422 naming field
 * {@code patch}; strategic merge patch texts are unchanged.
 */
public final class PatchException extends Exception {

    /** The generic 422 message the apiserver substitutes for the real reason of a failed patch. */
    public static final String GENERIC_INVALID = "the server rejected our request due to an error in our request";

    private static final long serialVersionUID = 1L;

    /** What went wrong, and so which HTTP answer the apiserver gives. */
    public enum Category {
        /** 400 {@code BadRequest}. */
        BAD_REQUEST(400, "BadRequest"),
        /** 422 {@code Invalid} with the generic message. */
        INVALID(422, "Invalid"),
        /** 409 {@code Conflict}; not raised by this package. */
        CONFLICT(409, "Conflict"),
        /** 413 {@code RequestEntityTooLarge}. */
        TOO_LARGE(413, "RequestEntityTooLarge"),
        /** 500 with an empty reason: an error the apiserver does not classify. */
        INTERNAL(500, "");

        private final int httpStatus;
        private final String reason;

        Category(int httpStatus, String reason) {
            this.httpStatus = httpStatus;
            this.reason = reason;
        }

        /** The HTTP status code. */
        public int httpStatus() {
            return httpStatus;
        }

        /** The {@code Status.reason} on the wire; empty for {@link #INTERNAL}. */
        public String reason() {
            return reason;
        }
    }

    private final Category category;
    private final String detail;

    PatchException(Category category, String message) {
        this(category, message, message, null);
    }

    PatchException(Category category, String message, String detail, Throwable cause) {
        super(message, cause);
        this.category = category;
        this.detail = detail;
    }

    static PatchException badRequest(String message) {
        return new PatchException(Category.BAD_REQUEST, message);
    }

    static PatchException internal(String message) {
        return new PatchException(Category.INTERNAL, message);
    }

    /** A 422 with the generic message; {@code detail} keeps the real reason for logs. */
    static PatchException invalid(String detail, Throwable cause) {
        return new PatchException(Category.INVALID, GENERIC_INVALID, detail, cause);
    }

    /** The category. */
    public Category category() {
        return category;
    }

    /** The HTTP status the apiserver answers with. */
    public int httpStatus() {
        return category.httpStatus();
    }

    /** The exact {@code Status.message} the apiserver sends. */
    public String statusMessage() {
        return category == Category.TOO_LARGE ? "Request entity too large: " + getMessage() : getMessage();
    }

    /** The precise reason, for logs; equal to the message except for {@link Category#INVALID}. */
    public String detail() {
        return detail;
    }
}
