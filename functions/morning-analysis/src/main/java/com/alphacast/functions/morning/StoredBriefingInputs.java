package com.alphacast.functions.morning;

import com.alphacast.core.briefing.BriefingInputs;
import com.alphacast.core.briefing.SignalOutcome;
import com.alphacast.core.broker.MarketPrices;
import com.alphacast.core.briefing.events.EventCalendar;
import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.calendar.MarketSession;
import com.alphacast.core.market.Bar;
import com.alphacast.core.market.BarHistory;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.usecase.briefing.BriefingInputsSource;
import com.alphacast.core.usecase.briefing.TradeHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * The briefing's inputs from stored data, as of the schedule's occurrence: the prior session's and the overnight
 * bars from MarketSnapshotsTable (through {@link BarHistory}), the daily closes and volumes of the sessions before
 * it (one query per session, {@code sessionsBack} of them), the VPIN the prior session's last snapshot carried
 * (its {@code MarketAnalytics}), the prior day's signals and how they had ended by then from PositionsTable (the
 * day as the recap counts it: from the close of the session before it to its own close, so a futures night counts
 * towards the next day), the option chain from its configured source, and the events file.
 */
public final class StoredBriefingInputs implements BriefingInputsSource {

    private final String symbol;
    private final MarketCalendar calendar;
    private final BarHistory bars;
    private final MarketPrices snapshots;
    private final TradeHistory trades;
    private final Supplier<Optional<OptionChain>> chain;
    private final Optional<EventCalendar> events;
    private final int sessionsBack;

    public StoredBriefingInputs(String symbol, MarketCalendar calendar, BarHistory bars, MarketPrices snapshots,
                                TradeHistory trades, Supplier<Optional<OptionChain>> chain,
                                Optional<EventCalendar> events, int sessionsBack) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.bars = Objects.requireNonNull(bars, "bars");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.trades = Objects.requireNonNull(trades, "trades");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.events = Objects.requireNonNull(events, "events");
        if (sessionsBack < 1) {
            throw new IllegalArgumentException("sessionsBack must be >= 1, was " + sessionsBack);
        }
        this.sessionsBack = sessionsBack;
    }

    @Override
    public BriefingInputs inputs(MarketSession session, MarketSession priorSession, Instant asOf) {
        Instant priorEnd = asOf.isBefore(priorSession.closes()) ? asOf : priorSession.closes();
        List<Bar> prior = bars.barsBetween(symbol, priorSession.opens(), priorEnd);
        Instant overnightEnd = asOf.isBefore(session.opens()) ? asOf : session.opens();
        List<Bar> overnight = overnightEnd.isAfter(priorSession.closes())
                ? bars.barsBetween(symbol, priorSession.closes(), overnightEnd) : List.of();
        List<Double> closes = new ArrayList<>();
        List<Long> volumes = new ArrayList<>();
        if (!prior.isEmpty()) {
            closes.add(prior.get(prior.size() - 1).close());
            MarketSession earlier = priorSession;
            for (int i = 0; i < sessionsBack && calendar.covers(earlier.date().minusDays(7)); i++) {
                earlier = calendar.previousSession(earlier.date());
                List<Bar> day = bars.barsBetween(symbol, earlier.opens(), earlier.closes());
                if (day.isEmpty()) {
                    break; // a gap in the stored history: use only the unbroken run before the prior session
                }
                closes.add(day.get(day.size() - 1).close());
                volumes.add(day.stream().mapToLong(Bar::volume).sum());
            }
        }
        Collections.reverse(closes);
        Collections.reverse(volumes);
        return new BriefingInputs(symbol, session, priorSession, prior, overnight, closes,
                priorSessionVpin(priorSession, priorEnd), volumes, chain.get(), Optional.of(priorSignals(priorSession,
                        priorEnd, asOf)), events);
    }

    /** VPIN as the prior session's last stored snapshot had it; empty when none of its snapshots is stored. */
    private OptionalDouble priorSessionVpin(MarketSession priorSession, Instant priorEnd) {
        return snapshots.atOrBefore(symbol, priorEnd)
                .filter(snapshot -> !snapshot.bar().start().isBefore(priorSession.opens()))
                .map(snapshot -> OptionalDouble.of(snapshot.analytics().vpin()))
                .orElse(OptionalDouble.empty());
    }

    private List<SignalOutcome> priorSignals(MarketSession priorSession, Instant priorEnd, Instant asOf) {
        Instant dayStart = calendar.previousSession(priorSession.date()).closes();
        return trades.openedBetween(dayStart, priorEnd).stream().map(trade -> trade.outcomeAsOf(asOf)).toList();
    }
}
