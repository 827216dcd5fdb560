package com.alphacast.bots.render;

import com.alphacast.core.publication.Publication;
import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.distribution.Tier;
import com.alphacast.core.options.OccSymbol;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.OptionLeg;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.publication.TradeExit;
import com.alphacast.core.trading.Fill;
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

    @Test
    void everyTierSaysABoughtPutOnABearishSignalIsABearishPutBuyNeverLong() {
        Instant at = Instant.parse("2025-10-01T18:00:00Z");
        String contract = "SPY251001P00658000";
        Signal signal = new Signal("0dte-gamma:SPY:" + at, "0dte-gamma", "SPY", "SPY", Direction.SHORT, 658.05,
                659.37, 655.0, 1, 0.78, "negative gamma", at, at)
                .withOption(new OptionLeg(OccSymbol.parse(contract), 2.14, 1.52, 3.37));
        // the order buys the put: LONG on the option, bearish on SPY
        Fill fill = new Fill("order-1", signal.id(), contract, Direction.LONG, 1, 2.14, at);
        TradeExit exit = new TradeExit(signal.id(), "SPY", contract, Direction.LONG, 1, 2.14, 3.37,
                TradeExit.ExitReason.TARGET, at, at.plusSeconds(600), 123.0);
        BriefingComposer composer = BriefingComposer.standard();

        Briefing premiumSignal = composer.compose(new Publication.NewSignal(signal), Tier.PREMIUM);
        Briefing basicSignal = composer.compose(new Publication.NewSignal(signal), Tier.BASIC);
        Briefing basicFill = composer.compose(new Publication.Filled(fill, "SPY"), Tier.BASIC);

        assertThat(premiumSignal.headline()).isEqualTo("BUY PUT SPY (bearish)");
        assertThat(basicSignal.headline()).isEqualTo("BUY PUT SPY (bearish)");
        assertThat(basicSignal.facts()).extracting(Fact::label, Fact::value)
                .contains(org.assertj.core.groups.Tuple.tuple("Direction", "BUY PUT (bearish)"));
        assertThat(basicFill.facts()).extracting(Fact::label, Fact::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Underlying", "SPY"),
                        org.assertj.core.groups.Tuple.tuple("Direction", "BUY PUT (bearish)"));
        assertThat(basicFill.tone()).isEqualTo(Tone.BEARISH);
        for (Tier tier : Tier.values()) {
            Briefing closed = composer.compose(new Publication.TargetHit(exit), tier);
            assertThat(closed.headline()).isEqualTo("SPY PUT (bearish) target hit: +1.23 pts");
            for (Briefing briefing : java.util.List.of(composer.compose(new Publication.NewSignal(signal), tier),
                    composer.compose(new Publication.Filled(fill, "SPY"), tier), closed)) {
                assertThat(briefing.headline()).doesNotContain("LONG");
                assertThat(briefing.facts()).extracting(Fact::value).noneMatch(v -> v.contains("LONG"));
            }
        }
    }

    @Test
    void aFuturesSignalSaysBuyOrSellWithItsView() {
        Instant at = Instant.parse("2011-07-31T22:10:00Z");
        Signal shortEs = new Signal("volume-spike:ESU1:" + at, "volume-spike", "ES", "ESU1", Direction.SHORT, 1303.5,
                1305.0, 1300.5, 1, 0.66, "volume 3x", at, at);
        Signal longEs = new Signal("volume-spike:ESU1:" + at, "volume-spike", "ES", "ESU1", Direction.LONG, 1303.5,
                1300.5, 1308.5, 1, 0.66, "volume 3x", at, at);

        assertThat(BriefingComposer.standard().compose(new Publication.NewSignal(shortEs), Tier.BASIC).headline())
                .isEqualTo("SELL ES (bearish)");
        assertThat(BriefingComposer.standard().compose(new Publication.NewSignal(longEs), Tier.PREMIUM).headline())
                .isEqualTo("BUY ES (bullish)");
    }
}
