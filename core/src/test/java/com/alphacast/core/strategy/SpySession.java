package com.alphacast.core.strategy;

import com.alphacast.core.calendar.Exchange;
import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.calendar.ShippedCalendars;
import com.alphacast.core.fixtures.SpyChain;
import com.alphacast.core.market.Bar;
import com.alphacast.core.market.ChainSummary;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.activity.UnusualOptionsActivity;
import com.alphacast.core.options.gex.GammaExposure;
import com.alphacast.core.options.gex.GexConvention;
import com.alphacast.core.state.ChainAnalytics;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The real CBOE SPY chain of 2025-09-25 (spot 658.05) placed in a session, with a one-minute SPY bar at a chosen
 * New York time. The export was taken at 21:05 EDT; a test that trades inside the session re-stamps it to the bar's
 * time (and, for the 0DTE case, to the session of its nearest expiry, 2025-10-01), which is the only change to it.
 */
final class SpySession {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final MarketCalendar NYSE = new ShippedCalendars().calendar(Exchange.XNYS);
    static final OptionChain EXPORT = SpyChain.load().chain();
    static final GammaExposure GEX = new GammaExposure(GexConvention.DEFAULT);

    private SpySession() {
    }

    /** The chain as if received at {@code date time} New York. */
    static OptionChain chainAt(LocalDate date, LocalTime time) {
        return new OptionChain(EXPORT.underlying(), EXPORT.spot(), date, ZonedDateTime.of(date, time, NEW_YORK),
                EXPORT.contracts());
    }

    static ChainSummary summary(OptionChain chain) {
        return new ChainAnalytics(GEX, UnusualOptionsActivity.DEFAULT).summarize(chain);
    }

    /** A live view of the one-minute bar ending at {@code date end} New York, with the chain's summary. */
    static BarView view(LocalDate date, LocalTime end, double open, double close, double zScore, OptionChain chain) {
        Instant barEnd = ZonedDateTime.of(date, end, NEW_YORK).toInstant();
        Bar bar = new Bar("SPY", barEnd.minusSeconds(60).toEpochMilli(), barEnd.toEpochMilli(), open,
                Math.max(open, close) + 0.05, Math.min(open, close) - 0.05, close, 250_000, 1_800);
        return new BarView("SPY", FeedHealth.LIVE, bar, 0.16, zScore, Optional.of(summary(chain)));
    }

    static StrategyContext context(BarView view, OptionChain chain) {
        return new StrategyContext(view, Optional.of(chain), view.lastBar().end().plusMillis(300));
    }
}
