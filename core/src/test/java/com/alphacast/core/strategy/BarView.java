package com.alphacast.core.strategy;

import com.alphacast.core.market.Bar;
import com.alphacast.core.market.ChainSummary;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.state.MarketView;
import com.alphacast.core.volatility.VolatilityRegime;
import java.util.Optional;

/**
 * A fixed view of one instrument at a bar close, for driving strategies directly. Readings a test does not give are
 * unknown (NaN), as a live view reports them before it has data.
 */
record BarView(String symbol, FeedHealth health, Bar lastBar, double realizedVolatility, double volumeZScore,
               double orderBookImbalance, double vpin, Optional<ChainSummary> chain) implements MarketView {

    /** A view without order-flow readings (book imbalance, VPIN). */
    BarView(String symbol, FeedHealth health, Bar lastBar, double realizedVolatility, double volumeZScore,
            Optional<ChainSummary> chain) {
        this(symbol, health, lastBar, realizedVolatility, volumeZScore, Double.NaN, Double.NaN, chain);
    }

    /** A live view with order-flow readings over a bar and no chain, for the flow strategies. */
    static BarView flow(Bar lastBar, double volumeZScore, double orderBookImbalance, double vpin) {
        return new BarView(lastBar.symbol(), FeedHealth.LIVE, lastBar, Double.NaN, volumeZScore, orderBookImbalance,
                vpin, Optional.empty());
    }

    BarView withHealth(FeedHealth newHealth) {
        return new BarView(symbol, newHealth, lastBar, realizedVolatility, volumeZScore, orderBookImbalance, vpin,
                chain);
    }

    @Override
    public double microprice() {
        return Double.NaN;
    }

    @Override
    public double spread() {
        return Double.NaN;
    }

    @Override
    public VolatilityRegime regime() {
        return VolatilityRegime.NORMAL;
    }

    @Override
    public double volumeRatio() {
        return Double.NaN;
    }

    @Override
    public boolean unusualVolume() {
        return volumeZScore > 2;
    }

    @Override
    public long sweeps() {
        return 0;
    }

    @Override
    public long rejectedPrints() {
        return 0;
    }

    @Override
    public double correlationWith(String other) {
        return Double.NaN;
    }
}
