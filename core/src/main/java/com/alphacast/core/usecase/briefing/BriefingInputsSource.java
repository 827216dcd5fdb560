package com.alphacast.core.usecase.briefing;

import com.alphacast.core.briefing.BriefingInputs;
import com.alphacast.core.calendar.MarketSession;

/**
 * Gathers what the facts are computed from (stored bars and snapshots, the option chain, the signals ledger,
 * the events file). What is missing is passed as empty, and the fact sheet says why; it is never invented.
 */
public interface BriefingInputsSource {

    BriefingInputs inputs(MarketSession session, MarketSession priorSession);
}
