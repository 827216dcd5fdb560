package com.alphacast.core.state;

import com.alphacast.core.market.Bar;
import com.alphacast.core.market.ChainSummary;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.market.MarketAnalytics;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.volatility.VolatilityRegime;
import java.util.Optional;

/**
 * What a strategy may read about one instrument when a bar closes: read-only, typed, and current as of the
 * event that closed the bar. Values not known yet (warming up, no book, no chain) are NaN or empty.
 * Valid only during the call that hands it out; keep {@link #analytics()} (a value) to remember it.
 */
public interface MarketView {

    String symbol();

    /** The feed's health for this instrument; strategies only run when it is {@link FeedHealth#LIVE}. */
    FeedHealth health();

    /** The bar that just closed. */
    Bar lastBar();

    double vpin();

    double orderBookImbalance();

    double microprice();

    double spread();

    double realizedVolatility();

    VolatilityRegime regime();

    /** The closed bar's volume as a z-score against the rolling baseline of earlier bars (NaN while warming up). */
    double volumeZScore();

    /** The closed bar's volume / the baseline mean (NaN while warming up). */
    double volumeRatio();

    boolean unusualVolume();

    long sweeps();

    long rejectedPrints();

    Optional<ChainSummary> chain();

    /**
     * The latest option chain of this underlying as it arrived (what options strategies pick contracts from and
     * the chain's quotes fill against); empty without chain analytics or before the first chain.
     */
    default Optional<OptionChain> optionChain() {
        return Optional.empty();
    }

    /** Pearson correlation of bar returns with {@code other} over the configured window; NaN until warm. */
    double correlationWith(String other);

    /** The view's values as an immutable record (allocates; once per bar). */
    default MarketAnalytics analytics() {
        return new MarketAnalytics(health(), vpin(), orderBookImbalance(), microprice(), spread(),
                realizedVolatility(), regime(), volumeZScore(), volumeRatio(), unusualVolume(), sweeps(),
                rejectedPrints(), chain());
    }
}
