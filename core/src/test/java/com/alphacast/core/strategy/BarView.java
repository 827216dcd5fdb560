package com.alphacast.core.strategy;

import com.alphacast.core.market.Bar;
import com.alphacast.core.market.ChainSummary;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.state.MarketView;
import com.alphacast.core.volatility.VolatilityRegime;
import java.util.Optional;

/** A fixed view of one instrument at a bar close, for driving strategies directly. */
record BarView(String symbol, FeedHealth health, Bar lastBar, double realizedVolatility, double volumeZScore,
               Optional<ChainSummary> chain) implements MarketView {

    BarView withHealth(FeedHealth newHealth) {
        return new BarView(symbol, newHealth, lastBar, realizedVolatility, volumeZScore, chain);
    }

    @Override
    public double vpin() {
        return Double.NaN;
    }

    @Override
    public double orderBookImbalance() {
        return Double.NaN;
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
