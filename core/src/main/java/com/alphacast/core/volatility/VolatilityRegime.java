package com.alphacast.core.volatility;

/** Realized-volatility regime. */
public enum VolatilityRegime {
    LOW,
    NORMAL,
    HIGH,
    /** Not enough history to classify. */
    UNKNOWN
}
