package io.kubesim.api.openapi;

import io.kubesim.registry.kinds.Kinds;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RenderedOpenApiTest {

    @Test
    void rendersInTheBackgroundWhatRenderingInlineGives() {
        OpenApiDocuments inline = OpenApiDocuments.of(Kinds.catalog());
        RenderedOpenApi rendered = RenderedOpenApi.startRendering(Kinds.catalog());

        assertThat(rendered.v3().index()).isEqualTo(inline.index());
        assertThat(rendered.v3().document("api/v1").orElseThrow().hash())
                .isEqualTo(inline.document("api/v1").orElseThrow().hash());
        assertThat(rendered.v2().json())
                .isEqualTo(OpenApiV2.of(inline, ApiDescription.KUBERNETES_VERSION).json());
    }

    @Test
    void aFailedRenderingFailsEveryRequestForTheDocuments() {
        RenderedOpenApi rendered = RenderedOpenApi.startRendering(null);

        assertThatThrownBy(rendered::v3).isInstanceOf(CompletionException.class);
        assertThatThrownBy(rendered::v2).isInstanceOf(CompletionException.class);
    }
}
