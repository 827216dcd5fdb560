package com.alphacast.bots.render;

import com.alphacast.core.publication.Publication;
import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.distribution.Tier;
import com.alphacast.core.options.OccSymbol;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.OptionLeg;
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

    @Test
    void premiumShowsAnOptionsSignalsContractAndPremiumWithTheUnderlyingAsContextAndBasicOnlyTheUnderlying() {
        Instant at = Instant.parse("2025-10-01T18:00:00Z");
        Signal signal = new Signal("0dte-gamma:SPY:" + at, "0dte-gamma", "SPY", "SPY", Direction.SHORT, 658.05,
                659.37, 655.0, 1, 0.78, "negative gamma", at, at)
                .withOption(new OptionLeg(OccSymbol.parse("SPY251001P00658000"), 2.14, 1.52, 3.37));

        Briefing premium = BriefingComposer.standard().compose(new Publication.NewSignal(signal), Tier.PREMIUM);
        Briefing basic = BriefingComposer.standard().compose(new Publication.NewSignal(signal), Tier.BASIC);

        assertThat(premium.facts()).extracting(Fact::label, Fact::value).startsWith(
                org.assertj.core.groups.Tuple.tuple("Contract", "SPY251001P00658000"),
                org.assertj.core.groups.Tuple.tuple("Premium entry", "2.14"),
                org.assertj.core.groups.Tuple.tuple("Premium stop", "1.52"),
                org.assertj.core.groups.Tuple.tuple("Premium target", "3.37"),
                org.assertj.core.groups.Tuple.tuple("Underlying", "SPY 658.05, stop 659.37, target 655.00"));
        assertThat(basic.facts()).extracting(Fact::value).noneMatch(v -> v.contains("SPY251001P00658000"));
    }
}
