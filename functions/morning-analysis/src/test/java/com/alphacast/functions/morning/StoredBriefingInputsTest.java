package com.alphacast.functions.morning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.alphacast.core.briefing.BriefingInputs;
import com.alphacast.core.briefing.SignalOutcome;
import com.alphacast.core.broker.MarketPrices;
import com.alphacast.core.market.MarketAnalytics;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.core.trading.Position;
import com.alphacast.core.trading.PositionExit;
import com.alphacast.core.usecase.briefing.SessionTrade;
import com.alphacast.core.usecase.briefing.TradeHistory;
import com.alphacast.core.volatility.VolatilityRegime;
import com.alphacast.core.calendar.Exchange;
import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.calendar.MarketSession;
import com.alphacast.core.calendar.ShippedCalendars;
import com.alphacast.core.market.Bar;
import com.alphacast.core.market.BarHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoredBriefingInputsTest {

    private final MarketCalendar nyse = new ShippedCalendars().calendar(Exchange.XNYS);
    private final List<Bar> stored = new ArrayList<>();
    private final List<String> queries = new ArrayList<>();
    private final BarHistory history = (symbol, from, to) -> {
        queries.add(from + ".." + to);
        return stored.stream().filter(bar -> bar.symbol().equals(symbol) && !bar.start().isBefore(from)
                && !Instant.ofEpochMilli(bar.endMillis()).isAfter(to)).toList();
    };
    /** Each stored bar's snapshot carries VPIN = its volume / 1,000 (a value the test can tell apart per bar). */
    private final MarketPrices snapshots = new MarketPrices() {
        @Override
        public Optional<MarketSnapshot> atOrBefore(String symbol, Instant time) {
            return stored.stream().filter(bar -> bar.symbol().equals(symbol) && !bar.end().isAfter(time))
                    .reduce((first, second) -> second).map(bar -> new MarketSnapshot(bar, bar.end(),
                            new MarketAnalytics(FeedHealth.LIVE, bar.volume() / 1_000.0, Double.NaN, Double.NaN,
                                    Double.NaN, Double.NaN, VolatilityRegime.UNKNOWN, Double.NaN, Double.NaN, false,
                                    0, 0, Optional.empty())));
        }

        @Override
        public Optional<MarketSnapshot> latest(String symbol) {
            return atOrBefore(symbol, Instant.MAX);
        }
    };
    private final List<SessionTrade> positions = new ArrayList<>();
    private final List<String> tradeQueries = new ArrayList<>();
    private final TradeHistory trades = (from, to) -> {
        tradeQueries.add(from + ".." + to);
        return positions.stream().filter(t -> !t.position().openedAt().isBefore(from)
                && t.position().openedAt().isBefore(to)).toList();
    };

    private StoredBriefingInputs inputs() {
        return new StoredBriefingInputs("SPY", nyse, history, snapshots, trades, Optional::empty, Optional.empty(), 5);
    }

    private static SessionTrade trade(String id, double entry, String opened, ExitReason reason, double exitPrice,
                                      String closed) {
        Position position = new Position(id, "SPY", "SPY", Direction.LONG, 10, entry, entry - 1, entry + 2,
                Instant.parse(opened));
        return new SessionTrade(position, reason == null ? Optional.empty()
                : Optional.of(new PositionExit(id, reason, exitPrice, Instant.parse(closed))),
                reason == null ? 0 : (exitPrice - entry) * 10);
    }

    /** Two bars for a session: its first minute and its last, closing at {@code close} with {@code volume} each. */
    private void session(LocalDate day, double close, long volume) {
        MarketSession session = nyse.session(day).orElseThrow();
        long open = session.opens().toEpochMilli();
        long last = session.closes().toEpochMilli() - 60_000;
        stored.add(new Bar("SPY", open, open + 60_000, close - 1, close, close - 2, close - 0.5, volume, 10));
        stored.add(new Bar("SPY", last, last + 60_000, close - 0.5, close + 0.5, close - 1, close, volume, 10));
    }

    @Test
    void readsThePriorSessionTheOvernightAndAnUnbrokenRunOfEarlierSessions() {
        // 2026-11-26 is Thanksgiving (closed): the session before 2026-11-27 is the 25th.
        session(LocalDate.of(2026, 11, 20), 650.00, 100);
        session(LocalDate.of(2026, 11, 23), 652.00, 200);
        session(LocalDate.of(2026, 11, 24), 655.00, 300);
        session(LocalDate.of(2026, 11, 25), 658.00, 400);
        LocalDate day = LocalDate.of(2026, 11, 27);
        MarketSession session = nyse.session(day).orElseThrow();
        MarketSession prior = nyse.previousSession(day);
        Instant beforeOpen = session.opens().minusSeconds(3_600);

        BriefingInputs inputs = inputs().inputs(session, prior, beforeOpen);

        assertThat(prior.date()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(inputs.priorSessionBars()).hasSize(2);
        assertThat(inputs.dailyCloses()).containsExactly(650.00, 652.00, 655.00, 658.00);
        assertThat(inputs.baselineVolumes()).containsExactly(200L, 400L, 600L);
        assertThat(inputs.overnightBars()).isEmpty();
        assertThat(inputs.chain()).isEmpty();
        // the prior session's last snapshot (its closing bar, volume 400)
        assertThat(inputs.lastSessionVpin()).hasValue(0.4);
        // 2026-11-19 has no stored bars: the walk back stops there instead of skipping the gap.
        assertThat(queries).hasSize(6);
    }

    @Test
    void withNothingStoredTheInputsAreEmptyNotInvented() {
        LocalDate day = LocalDate.of(2026, 11, 27);
        BriefingInputs inputs = inputs().inputs(nyse.session(day).orElseThrow(), nyse.previousSession(day),
                Instant.parse("2026-11-27T13:00:00Z"));

        assertThat(inputs.priorSessionBars()).isEmpty();
        assertThat(inputs.lastSessionVpin()).isEmpty();
        assertThat(inputs.priorSignals()).hasValue(List.of());
        assertThat(inputs.dailyCloses()).isEmpty();
        assertThat(inputs.baselineVolumes()).isEmpty();
    }

    @Test
    void readsThePriorDaysSignalsAndHowTheyHadEndedByTheScheduledTime() {
        // The prior day of 2026-11-27 runs from the close of the 24th (21:00Z) to the close of the 25th (21:00Z).
        positions.add(trade("day-before", 650, "2026-11-24T15:00:00Z", ExitReason.TARGET, 652, "2026-11-24T16:00:00Z"));
        positions.add(trade("overnight", 655, "2026-11-25T01:00:00Z", ExitReason.STOP, 654, "2026-11-25T02:00:00Z"));
        positions.add(trade("won", 656, "2026-11-25T15:00:00Z", ExitReason.TARGET, 658, "2026-11-25T15:30:00Z"));
        positions.add(trade("still-open", 657, "2026-11-25T20:00:00Z", null, 0, null));
        positions.add(trade("exits-later", 657.5, "2026-11-25T20:30:00Z", ExitReason.TARGET, 659.5,
                "2026-11-27T15:00:00Z"));
        LocalDate day = LocalDate.of(2026, 11, 27);
        Instant scheduled = Instant.parse("2026-11-27T13:00:00Z");

        BriefingInputs inputs = inputs().inputs(nyse.session(day).orElseThrow(), nyse.previousSession(day), scheduled);

        assertThat(tradeQueries).containsExactly("2026-11-24T21:00:00Z..2026-11-25T21:00:00Z");
        assertThat(inputs.priorSignals().orElseThrow()).extracting(SignalOutcome::signalId, SignalOutcome::result,
                SignalOutcome::points).containsExactly(
                tuple("overnight", SignalOutcome.Result.STOPPED_OUT, -1.0),
                tuple("won", SignalOutcome.Result.TARGET_HIT, 2.0),
                tuple("still-open", SignalOutcome.Result.STILL_OPEN, 0.0),
                // its exit was recorded after the briefing's time: as of then it was open
                tuple("exits-later", SignalOutcome.Result.STILL_OPEN, 0.0));
    }
}
