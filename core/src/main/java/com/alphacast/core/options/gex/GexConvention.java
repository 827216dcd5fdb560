package com.alphacast.core.options.gex;

import java.util.Map;
import java.util.Objects;

/**
 * Every parameter of the GEX / DEX / zero-gamma calculation. {@link #DEFAULT} is the convention documented in
 * docs/analytics-conventions.md ("Options: GEX and DEX", "Options: zero-gamma level"), after SqueezeMetrics' GEX
 * white paper and S. Perfiliev, "How to calculate gamma exposure and zero gamma level":
 * <ul>
 *   <li>dealers long calls (+) and short puts (−);</li>
 *   <li>per contract {@code GEX = sign × Γ × OI × multiplier × S² × 0.01} USD per 1% move, Γ from the chain when the
 *       feed provides it, else Black–Scholes from the contract's IV;</li>
 *   <li>{@code DEX = Δ × OI × multiplier × S} USD (put deltas are negative already);</li>
 *   <li>zero-gamma: {@code profileLevels} (60) spot levels from {@code 0.8·S} to {@code 1.2·S}, Black–Scholes gamma
 *       with r = q = 0 and {@code T = weekdays/262} floored at 1/262; expired or IV = 0 contracts contribute 0;</li>
 *   <li>{@code MIN_OI} filter off (0).</li>
 * </ul>
 *
 * @param dealers            dealer positioning (signs)
 * @param defaultMultiplier  contract multiplier (100)
 * @param multiplierByRoot   per-root overrides (e.g. mini options "XSP" stay 100, but a root with 10 can be set)
 * @param minOpenInterest    contracts with less OI are left out of the totals (0 = off)
 * @param preferChainGreeks  use the feed's gamma/delta when present (true), or always Black–Scholes
 * @param rate               r for Black–Scholes fallbacks and the profile (0)
 * @param dividendYield      q for Black–Scholes fallbacks and the profile (0)
 * @param weekdaysPerYear    denominator of T (262)
 * @param profileLevels      number of spot levels in the zero-gamma profile (60)
 * @param profileLow         lowest level as a fraction of spot (0.8)
 * @param profileHigh        highest level as a fraction of spot (1.2)
 */
public record GexConvention(DealerPositioning dealers, double defaultMultiplier, Map<String, Double> multiplierByRoot,
                            long minOpenInterest, boolean preferChainGreeks, double rate, double dividendYield,
                            double weekdaysPerYear, int profileLevels, double profileLow, double profileHigh) {

    public static final GexConvention DEFAULT = new GexConvention(DealerPositioning.LONG_CALLS_SHORT_PUTS, 100,
            Map.of(), 0, true, 0, 0, 262, 60, 0.8, 1.2);

    public GexConvention {
        Objects.requireNonNull(dealers, "dealers");
        multiplierByRoot = Map.copyOf(multiplierByRoot);
        if (!(defaultMultiplier > 0)) {
            throw new IllegalArgumentException("multiplier must be positive, was " + defaultMultiplier);
        }
        if (minOpenInterest < 0) {
            throw new IllegalArgumentException("minimum open interest must be >= 0, was " + minOpenInterest);
        }
        if (!(weekdaysPerYear > 0)) {
            throw new IllegalArgumentException("weekdays per year must be positive, was " + weekdaysPerYear);
        }
        if (profileLevels < 2) {
            throw new IllegalArgumentException("profile needs at least 2 levels, was " + profileLevels);
        }
        if (!(profileLow > 0) || !(profileHigh > profileLow)) {
            throw new IllegalArgumentException("profile range must satisfy 0 < low < high, was " + profileLow + ".."
                    + profileHigh);
        }
    }

    public double multiplier(String root) {
        return multiplierByRoot.getOrDefault(root, defaultMultiplier);
    }

    public GexConvention withMinOpenInterest(long minOi) {
        return new GexConvention(dealers, defaultMultiplier, multiplierByRoot, minOi, preferChainGreeks, rate,
                dividendYield, weekdaysPerYear, profileLevels, profileLow, profileHigh);
    }

    public GexConvention withDealers(DealerPositioning positioning) {
        return new GexConvention(positioning, defaultMultiplier, multiplierByRoot, minOpenInterest, preferChainGreeks,
                rate, dividendYield, weekdaysPerYear, profileLevels, profileLow, profileHigh);
    }

    /**
     * The same convention with chain greeks preferred ({@code true}) or always Black–Scholes from IV ({@code false}).
     * A chain's own greeks belong to its export's spot and date, so a what-if at another spot or date needs
     * {@code false}.
     */
    public GexConvention withChainGreeks(boolean prefer) {
        return new GexConvention(dealers, defaultMultiplier, multiplierByRoot, minOpenInterest, prefer, rate,
                dividendYield, weekdaysPerYear, profileLevels, profileLow, profileHigh);
    }

    /** One line naming the convention, printed with every result. */
    public String describe() {
        return "SqueezeMetrics/Perfiliev GEX: dealers " + dealers.name().toLowerCase().replace('_', ' ')
                + "; GEX = sign x gamma x OI x " + fmt(defaultMultiplier) + " x S^2 x 0.01 (USD per 1% move); "
                + "DEX = delta x OI x " + fmt(defaultMultiplier) + " x S (USD); gamma/delta "
                + (preferChainGreeks ? "from the chain, Black-Scholes where missing" : "Black-Scholes")
                + "; zero-gamma over " + profileLevels + " levels " + fmt(profileLow) + "S.." + fmt(profileHigh)
                + "S, Black-Scholes r=" + fmt(rate) + " q=" + fmt(dividendYield) + ", T=weekdays/"
                + fmt(weekdaysPerYear) + " (min 1 day); MIN_OI=" + minOpenInterest;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
