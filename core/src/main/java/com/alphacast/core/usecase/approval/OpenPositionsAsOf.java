package com.alphacast.core.usecase.approval;

import com.alphacast.core.signal.Signal;
import java.time.Instant;
import java.util.Comparator;

/**
 * The rule every {@link RiskLedger} counts open positions by at a signal's market time, so the in-memory and
 * the DynamoDB ledgers agree: a position holds a slot from its signal's market time until its exit's market time.
 */
public final class OpenPositionsAsOf {

    /** Market time, then id: the order signals are decided in, ties broken the same way on every run. */
    private static final Comparator<Signal> MARKET_ORDER =
            Comparator.comparing(Signal::marketTime).thenComparing(Signal::id);

    private OpenPositionsAsOf() {
    }

    /** True when {@code approved} came before {@code signal} in market time (ties by id), so it can hold a slot. */
    public static boolean enteredBefore(Signal approved, Signal signal) {
        return MARKET_ORDER.compare(approved, signal) < 0;
    }

    /** The same rule from the approved signal's market time and id alone (a ledger that does not read the signal). */
    public static boolean enteredBefore(Instant approvedMarketTime, String approvedId, Signal signal) {
        int byTime = approvedMarketTime.compareTo(signal.marketTime());
        return byTime < 0 || (byTime == 0 && approvedId.compareTo(signal.id()) < 0);
    }

    /**
     * True when a position with exit time {@code exitTime} (null while it has not closed) was still open at the
     * signal's market time; an exit at that very time has already given the slot back.
     */
    public static boolean stillOpenAt(Instant exitTime, Signal signal) {
        return exitTime == null || exitTime.isAfter(signal.marketTime());
    }
}
