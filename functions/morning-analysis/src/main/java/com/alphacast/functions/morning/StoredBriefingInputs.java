package com.alphacast.functions.morning;

import com.alphacast.core.briefing.BriefingInputs;
import com.alphacast.core.briefing.events.EconomicEvent;
import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.calendar.MarketSession;
import com.alphacast.core.market.Bar;
import com.alphacast.core.market.BarHistory;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.usecase.briefing.BriefingInputsSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * The briefing's inputs from stored data: the prior session's and the overnight bars from MarketSnapshotsTable
 * (through {@link BarHistory}), the daily closes and volumes of the sessions before it (one query per session,
 * {@code sessionsBack} of them), the option chain from its configured source, and the events file. The prior
 * session's VPIN and the signals' outcomes are not stored by anything yet, so they are passed as unknown and the
 * fact sheet says so rather than guessing.
 */
public final class StoredBriefingInputs implements BriefingInputsSource {

    private final String symbol;
    private final MarketCalendar calendar;
    private final BarHistory bars;
    private final Supplier<Optional<OptionChain>> chain;
    private final Optional<List<EconomicEvent>> events;
    private final int sessionsBack;
    private final Clock clock;

    public StoredBriefingInputs(String symbol, MarketCalendar calendar, BarHistory bars,
                                Supplier<Optional<OptionChain>> chain, Optional<List<EconomicEvent>> events,
                                int sessionsBack, Clock clock) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.bars = Objects.requireNonNull(bars, "bars");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.events = Objects.requireNonNull(events, "events");
        if (sessionsBack < 1) {
            throw new IllegalArgumentException("sessionsBack must be >= 1, was " + sessionsBack);
        }
        this.sessionsBack = sessionsBack;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public BriefingInputs inputs(MarketSession session, MarketSession priorSession) {
        List<Bar> prior = bars.barsBetween(symbol, priorSession.opens(), priorSession.closes());
        Instant now = clock.instant();
        Instant overnightEnd = now.isBefore(session.opens()) ? now : session.opens();
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
        return new BriefingInputs(symbol, session, priorSession, prior, overnight, closes, OptionalDouble.empty(),
                volumes, chain.get(), Optional.empty(), events);
    }
}
