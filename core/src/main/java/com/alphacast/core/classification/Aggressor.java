package com.alphacast.core.classification;

/** Which side initiated (took liquidity in) a trade. */
public enum Aggressor {
    BUY,
    SELL,
    /** The classifier cannot tell (first trade for the tick rule, a print at the midpoint for the quote rule). */
    UNKNOWN;

    public Aggressor opposite() {
        return this == BUY ? SELL : this == SELL ? BUY : UNKNOWN;
    }
}
