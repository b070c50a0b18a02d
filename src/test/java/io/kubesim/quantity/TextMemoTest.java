package io.kubesim.quantity;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class TextMemoTest {

    @Test
    void computesEachTextOnceUpToTheLimitThenEveryTime() {
        AtomicInteger calls = new AtomicInteger();
        TextMemo<Integer> memo = new TextMemo<>(t -> {
            calls.incrementAndGet();
            return t.length();
        });
        assertThat(memo.get("100m")).isEqualTo(4);
        assertThat(memo.get("100m")).isEqualTo(4);
        assertThat(calls).hasValue(1);
        for (int i = 0; i < TextMemo.LIMIT; i++) {
            memo.get("q" + i);
        }
        int before = calls.get();
        memo.get("unique-beyond-the-limit");
        memo.get("unique-beyond-the-limit");
        assertThat(calls.get() - before).isEqualTo(2);
        memo.get("100m");
        assertThat(calls.get() - before).isEqualTo(2);
    }
}
