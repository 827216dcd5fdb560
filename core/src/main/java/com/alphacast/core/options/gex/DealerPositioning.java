package com.alphacast.core.options.gex;

/** Which side of the open interest dealers are assumed to hold; sets the sign of calls and puts in GEX. */
public enum DealerPositioning {
    /** The convention's default (SqueezeMetrics): dealers long calls (+) and short puts (−). */
    LONG_CALLS_SHORT_PUTS(1, -1),
    /** The mirror image: dealers short calls (−) and long puts (+). */
    SHORT_CALLS_LONG_PUTS(-1, 1),
    /** Dealers short everything customers bought (both −). */
    SHORT_CALLS_SHORT_PUTS(-1, -1);

    private final int callSign;
    private final int putSign;

    DealerPositioning(int callSign, int putSign) {
        this.callSign = callSign;
        this.putSign = putSign;
    }

    public int callSign() {
        return callSign;
    }

    public int putSign() {
        return putSign;
    }
}
