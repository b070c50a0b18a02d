package io.kubesim.registry.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageNamesTest {

    @ParameterizedTest(name = "\"{0}\" -> tag \"{1}\", {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "nginx|latest|Always",
        "nginx:latest|latest|Always",
        "nginx:1.27|1.27|IfNotPresent",
        "nginx:LATEST|LATEST|IfNotPresent",
        "docker.io/library/nginx|latest|Always",
        "registry.local:5000/team/app|latest|Always",
        "registry.local:5000/team/app:v2|v2|IfNotPresent",
        "localhost/app:latest|latest|Always",
        "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef||IfNotPresent",
        "nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef|latest|Always",
        "NGINX||IfNotPresent",
        "nginx:1.0:extra||IfNotPresent",
        "||IfNotPresent",
        "NULL||IfNotPresent",
        "Registry.Example.com/app|latest|Always",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef||IfNotPresent",
    })
    void tagAndPullPolicy(String image, String tag, String policy) {
        assertThat(ImageNames.tagOf(image)).isEqualTo(tag == null ? "" : tag);
        assertThat(ImageNames.defaultPullPolicy(image)).isEqualTo(policy);
    }
}
