package com.alphacast.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.feed.InputFormatException;

/** What every input error must look like, whatever the input: a clear, short, terminal-safe line. */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    /** {@code source:line:column: problem}, bounded, no control characters, pointing inside the input. */
    public static void assertClear(InputFormatException e, String source, String input) {
        String message = e.getMessage();
        assertThat(message).startsWith(source + ":").hasSizeLessThan(800);
        assertThat(message.chars().noneMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F))).as(message).isTrue();
        long lines = input.chars().filter(c -> c == '\n' || c == '\r').count() + 1;
        assertThat(e.line()).as(message).isBetween(1L, lines + 1);
        assertThat(e.column()).as(message).isPositive();
        assertThat(e.problem()).as(message).isNotBlank();
    }
}
