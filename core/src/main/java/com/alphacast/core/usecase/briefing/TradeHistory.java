package com.alphacast.core.usecase.briefing;

import java.time.Instant;
import java.util.List;

/**
 * The recorded positions of a period (the positions table): the briefing's "how the prior session's signals
 * ended" and the end-of-day recap read them.
 */
public interface TradeHistory {

    /** Every position opened in {@code [from, to)}, open or closed, in opening order. */
    List<SessionTrade> openedBetween(Instant from, Instant to);
}
