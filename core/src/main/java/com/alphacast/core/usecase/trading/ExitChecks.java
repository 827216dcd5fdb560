package com.alphacast.core.usecase.trading;

import com.alphacast.core.market.Bar;

/**
 * Hands exit decisions to their one owner, the position function: a position opened after some bars closed is
 * checked against them there, not by whoever opened it.
 */
public interface ExitChecks {

    /** Asks for every open position on {@code bar}'s symbol to be checked against the bars up to its end. */
    void requestUpTo(Bar bar);
}
