package io.kubesim.api;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Byte-level encodings of the HTTP layer: JSON as stored, pretty JSON, YAML that looks like
 * kubectl's (no document marker, strings quoted only when needed, numeric strings kept strings).
 */
final class Encoders {

    private final JsonMapper json = JsonMapper.builder().build();
    private final tools.jackson.databind.ObjectWriter pretty = json.writer().with(goIndent());
    private final JsonMapper strictJson = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private final YAMLMapper yaml = YAMLMapper.builder(YAMLFactory.builder()
                    .stringQuotingChecker(new Yaml11Quoting()).build())
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .build();

    /** Go's {@code json.MarshalIndent(v, "", "  ")} layout: {@code "key": value}, arrays one element per line, {@code []}. */
    private static DefaultPrettyPrinter goIndent() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        printer.indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        return printer;
    }

    /**
     * Quotes, besides what Jackson quotes, strings a YAML 1.1 reader would not read back as strings:
     * timestamps ({@code creationTimestamp}), octal-looking and sexagesimal numbers, and the 1.1 booleans.
     */
    static final class Yaml11Quoting extends StringQuotingChecker.Default {
        private static final java.util.regex.Pattern YAML11_SCALAR = java.util.regex.Pattern.compile(
                "\\d{4}-\\d{1,2}-\\d{1,2}([Tt ].*)?|[-+]?0[0-7_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
                        + "|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+|[-+]?(\\.[0-9]+|[0-9][0-9_]*\\.?[0-9_]*)([eE][-+]?[0-9]+)?"
                        + "|(?i:y|n|yes|no|on|off|true|false|null|~)|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)|=|<<");

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || YAML11_SCALAR.matcher(value).matches();
        }
    }

    JsonMapper json() {
        return json;
    }

    YAMLMapper yaml() {
        return yaml;
    }

    /** Re-encodes JSON bytes as YAML. */
    byte[] toYaml(byte[] jsonBytes) {
        return yaml.writeValueAsBytes(json.readTree(jsonBytes));
    }

    byte[] toYaml(JsonNode tree) {
        return yaml.writeValueAsBytes(tree);
    }

    /** Re-encodes JSON bytes indented. */
    byte[] pretty(byte[] jsonBytes) {
        byte[] out = pretty.writeValueAsBytes(json.readTree(jsonBytes));
        byte[] withNewline = java.util.Arrays.copyOf(out, out.length + 1);
        withNewline[out.length] = '\n';
        return withNewline;
    }

    byte[] bytes(JsonNode tree) {
        return json.writeValueAsBytes(tree);
    }

    /** Parses a YAML request body into a tree (first document only). */
    JsonNode readYaml(byte[] body) {
        return yaml.readTree(body);
    }

    /** Parses JSON strictly (duplicate keys rejected). */
    JsonNode readJson(byte[] body) {
        return strictJson.readTree(body);
    }
}
