package com.alphacast.core.briefing;

import com.alphacast.core.options.gex.GexConvention;
import java.util.Objects;

/**
 * The parameters of {@link BriefingFacts} (docs/market-calendar-and-briefing-facts.md, "Facts").
 *
 * @param pricePrecision      decimals prices are shown with
 * @param volatilityWindow    daily log returns in the realized volatility (needs one close more)
 * @param lowVolatility       annualized volatility (fraction) below which the regime is "low"
 * @param highVolatility      annualized volatility (fraction) above which the regime is "high"
 * @param baselineSessions    sessions whose mean volume is the baseline the prior session is compared with
 * @param topStrikes          strikes listed by largest absolute net GEX
 * @param gex                 the GEX convention
 */
public record BriefingFactsConfig(int pricePrecision, int volatilityWindow, double lowVolatility,
                                  double highVolatility, int baselineSessions, int topStrikes, GexConvention gex) {

    public BriefingFactsConfig {
        if (pricePrecision < 0 || pricePrecision > 8) {
            throw new IllegalArgumentException("pricePrecision must be 0..8, was " + pricePrecision);
        }
        if (volatilityWindow < 2) {
            throw new IllegalArgumentException("volatilityWindow must be at least 2, was " + volatilityWindow);
        }
        if (!(lowVolatility >= 0) || !(highVolatility > lowVolatility)) {
            throw new IllegalArgumentException("volatility thresholds must satisfy 0 <= low < high, were "
                    + lowVolatility + ", " + highVolatility);
        }
        if (baselineSessions < 1) {
            throw new IllegalArgumentException("baselineSessions must be at least 1, was " + baselineSessions);
        }
        if (topStrikes < 1 || topStrikes > 10) {
            throw new IllegalArgumentException("topStrikes must be 1..10, was " + topStrikes);
        }
        Objects.requireNonNull(gex, "gex");
    }

    /** Prices to 2 decimals, 20-day volatility with 12% / 25% regime thresholds, 20-session volume baseline, 3 strikes. */
    public static BriefingFactsConfig standard() {
        return new BriefingFactsConfig(2, 20, 0.12, 0.25, 20, 3, GexConvention.DEFAULT);
    }
}
