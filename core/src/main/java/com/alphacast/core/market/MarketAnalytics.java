package com.alphacast.core.market;

import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.volatility.VolatilityRegime;
import java.util.Objects;
import java.util.Optional;

/**
 * The analytics an instrument stood at when a bar closed; stored with the bar in its snapshot. A value the
 * analytics cannot give yet (warming up, no book) is NaN.
 *
 * @param health             the feed's health for the instrument
 * @param vpin               VPIN over the last n equal-volume buckets
 * @param orderBookImbalance top-of-book OBI in [−1, 1]
 * @param microprice         quantity-weighted microprice
 * @param spread             best ask − best bid
 * @param realizedVolatility annualized realized volatility of bar closes
 * @param regime             the volatility regime
 * @param volumeZScore       the bar's volume against its rolling baseline
 * @param volumeRatio        the bar's volume / baseline mean
 * @param unusualVolume      whether the bar's volume was unusual
 * @param sweeps             sweeps detected so far in the session
 * @param rejectedPrints     prints the bad-print filter kept out so far
 * @param chain              chain analytics when the instrument is an underlying with a chain
 */
public record MarketAnalytics(FeedHealth health, double vpin, double orderBookImbalance, double microprice,
                              double spread, double realizedVolatility, VolatilityRegime regime, double volumeZScore,
                              double volumeRatio, boolean unusualVolume, long sweeps, long rejectedPrints,
                              Optional<ChainSummary> chain) {

    /** What a snapshot written before the worker carried analytics reads as. */
    public static final MarketAnalytics NONE = new MarketAnalytics(FeedHealth.LIVE, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, VolatilityRegime.UNKNOWN, Double.NaN, Double.NaN, false, 0, 0,
            Optional.empty());

    public MarketAnalytics {
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(chain, "chain");
    }
}
