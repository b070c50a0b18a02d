package io.kubesim.patch.apply;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.kubesim.patch.apply.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ApplyValidationTest {

    private static String checkConfig(String config, String apiVersion, String kind) {
        return catchThrowableOfType(ApplyRequestException.class,
                () -> ApplyValidation.checkConfig(json(config), apiVersion, kind)).getMessage();
    }

    @Test
    void bodyTypeMustMatchTheEndpoint() {
        assertThat(checkConfig("{'kind':'Deployment','metadata':{'name':'a'}}", "apps/v1", "Deployment"))
                .isEqualTo("invalid object type: /, Kind=Deployment");
        assertThat(checkConfig("{'apiVersion':'apps/v1','metadata':{'name':'a'}}", "apps/v1", "Deployment"))
                .isEqualTo("invalid object type: apps/v1, Kind=");
        assertThat(checkConfig("{'apiVersion':'v1','kind':'Deployment'}", "apps/v1", "Deployment"))
                .isEqualTo("invalid object type: /v1, Kind=Deployment");
        assertThat(checkConfig("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'managedFields':[]}}",
                "apps/v1", "Deployment")).isEqualTo("metadata.managedFields must be nil");
        assertThatCode(() -> ApplyValidation.checkConfig(json("{'apiVersion':'v1','kind':'Pod'}"), "v1", "Pod"))
                .doesNotThrowAnyException();
    }

    @Test
    void fieldManagerIsRequiredForApply() {
        ApplyRequestException e = catchThrowableOfType(ApplyRequestException.class,
                () -> ApplyValidation.requireFieldManager(""));
        assertThat(e.code()).isEqualTo(422);
        assertThat(e.getMessage()).isEqualTo("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: "
                + "is required for apply patch");
        assertThatCode(() -> ApplyValidation.requireFieldManager("kubectl")).doesNotThrowAnyException();
    }

    @Test
    void theResultMustBeNamedAsTheUrlSays() {
        ApplyRequestException missing = catchThrowableOfType(ApplyRequestException.class,
                () -> ApplyValidation.checkName(json("{'metadata':{}}"), "web", "default"));
        assertThat(missing.code()).isEqualTo(400);
        assertThat(missing.getMessage()).isEqualTo("the name of the object (web based on URL) was undeterminable: "
                + "name must be provided");
        assertThat(catchThrowableOfType(ApplyRequestException.class, () -> ApplyValidation.checkName(
                json("{'metadata':{'name':'x'}}"), "web", "default")).getMessage())
                .isEqualTo("the name of the object (x) does not match the name on the URL (web)");
        assertThat(catchThrowableOfType(ApplyRequestException.class, () -> ApplyValidation.checkName(
                json("{'metadata':{'name':'web','namespace':'other'}}"), "web", "default")).getMessage())
                .isEqualTo("the namespace of the object (other) does not match the namespace on the request (default)");
        assertThatCode(() -> ApplyValidation.checkName(json("{'metadata':{'name':'web'}}"), "web", "default"))
                .doesNotThrowAnyException();
    }

    @Test
    void theFieldManagerChecksTheBodyItself() {
        FieldManager fm = new FieldManager();
        Instant now = Instant.parse("2024-05-01T10:00:00Z");
        ApplyRequestException e = catchThrowableOfType(ApplyRequestException.class, () -> fm.apply(
                json("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'w'}}"),
                json("{'apiVersion':'apps/v1beta1','kind':'Deployment','metadata':{'name':'w'}}"),
                "m", "apps/v1", "", false, now));
        assertThat(e.getMessage()).isEqualTo("invalid object type: apps/v1beta1, Kind=Deployment");
        assertThat(e.toStatus().path("reason").asString()).isEqualTo("BadRequest");
        assertThat(catchThrowableOfType(ApplyRequestException.class, () -> fm.apply(null,
                json("{'apiVersion':'v1','metadata':{'name':'w'}}"), "m", "v1", "", false, now)).getMessage())
                .isEqualTo("invalid object type: /v1, Kind=");
    }
}
