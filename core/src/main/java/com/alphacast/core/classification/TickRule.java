package com.alphacast.core.classification;

/**
 * The tick rule: a trade above the previous different price is buyer-initiated (uptick), below it seller-initiated
 * (downtick); a trade at the same price as the previous one inherits the previous classification (zero-tick). The first
 * trade is {@link Aggressor#UNKNOWN}. Lee and Ready (1991), "Inferring Trade Direction from Intraday Data", J. Finance.
 * Stateful, allocation-free, not thread-safe.
 */
public final class TickRule {

    private double lastPrice = Double.NaN;
    private Aggressor last = Aggressor.UNKNOWN;

    public Aggressor classify(double price) {
        if (price > lastPrice) {
            last = Aggressor.BUY;
        } else if (price < lastPrice) {
            last = Aggressor.SELL;
        }
        // equal price (zero tick) keeps the previous classification; NaN lastPrice (first trade) stays UNKNOWN
        lastPrice = price;
        return last;
    }

    public void reset() {
        lastPrice = Double.NaN;
        last = Aggressor.UNKNOWN;
    }
}
