package io.kubesim.api;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
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
    private final YAMLMapper yaml = YAMLMapper.builder()
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
