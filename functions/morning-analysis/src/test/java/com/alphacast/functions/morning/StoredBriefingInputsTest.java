package com.alphacast.functions.morning;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.briefing.BriefingInputs;
import com.alphacast.core.calendar.Exchange;
import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.calendar.MarketSession;
import com.alphacast.core.calendar.ShippedCalendars;
import com.alphacast.core.market.Bar;
import com.alphacast.core.market.BarHistory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
        Clock beforeOpen = Clock.fixed(session.opens().minusSeconds(3_600), ZoneOffset.UTC);

        BriefingInputs inputs = new StoredBriefingInputs("SPY", nyse, history, Optional::empty, Optional.empty(), 5,
                beforeOpen).inputs(session, prior);

        assertThat(prior.date()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(inputs.priorSessionBars()).hasSize(2);
        assertThat(inputs.dailyCloses()).containsExactly(650.00, 652.00, 655.00, 658.00);
        assertThat(inputs.baselineVolumes()).containsExactly(200L, 400L, 600L);
        assertThat(inputs.overnightBars()).isEmpty();
        assertThat(inputs.chain()).isEmpty();
        assertThat(inputs.lastSessionVpin()).isEmpty();
        // 2026-11-19 has no stored bars: the walk back stops there instead of skipping the gap.
        assertThat(queries).hasSize(6);
    }

    @Test
    void withNothingStoredTheInputsAreEmptyNotInvented() {
        LocalDate day = LocalDate.of(2026, 11, 27);
        BriefingInputs inputs = new StoredBriefingInputs("SPY", nyse, history, Optional::empty, Optional.empty(), 5,
                Clock.systemUTC()).inputs(nyse.session(day).orElseThrow(), nyse.previousSession(day));

        assertThat(inputs.priorSessionBars()).isEmpty();
        assertThat(inputs.dailyCloses()).isEmpty();
        assertThat(inputs.baselineVolumes()).isEmpty();
    }
}
