package com.alphacast.core.usecase.briefing;

import com.alphacast.core.briefing.BriefingInputs;
import com.alphacast.core.calendar.MarketSession;
import java.time.Instant;

/**
 * Gathers what the facts are computed from (stored bars and snapshots, the option chain, the signals ledger,
 * the events file). What is missing is passed as empty, and the fact sheet says why; it is never invented.
 */
public interface BriefingInputsSource {

    /**
     * @param asOf the moment the briefing is written for (the schedule's occurrence, not the machine's clock): the
     *             overnight runs up to it, and nothing recorded after it is read
     */
    BriefingInputs inputs(MarketSession session, MarketSession priorSession, Instant asOf);
}
