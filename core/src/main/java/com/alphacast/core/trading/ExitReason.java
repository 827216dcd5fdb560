package com.alphacast.core.trading;

/** Why a position closed. */
public enum ExitReason {
    /** The market reached the protective stop. */
    STOP,
    /** The market reached the profit target. */
    TARGET
}
