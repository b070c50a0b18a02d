package io.kubesim.registry.validation;

import io.kubesim.selection.LabelRules;
import java.util.List;

/** The name rules of apimachinery's {@code ValidateNameFunc}s, one per kind. */
public enum NameRule {
    /** {@code NameIsDNSSubdomain}: most kinds (Pod, ConfigMap, Deployment, Node, ...). */
    DNS1123_SUBDOMAIN,
    /** {@code NameIsDNSLabel}: Namespaces. */
    DNS1123_LABEL,
    /** {@code NameIsDNS1035Label}: Services. */
    DNS1035_LABEL,
    /** {@code path.ValidatePathSegmentName}: custom resources. */
    PATH_SEGMENT_ONLY;

    /**
     * The upstream detail messages for a name ({@code prefix=false}) or a generateName ({@code prefix=true}).
     * For prefixes the DNS rules mask a trailing dash exactly like Go's {@code maskTrailingDash}.
     */
    public List<String> messages(String name, boolean prefix) {
        String value = name == null ? "" : name;
        if (this == PATH_SEGMENT_ONLY) {
            return Formats.pathSegmentName(value, prefix);
        }
        if (prefix) {
            value = maskTrailingDash(value);
        }
        return switch (this) {
            case DNS1123_SUBDOMAIN -> LabelRules.isDNS1123Subdomain(value);
            case DNS1123_LABEL -> LabelRules.isDNS1123Label(value);
            default -> LabelRules.isDNS1035Label(value);
        };
    }

    /** Go: {@code name[:len(name)-2] + "a"} when the name ends in a dash (it really drops two characters). */
    static String maskTrailingDash(String name) {
        if (name.endsWith("-")) {
            return name.length() >= 2 ? name.substring(0, name.length() - 2) + "a" : "a";
        }
        return name;
    }
}
