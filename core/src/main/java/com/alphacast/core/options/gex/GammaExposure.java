package com.alphacast.core.options.gex;

import com.alphacast.core.options.BlackScholes;
import com.alphacast.core.options.ExpiryTime;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.OptionContract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Gamma exposure (GEX), delta exposure (DEX) and the zero-gamma level of an option chain, following
 * docs/analytics-conventions.md ("Options: GEX and DEX", "Options: zero-gamma level";
 * SqueezeMetrics GEX white paper; S. Perfiliev, "How to calculate gamma exposure and zero gamma level"). All
 * parameters come from the {@link GexConvention}; the formulas are documented there. The seed system's
 * {@code Γ × OI × 100 × S²} is the same quantity per 100% move; this class reports per 1% move.
 *
 * <p>Contracts expired before the as-of date are left out (and counted); contracts below {@code MIN_OI} are left out
 * of everything (and counted). Stateless apart from the convention; thread-safe.
 */
public final class GammaExposure {

    private static final double INV_SQRT_2PI = 0.3989422804014327;
    /** exp(-0.5 * 38.6^2) is below the smallest positive double. */
    private static final double D1_CUTOFF = 38.6;

    private final GexConvention convention;

    public GammaExposure(GexConvention convention) {
        this.convention = Objects.requireNonNull(convention, "convention");
    }

    public GexConvention convention() {
        return convention;
    }

    /** Chain totals: one pass, no allocation beyond the result. */
    public GexTotals totals(OptionChain chain) {
        double spot = chain.spot();
        double callGex = 0;
        double putGex = 0;
        double callDex = 0;
        double putDex = 0;
        int used = 0;
        LocalDate asOf = chain.asOf();
        List<OptionContract> contracts = chain.contracts();
        for (int i = 0, n = contracts.size(); i < n; i++) {
            OptionContract c = contracts.get(i);
            if (!included(c, asOf)) {
                continue;
            }
            used++;
            double gex = gex(c, spot, asOf);
            double dex = dex(c, spot, asOf);
            if (c.isCall()) {
                callGex += gex;
                callDex += dex;
            } else {
                putGex += gex;
                putDex += dex;
            }
        }
        return new GexTotals(callGex, putGex, callGex + putGex, callDex, putDex, callDex + putDex, used);
    }

    /** Totals, per strike, per expiry, the {@code topN} strikes by |net GEX|, and the zero-gamma level. */
    public GexReport report(OptionChain chain, int topN) {
        double spot = chain.spot();
        LocalDate asOf = chain.asOf();
        TreeMap<Double, double[]> strikes = new TreeMap<>(); // callGex, putGex, callOi, putOi
        TreeMap<LocalDate, double[]> expiries = new TreeMap<>(); // callGex, putGex, callDex, putDex
        int expired = 0;
        TreeSet<LocalDate> expiredExpiries = new TreeSet<>();
        int belowMinOi = 0;
        for (OptionContract c : chain.contracts()) {
            if (c.expiry().isBefore(asOf)) {
                expired++;
                expiredExpiries.add(c.expiry());
                continue;
            }
            if (c.openInterest() < convention.minOpenInterest()) {
                belowMinOi++;
                continue;
            }
            double gex = gex(c, spot, asOf);
            double dex = dex(c, spot, asOf);
            double[] s = strikes.computeIfAbsent(c.strike(), k -> new double[4]);
            double[] e = expiries.computeIfAbsent(c.expiry(), k -> new double[4]);
            int side = c.isCall() ? 0 : 1;
            s[side] += gex;
            s[2 + side] += c.openInterest();
            e[side] += gex;
            e[2 + side] += dex;
        }
        List<StrikeExposure> byStrike = new ArrayList<>(strikes.size());
        strikes.forEach((k, v) -> byStrike.add(new StrikeExposure(k, v[0], v[1], v[0] + v[1], (long) v[2],
                (long) v[3])));
        List<ExpiryExposure> byExpiry = new ArrayList<>(expiries.size());
        expiries.forEach((d, v) -> byExpiry.add(new ExpiryExposure(d, v[0], v[1], v[0] + v[1],
                v[2], v[3], v[2] + v[3])));
        List<StrikeExposure> top = byStrike.stream()
                .sorted(Comparator.comparingDouble((StrikeExposure s) -> -Math.abs(s.netGex())))
                .limit(Math.max(0, topN))
                .toList();
        return new GexReport(chain.underlying(), spot, asOf, totals(chain), byStrike, byExpiry, top,
                zeroGamma(chain), expired, List.copyOf(expiredExpiries), belowMinOi, convention.describe());
    }

