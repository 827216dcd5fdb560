package com.alphacast.bots;

import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Delivery;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.publication.TradeExit;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Fill;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Signals and trades shared by the bots tests, including values full of characters each platform treats specially. */
public final class Fixtures {

    public static final Instant MARKET_TIME = Instant.parse("2026-11-20T14:31:07Z");

    private Fixtures() {
    }

    public static Signal longEs() {
        return new Signal("gamma-flip|ESZ6|2026-11-20T14:31:07Z", "gamma-flip", "ES", "ESZ6", Direction.LONG,
                5012.25, 4998.0, 5040.5, 2, 0.725,
                "Dealer gamma flipped positive above 5010; VPIN falling.", MARKET_TIME, MARKET_TIME.plusMillis(40));
    }

    /** Every value carries HTML, Markdown(V2) and mention characters. */
    public static Signal hostileShort() {
        return new Signal("x<&>|SPY|1", "<b>fade</b>_*[]()~`>#+-=|{}.!", "SPY<&>\"", "SPY 261120P00650000 <i>&amp;</i>",
                Direction.SHORT, 655.5, 658.25, 649.0, 1, 0.5,
                "Call wall <660> & \"put\" skew *spiking* _fast_ @everyone `rm` ~~x~~ [link](http://evil) </i><b>",
                MARKET_TIME, MARKET_TIME);
    }

    public static Signal withRationale(String rationale) {
        Signal base = longEs();
        return new Signal(base.id(), base.strategy(), base.underlying(), base.instrument(), base.direction(),
                base.entry(), base.stop(), base.target(), base.quantity(), base.confidence(), rationale,
                base.marketTime(), base.observedAt());
    }

    public static Delivery delivery(Signal signal, Tier tier, Channel channel, String destination) {
        return new Delivery(new Publication.NewSignal(signal), tier, channel, destination);
    }

    public static Fill buyFill() {
        return new Fill("gamma-flip|ESZ6|2026-11-20T14:31:07Z", "gamma-flip|ESZ6|2026-11-20T14:31:07Z", "ESZ6",
                Direction.LONG, 2, 5012.5, MARKET_TIME.plusSeconds(1));
    }

    public static TradeExit winningExit() {
        return new TradeExit("gamma-flip|ESZ6|2026-11-20T14:31:07Z", "ES", "ESZ6", Direction.LONG, 2, 5012.5, 5040.5,
                TradeExit.ExitReason.TARGET, MARKET_TIME.plusSeconds(1), MARKET_TIME.plusSeconds(5400), 2_800.0);
    }

    public static TradeExit losingShortExit() {
        return new TradeExit("x<&>|SPY|1", "SPY<&>\"", "SPY 261120P00650000", Direction.SHORT, 1, 655.5, 658.25,
                TradeExit.ExitReason.STOP, MARKET_TIME, MARKET_TIME.plusSeconds(600), -275.0);
    }

    /** Closed by hand (not by its bracket), at a loss. */
    public static TradeExit manualExit() {
        return new TradeExit("gamma-flip|ESZ6|2026-11-20T14:31:07Z", "ES", "ESZ6", Direction.LONG, 2, 5012.5, 5008.25,
                TradeExit.ExitReason.MANUAL, MARKET_TIME.plusSeconds(1), MARKET_TIME.plusSeconds(1800), -425.0);
    }

    public static Publication.StopMoved stopToBreakEven() {
        return new Publication.StopMoved("gamma-flip|ESZ6|2026-11-20T14:31:07Z", "ES", "ESZ6", Direction.LONG, 5001.0,
                5012.5, MARKET_TIME.plusSeconds(900));
    }

    public static Publication.DailyRecap dayRecap() {
        return new Publication.DailyRecap(java.time.LocalDate.of(2026, 11, 20), 12, 8, 61.75, 6175.0, 28.0, -14.25,
                MARKET_TIME.plusSeconds(3600 * 8));
    }

    /** A briefing whose text per tier is what the morning function validated (with a hostile character or two). */
    public static Publication.MorningBriefing morningBriefing(boolean hasChart) {
        java.time.LocalDate session = java.time.LocalDate.of(2026, 11, 27);
        return new Publication.MorningBriefing(Publication.MorningBriefing.idOf(session), session,
                Instant.parse("2026-11-27T13:00:00Z"), "Early close at 13:00 ET: levels for <ES> & SPY",
                java.util.Map.of(
                        Tier.PREMIUM, "Zero gamma 668.50; call wall 670, put wall 650.\nSpot 666.84 sits below zero gamma:"
                                + " dealers short gamma, moves can extend.\nPrior session: high 6712.25, low 6650.00.",
                        Tier.BASIC, "Spot below zero gamma (668.50): expect wider ranges.\nKey levels 650 and 670.",
                        Tier.FREE, "Holiday session, early close at 13:00 ET."),
                hasChart);
    }

    /**
     * The repository's {@code testdata/} folder (real Telegram updates, Wycheproof vectors), from system property
     * {@code alphacast.testdata}, which the root pom's surefire configuration sets; fails naming what is missing.
     */
    public static Path testData() {
        String configured = System.getProperty("alphacast.testdata");
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("system property alphacast.testdata is not set; it must point at the"
                    + " repository's testdata/ folder (the root pom sets it: run Maven from the project root)");
        }
        Path path = Path.of(configured);
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("system property alphacast.testdata = " + path.toAbsolutePath()
                    + " is not a directory; it must point at the repository's testdata/ folder");
        }
        return path;
    }
}
