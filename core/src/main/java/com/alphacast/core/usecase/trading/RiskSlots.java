package com.alphacast.core.usecase.trading;

import com.alphacast.core.trading.PositionExit;
import java.time.Instant;

/**
 * The risk check's position slots. The position function, which alone decides exits, gives a position's slot
 * back when it closes it, so the risk check's count of open positions is the positions table's.
 */
public interface RiskSlots {

    /**
     * Gives back the slot of the position {@code exit} closes, recording the exit with the signal's decision.
     *
     * @return false when it was already given back (nothing changed)
     */
    boolean release(PositionExit exit);

    /**
     * Gives back the slot of an approval whose order was never filled (the broker refused it, or it could not be
     * placed before its retries ran out): no position exists, so it stops counting as open from {@code at}, the
     * signal's market time.
     *
     * @return false when it was already given back (nothing changed)
     */
    boolean releaseUnfilled(String signalId, Instant at);
}
