package io.kubesim.api;

/**
 * The negotiated response format of one request.
 *
 * @param includeObject for Tables: None, Metadata (default) or Object
 */
record Format(OutputFormat output, boolean pretty, String includeObject) {

    static final Format JSON = new Format(OutputFormat.JSON, false, "Metadata");

    /** Errors are plain Status documents in the same encoding (never a Table). */
    Format forErrors() {
        return new Format(new OutputFormat(output.encoding(), OutputFormat.Conversion.NONE), pretty, includeObject);
    }
}
