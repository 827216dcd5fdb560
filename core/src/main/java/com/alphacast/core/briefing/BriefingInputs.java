package com.alphacast.core.briefing;

import com.alphacast.core.briefing.events.EventCalendar;
import com.alphacast.core.calendar.MarketSession;
import com.alphacast.core.market.Bar;
import com.alphacast.core.options.OptionChain;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything the facts of one briefing are computed from: plain values the caller has read (bars, chain, ledger
 * rows, events). An empty list or {@code Optional} means the input is missing; the facts that need it are then
 * absent with the reason.
 *
 * @param instrument       what the briefing is about, e.g. "SPY" or "ES"
 * @param session          the session the briefing prepares for (from the market calendar)
 * @param priorSession     the session before it
 * @param priorSessionBars the prior session's bars, in time order, all inside it
 * @param overnightBars    bars from the prior session's close up to now, in time order (Globex night, pre-market)
 * @param dailyCloses      daily closes, oldest first, ending with the prior session's close
 * @param lastSessionVpin  VPIN at the end of the prior session (NaN or empty when not yet warm)
 * @param baselineVolumes  total volumes of the sessions before the prior one, oldest first
 * @param chain            the latest option chain of the instrument or its underlying
 * @param priorSignals     the prior session's signals and how they ended; empty when the ledger was not read
 * @param events           the events calendar (all days, with the last day it covers; filtered here); empty when
 *                         none is configured
 */
public record BriefingInputs(String instrument, MarketSession session, MarketSession priorSession,
                             List<Bar> priorSessionBars, List<Bar> overnightBars, List<Double> dailyCloses,
                             OptionalDouble lastSessionVpin, List<Long> baselineVolumes, Optional<OptionChain> chain,
                             Optional<List<SignalOutcome>> priorSignals, Optional<EventCalendar> events) {

    public BriefingInputs {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(priorSession, "priorSession");
        if (!priorSession.date().isBefore(session.date())) {
            throw new IllegalArgumentException("prior session " + priorSession.date() + " is not before the session "
                    + session.date());
        }
        priorSessionBars = List.copyOf(priorSessionBars);
        overnightBars = List.copyOf(overnightBars);
        dailyCloses = List.copyOf(dailyCloses);
        Objects.requireNonNull(lastSessionVpin, "lastSessionVpin");
        baselineVolumes = List.copyOf(baselineVolumes);
        Objects.requireNonNull(chain, "chain");
        priorSignals = priorSignals.map(List::copyOf);
        Objects.requireNonNull(events, "events");
    }
}
