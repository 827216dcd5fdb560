package com.alphacast.bots.render;

import com.alphacast.core.publication.Publication;
import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.distribution.Tier;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BriefingComposerTest {

    private static Briefing premium(String rationale) {
        Instant at = Instant.parse("2011-07-31T22:10:00Z");
        Signal signal = new Signal("volume-spike:ESU1:" + at, "volume-spike", "ES", "ESU1", Direction.SHORT, 1303.5,
                1305.0, 1300.5, 1, 0.66, rationale, at, at);
        return BriefingComposer.standard().compose(new Publication.NewSignal(signal), Tier.PREMIUM);
    }

    @Test
    void premiumBriefingCutsAnUnboundedRationaleSoOneSignalStaysAFewMessages() {
        assertThat(premium("volume 3x").narrative()).isEqualTo("volume 3x");

        String cut = premium("x".repeat(200_000)).narrative();

        assertThat(cut).hasSize(BriefingComposer.MAX_NARRATIVE + 1).endsWith("x…");
    }

    @Test
    void cutNeverSplitsASurrogatePair() {
        String rationale = "x".repeat(BriefingComposer.MAX_NARRATIVE - 1) + "\uD83D\uDCC8" + "tail";

        assertThat(premium(rationale).narrative()).isEqualTo("x".repeat(BriefingComposer.MAX_NARRATIVE - 1) + "…");
    }
}
