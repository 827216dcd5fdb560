package com.alphacast.bots.command.data;

/** The trading kill switch and the flatten-everything lever, as operators reach them from chat. */
public interface TradingControl {

    TradingStatus status();

    /** Stops new orders. Idempotent: halting a halted system keeps the original reason and time. */
    TradingStatus halt(String by, String reason);

    /** Allows new orders again. Idempotent. */
    TradingStatus resume(String by);

    /**
     * Asks for every open position to be closed (on the deployed stack the position function closes each, at the
     * latest stored price, asynchronously); returns how many positions were asked to close.
     */
    int closeAll(String by);
}
