package com.alphacast.core.signal;

/** Which way a signal trades the instrument. */
public enum Direction {
    LONG,
    SHORT;

    /** +1 for long, -1 for short: the sign of P&amp;L for a rising price. */
    public int sign() {
        return this == LONG ? 1 : -1;
    }
}
