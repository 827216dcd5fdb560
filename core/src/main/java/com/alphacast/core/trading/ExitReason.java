package com.alphacast.core.trading;

/** Why a position closed. */
public enum ExitReason {
    /** The market reached the protective stop. */
    STOP,
    /** The market reached the profit target. */
    TARGET,
    /** An expiring option held into the last minutes of its session, closed before it settles. */
    EXPIRY_CUTOFF,
    /** An operator closed it from chat (/closeall), at the latest price the market snapshots hold. */
    OPERATOR
}
