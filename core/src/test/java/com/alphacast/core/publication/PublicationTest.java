package com.alphacast.core.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.core.distribution.Tier;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Fill;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PublicationTest {

    private static final Instant AT = Instant.parse("2011-07-31T22:10:00Z");
    private static final LocalDate SESSION = LocalDate.of(2026, 11, 27);

    private static TradeExit exit(TradeExit.ExitReason reason) {
        return new TradeExit("s1", "ES", "ESU1", Direction.SHORT, 1, 1303.5, 1300.5, reason, AT, AT.plusSeconds(600), 150.0);
    }

    @Test
    void updatesFollowTheSignalTheyAreAbout() {
        Fill fill = new Fill("s1", "s1", "ESU1", Direction.SHORT, 1, 1303.5, AT);

        assertThat(new Publication.Filled(fill, "ES").follows()).contains("s1");
        assertThat(new Publication.TargetHit(exit(TradeExit.ExitReason.TARGET)).follows()).contains("s1");
        assertThat(new Publication.DailyRecap(SESSION, 2, 1, 1.5, 75, 3, -1.5, AT).follows()).isEmpty();
    }

    @Test
    void premiumReleasesComeFirstAndWithinATierNewSignalsBeforeEverythingElse() {
        Signal signal = new Signal("s2", "volume-spike", "ES", "ESU1", Direction.SHORT, 1303.5, 1306.5, 1298.75, 1,
                0.7, "", AT, AT);
        Publication filled = new Publication.Filled(new Fill("s1", "s1", "ESU1", Direction.SHORT, 1, 1303.5, AT), "ES");
        Publication newSignal = new Publication.NewSignal(signal);
        TierRelease basicSignal = new TierRelease(newSignal, Tier.BASIC, AT);
        TierRelease premiumFill = new TierRelease(filled, Tier.PREMIUM, AT);
        TierRelease freeSignal = new TierRelease(newSignal, Tier.FREE, AT);
        TierRelease premiumSignal = new TierRelease(newSignal, Tier.PREMIUM, AT);
        TierRelease basicFill = new TierRelease(filled, Tier.BASIC, AT);
        TierRelease basicRecap = new TierRelease(new Publication.DailyRecap(SESSION, 2, 1, 1.5, 75, 3, -1.5, AT),
                Tier.BASIC, AT);

        // The recap keeps its place behind the fill it may report on.
        assertThat(Stream.of(basicFill, freeSignal, basicRecap, premiumFill, basicSignal, premiumSignal)
                .sorted(TierRelease.MOST_URGENT_FIRST))
                .containsExactly(premiumSignal, premiumFill, basicSignal, basicFill, basicRecap, freeSignal);
    }

    @Test
    void closeIsPublishedAsTheKindItsReasonNames() {
        assertThat(Publication.closeOf(exit(TradeExit.ExitReason.TARGET))).isInstanceOf(Publication.TargetHit.class);
        assertThat(Publication.closeOf(exit(TradeExit.ExitReason.STOP))).isInstanceOf(Publication.StopHit.class);
        assertThat(Publication.closeOf(exit(TradeExit.ExitReason.MANUAL))).isInstanceOf(Publication.Closed.class);
        assertThatThrownBy(() -> new Publication.StopHit(exit(TradeExit.ExitReason.TARGET)))
                .hasMessageContaining("exit by stop").hasMessageContaining("s1");
    }

    @Test
    void morningBriefingIdNamesItsSession() {
        Publication.MorningBriefing briefing = new Publication.MorningBriefing("briefing:2026-11-27", SESSION, AT,
                "Early close at 13:00", Map.of(Tier.PREMIUM, "Levels ...", Tier.FREE, "Short version"), true);

        assertThat(briefing.id()).isEqualTo(Publication.MorningBriefing.idOf(SESSION));
        assertThat(briefing.textFor(Tier.FREE)).isEqualTo("Short version");
        assertThatThrownBy(() -> briefing.textFor(Tier.BASIC)).hasMessageContaining("basic");
        assertThatThrownBy(() -> new Publication.MorningBriefing("briefing:2026-11-26", SESSION, AT, "h",
                Map.of(Tier.PREMIUM, "t"), false)).hasMessageContaining("briefing:2026-11-27");
        assertThatThrownBy(() -> new Publication.MorningBriefing("briefing:2026-11-27", SESSION, AT, "h",
                Map.of(Tier.PREMIUM, " "), false)).hasMessageContaining("premium");
    }

    @Test
    void chartsAreKeptPerPublication() {
        ChartArchive charts = new InMemoryChartArchive().store("briefing:2026-11-27", new byte[] {1, 2});

        assertThat(charts.chart("briefing:2026-11-27")).hasValueSatisfying(png -> assertThat(png).containsExactly(1, 2));
        assertThat(charts.chart("briefing:2026-11-30")).isEmpty();
    }
}
