package io.kubesim.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectionPredicateTest {

    @Test
    void everythingAcceptsAll() {
        assertThat(SelectionPredicate.everything().isEverything()).isTrue();
        assertThat(SelectionPredicate.everything().matches(null, f -> null)).isTrue();
        assertThat(new SelectionPredicate(null, null).isEverything()).isTrue();
    }

    @Test
    void requiresBothSelectors() throws SelectorParseException {
        SelectionPredicate p = new SelectionPredicate(LabelSelector.parse("app=web"),
                FieldSelector.parse("metadata.name=a"));
        Map<String, String> fields = Map.of("metadata.name", "a");
        assertThat(p.isEverything()).isFalse();
        assertThat(p.matches(Map.of("app", "web"), fields::get)).isTrue();
        assertThat(p.matches(Map.of("app", "db"), fields::get)).isFalse();
        assertThat(p.matches(Map.of("app", "web"), f -> "b")).isFalse();
    }

    @Test
    void nothingSelectorIsNotEverything() {
        SelectionPredicate p = new SelectionPredicate(LabelSelector.nothing(), null);
        assertThat(p.isEverything()).isFalse();
        assertThat(p.matches(Map.of(), f -> "")).isFalse();
    }
}