    /**
     * The dealer gamma profile over {@code profileLevels} evenly spaced spot levels from {@code profileLow·S} to
     * {@code profileHigh·S}. At level L each contract contributes
     * {@code sign × Γ_BS(L) × OI × m × L² × 0.01}, with {@code Γ_BS(L) = φ(d1) / (L σ √T)} and
     * {@code d1 = (ln(L/K) + (r − q + σ²/2) T) / (σ √T)} (conventions: r = q = 0). Rearranged per contract as
     * {@code w × exp(−d1²/2) × L} with {@code w = sign × OI × m × 0.01 e^{−qT} / (σ √T √(2π))}, and with
     * {@code ln L} and {@code ln K} precomputed, so the inner loop is one exp per contract and level.
     */
    public GammaProfile profile(OptionChain chain) {
        int levels = convention.profileLevels();
        double spot = chain.spot();
        double low = convention.profileLow() * spot;
        double high = convention.profileHigh() * spot;
        double[] level = new double[levels];
        double[] logLevel = new double[levels];
        for (int j = 0; j < levels; j++) {
            level[j] = low + (high - low) * j / (levels - 1);
            logLevel[j] = Math.log(level[j]);
        }
        double[] acc = new double[levels];
        LocalDate asOf = chain.asOf();
        double r = convention.rate();
        double q = convention.dividendYield();
        LocalDate lastExpiry = null;
        double t = 0;
        for (OptionContract c : chain.contracts()) {
            double sigma = c.impliedVol();
            if (c.expiry().isBefore(asOf) || !(sigma > 0) || c.openInterest() == 0
                    || c.openInterest() < convention.minOpenInterest()) {
                continue; // expired or IV = 0 contribute 0 (conventions)
            }
            if (!c.expiry().equals(lastExpiry)) {
                lastExpiry = c.expiry();
                t = ExpiryTime.years(asOf, lastExpiry, convention.weekdaysPerYear());
            }
            double sqrtT = Math.sqrt(t);
            double invSigmaSqrtT = 1 / (sigma * sqrtT);
            double drift = (r - q + 0.5 * sigma * sigma) * t;
            double logK = Math.log(c.strike());
            int sign = c.isCall() ? convention.dealers().callSign() : convention.dealers().putSign();
            double w = sign * c.openInterest() * convention.multiplier(c.symbol().root()) * 0.01 * Math.exp(-q * t)
                    * invSigmaSqrtT * INV_SQRT_2PI;
            double base = drift - logK;
            // Only levels with |d1| <= 38.6 can contribute: beyond it exp(-d1^2/2) underflows to 0 in double
            // arithmetic. d1 is increasing in L and the levels are evenly spaced, so the useful levels are one
            // contiguous range; far-from-the-money short-dated contracts skip most of the 60 exps.
            double span = D1_CUTOFF / invSigmaSqrtT;
            double step = (high - low) / (levels - 1);
            int from = (int) Math.max(0, Math.floor((Math.exp(-span - base) - low) / step));
            int to = (int) Math.min(levels - 1, Math.ceil((Math.exp(span - base) - low) / step));
            for (int j = from; j <= to; j++) {
                double d1 = (logLevel[j] + base) * invSigmaSqrtT;
                acc[j] += w * Math.exp(-0.5 * d1 * d1);
            }
        }
        for (int j = 0; j < levels; j++) {
            acc[j] *= level[j];
        }
        return new GammaProfile(level, acc);
    }

    public ZeroGamma zeroGamma(OptionChain chain) {
        return ZeroGamma.find(profile(chain));
    }

    /** Signed GEX of one contract at spot S, USD per 1% move; 0 if its gamma is unavailable. */
    public double gex(OptionContract c, double spot, LocalDate asOf) {
        double gamma = gamma(c, spot, asOf);
        if (Double.isNaN(gamma)) {
            return 0;
        }
        int sign = c.isCall() ? convention.dealers().callSign() : convention.dealers().putSign();
        return sign * gamma * c.openInterest() * multiplier(c) * spot * spot * 0.01;
    }

    /** DEX of one contract, USD; 0 if its delta is unavailable. */
    public double dex(OptionContract c, double spot, LocalDate asOf) {
        double delta = c.delta();
        if (!convention.preferChainGreeks() || Double.isNaN(delta)) {
            delta = blackScholes(c, spot, asOf, true);
        }
        if (Double.isNaN(delta)) {
            return 0;
        }
        return delta * c.openInterest() * multiplier(c) * spot;
    }

    private double gamma(OptionContract c, double spot, LocalDate asOf) {
        if (convention.preferChainGreeks() && !Double.isNaN(c.gamma())) {
            return c.gamma();
        }
        return blackScholes(c, spot, asOf, false);
    }

    private double blackScholes(OptionContract c, double spot, LocalDate asOf, boolean delta) {
        double sigma = c.impliedVol();
        if (!(sigma > 0)) {
            return Double.NaN;
        }
        double t = ExpiryTime.years(asOf, c.expiry(), convention.weekdaysPerYear());
        return delta
                ? BlackScholes.delta(c.right(), spot, c.strike(), t, sigma, convention.rate(),
                convention.dividendYield())
                : BlackScholes.gamma(spot, c.strike(), t, sigma, convention.rate(), convention.dividendYield());
    }

    private double multiplier(OptionContract c) {
        return convention.multiplierByRoot().isEmpty() ? convention.defaultMultiplier()
                : convention.multiplier(c.symbol().root());
    }

    private boolean included(OptionContract c, LocalDate asOf) {
        return !c.expiry().isBefore(asOf) && c.openInterest() >= convention.minOpenInterest();
    }
}
