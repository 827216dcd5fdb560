package com.alphacast.core.classification;

/**
 * Lee–Ready (1991): the quote rule, with the tick rule deciding trades at the quote midpoint (or when no usable quote
 * is available). The original paper compares trades with the quote in force five seconds earlier to correct for
 * reporting lag on 1980s NYSE tapes; modern feeds timestamp trades and quotes consistently, so the caller passes the
 * quote prevailing at the trade (apply a lag upstream if a feed needs one). The tick rule sees every trade so its
 * state is current when it is needed. Allocation-free, not thread-safe.
 */
public final class LeeReadyClassifier {

    private final TickRule tickRule = new TickRule();

    public Aggressor classify(double price, double bid, double ask) {
        Aggressor byTick = tickRule.classify(price);
        Aggressor byQuote = QuoteRule.classify(price, bid, ask);
        return byQuote != Aggressor.UNKNOWN ? byQuote : byTick;
    }

    public void reset() {
        tickRule.reset();
    }
}
