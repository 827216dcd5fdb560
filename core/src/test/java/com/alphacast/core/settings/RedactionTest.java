package com.alphacast.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {

    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    @Test
    void previewShowsAShortPrefixAndTheLengthNeverTheValue() {
        assertThat(Redaction.preview(TOKEN)).isEqualTo("'1234…' (44 characters)");
        assertThat(Redaction.preview("ES")).isEqualTo("'ES'");
        assertThat(Redaction.preview("a\nbcdef")).startsWith("'a?bc…'");
        assertThat(Redaction.preview(null)).isEqualTo("null");
    }

    @Test
    void scrubRemovesEveryOccurrenceOfEachSecret() {
        String message = "Illegal character in path at index 51: https://x/bot" + TOKEN + "/sendMessage and again " + TOKEN;
        assertThat(Redaction.scrub(message, List.of(TOKEN, "tiny"))).doesNotContain(TOKEN).contains("[redacted]")
                .contains("Illegal character in path");
        assertThat(Redaction.scrub("a tiny word", List.of("tiny"))).isEqualTo("a tiny word");
    }
}
