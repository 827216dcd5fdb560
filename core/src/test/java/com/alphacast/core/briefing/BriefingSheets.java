package com.alphacast.core.briefing;

import com.alphacast.core.calendar.Exchange;
import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.calendar.MarketSession;
import com.alphacast.core.calendar.ShippedCalendars;
import com.alphacast.core.fixtures.SpyChain;
import com.alphacast.core.fixtures.SpyDaily;
import com.alphacast.core.market.Bar;
import com.alphacast.core.options.OptionChain;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Fact sheets built from the real fixtures, for the answer and template tests. */
public final class BriefingSheets {

    private static final MarketCalendar NYSE = new ShippedCalendars().calendar(Exchange.XNYS);

    private BriefingSheets() {
    }

    /** SPY on 2025-09-26 with the chain of 2025-09-25 (spot 658.05, zero gamma 668.50) and nothing else. */
    public static FactSheet spyChainOnly() {
        return sheet(LocalDate.of(2025, 9, 26), List.of(), Optional.of(SpyChain.load().chain()));
    }

    /** SPY on 2025-09-26 with no input at all: every fact but the session's is absent. */
    public static FactSheet nothing() {
        return sheet(LocalDate.of(2025, 9, 26), List.of(), Optional.empty());
    }

    /**
     * SPY on the early-close day 2026-11-27 with the SPY chain and, as the prior session's bar, the last daily bar of
     * the Lean SPY history (2021-03-31: O 395.35, H 398.00, L 395.33, C 396.33) moved onto 2026-11-25.
     */
    public static FactSheet earlyCloseDay() {
        MarketSession prior = NYSE.session(LocalDate.of(2026, 11, 25)).orElseThrow();
        List<SpyDaily.Day> days = SpyDaily.load();
        SpyDaily.Day last = days.get(days.size() - 1);
        Bar bar = new Bar("SPY", prior.opens().toEpochMilli(), prior.closes().toEpochMilli(), last.open(), last.high(),
                last.low(), last.close(), last.volume(), 1);
        return sheet(LocalDate.of(2026, 11, 27), List.of(bar), Optional.of(SpyChain.load().chain()));
    }

    private static FactSheet sheet(LocalDate day, List<Bar> priorBars, Optional<OptionChain> chain) {
        MarketSession session = NYSE.session(day).orElseThrow();
        return new BriefingFacts(BriefingFactsConfig.standard()).compute(new BriefingInputs("SPY", session,
                NYSE.previousSession(day), priorBars, List.of(), List.of(), OptionalDouble.empty(), List.of(), chain,
                Optional.empty(), Optional.empty()));
    }
}
