package io.kubesim.watch;

import io.kubesim.storage.ChangeType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every watch-cache behaviour again with documents kept deflated, plus the compression itself. */
class CompressedResourceCacheTest extends ResourceCacheTest {

    @Override
    boolean compressed() {
        return true;
    }

    @Test
    void keptDocumentsAreSmallerAndReadBackByteForByte() throws Exception {
        String padding = "x".repeat(2000);
        for (int i = 0; i < 3; i++) {
            String json = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p" + i
                    + "\",\"namespace\":\"a\",\"resourceVersion\":\"" + (11 + i) + "\"},\"spec\":{\"note\":\"" + padding
                    + i + "\"}}";
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            apply(ChangeType.ADDED, new CachedObject("a", "p" + i, "uid-" + i, 11 + i, bytes, Map.of(), new String[]{"Pending"}));
            CachedObject kept = cache.get("a/p" + i);
            assertThat(kept.retainedBytes()).isLessThan(bytes.length / 10);
            assertThat(kept.json()).isEqualTo(bytes);
            assertThat(kept.itemOffset()).isEqualTo(JsonBytes.afterTypeFields(bytes));
        }
        assertThat(new String(cache.get("a/p2").withRevision(99).json(), StandardCharsets.UTF_8))
                .contains("\"resourceVersion\":\"99\"").contains(padding + "2");
    }
}
