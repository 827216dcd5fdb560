package com.alphacast.core.classification;

/**
 * The quote rule: a trade above the prevailing quote midpoint is a buy, below it a sell, at the midpoint it cannot be
 * classified. Stateless.
 */
public final class QuoteRule {

    private QuoteRule() {
    }

    public static Aggressor classify(double price, double bid, double ask) {
        if (!(bid > 0) || !(ask > 0) || ask < bid) {
            return Aggressor.UNKNOWN; // no usable (uncrossed) quote
        }
        double mid = (bid + ask) / 2;
        if (price > mid) {
            return Aggressor.BUY;
        }
        if (price < mid) {
            return Aggressor.SELL;
        }
        return Aggressor.UNKNOWN;
    }
}
