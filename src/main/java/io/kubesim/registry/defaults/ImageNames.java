package io.kubesim.registry.defaults;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The image-tag logic of {@code pkg/util/parsers.ParseImageName} (docker reference grammar), as far as the pull
 * policy default needs it: an image without tag and digest has the implied tag {@code latest}; an unparsable
 * reference has no tag at all.
 */
final class ImageNames {

    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*"
            + "|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?";
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
    private static final String NAME = "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private static final Pattern REFERENCE =
            Pattern.compile("^(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?$");
    private static final Pattern HEX_IDENTIFIER = Pattern.compile("^[a-f0-9]{64}$");
    private static final int MAX_NAME_LENGTH = 255;

    static final String PULL_ALWAYS = "Always";
    static final String PULL_IF_NOT_PRESENT = "IfNotPresent";

    private ImageNames() {
    }

    /**
     * The tag upstream's parser reports: the explicit tag, {@code "latest"} when neither tag nor digest is
     * given, {@code ""} for a digest-only reference or a reference that does not parse.
     */
    static String tagOf(String image) {
        if (image == null || image.isEmpty() || HEX_IDENTIFIER.matcher(image).matches()) {
            return "";
        }
        Matcher m = REFERENCE.matcher(image);
        if (!m.matches() || m.group(1).length() > MAX_NAME_LENGTH) {
            return "";
        }
        if (m.group(2) != null) {
            return m.group(2);
        }
        return m.group(3) == null ? "latest" : "";
    }

    /** {@code SetDefaults_Container}: {@code Always} for the {@code latest} tag, else {@code IfNotPresent}. */
    static String defaultPullPolicy(String image) {
        return "latest".equals(tagOf(image)) ? PULL_ALWAYS : PULL_IF_NOT_PRESENT;
    }
}
