package com.alphacast.core.strategy;

import com.alphacast.core.market.Bar;
import com.alphacast.core.market.ChainSummary;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.state.MarketView;
import com.alphacast.core.volatility.VolatilityRegime;
import java.util.Optional;

/** A live view with order-flow readings (VPIN, book imbalance) over a bar, for the flow strategies. */
record FlowView(Bar lastBar, double volumeZScore, double orderBookImbalance, double vpin) implements MarketView {

    @Override
    public String symbol() {
        return lastBar.symbol();
    }

    @Override
    public FeedHealth health() {
        return FeedHealth.LIVE;
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
    public double realizedVolatility() {
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
    public Optional<ChainSummary> chain() {
        return Optional.empty();
    }

    @Override
    public double correlationWith(String other) {
        return Double.NaN;
    }
}
