package com.alphacast.core.signal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignalTest {

    private static Signal withInstrument(String instrument) {
        Instant at = Instant.parse("2011-07-31T22:10:00Z");
        return new Signal("volume-spike:ESU1:" + at, "volume-spike", "ES", instrument, Direction.SHORT, 1303.5, 1305.0,
                1300.5, 1, 0.66, "volume 3x", at, at);
    }

    @Test
    void rejectsAnInstrumentLongerThanAnyContractSymbolNamingItsLength() {
        withInstrument("x".repeat(Signal.MAX_NAME_LENGTH));

        assertThatThrownBy(() -> withInstrument("x".repeat(Signal.MAX_NAME_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("instrument must be at most 512 characters, was 513");
    }
}
