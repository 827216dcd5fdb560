package com.alphacast.bots.command.data;

/** The trading kill switch and the flatten-everything lever, as operators reach them from chat. */
public interface TradingControl {

    TradingStatus status();

    /** Stops new orders. Idempotent: halting a halted system keeps the original reason and time. */
    TradingStatus halt(String by, String reason);

    /** Allows new orders again. Idempotent. */
    TradingStatus resume(String by);

    /** Requests that every open position be closed; returns how many closing orders were requested. */
    int closeAll(String by);
}
