package com.alphacast.core.options;

import com.alphacast.core.stats.Normal;

/**
 * Black–Scholes–Merton prices and greeks for European options with continuous rate {@code r} and dividend yield
 * {@code q} (time {@code t} in years, volatility {@code sigma} as a fraction). Pure functions, allocation-free except
 * {@link #greeks}. Inputs that make the model undefined ({@code t ≤ 0}, {@code sigma ≤ 0}, non-positive prices) give
 * NaN rather than a made-up number.
 */
public final class BlackScholes {

    private BlackScholes() {
    }

    public static double d1(double spot, double strike, double t, double sigma, double r, double q) {
        if (!(spot > 0) || !(strike > 0) || !(t > 0) || !(sigma > 0)) {
            return Double.NaN;
        }
        return (Math.log(spot / strike) + (r - q + 0.5 * sigma * sigma) * t) / (sigma * Math.sqrt(t));
    }

    public static double price(OptionRight right, double spot, double strike, double t, double sigma, double r,
                               double q) {
        double d1 = d1(spot, strike, t, sigma, r, q);
        double d2 = d1 - sigma * Math.sqrt(t);
        double df = Math.exp(-r * t);
        double dq = Math.exp(-q * t);
        return right == OptionRight.CALL
                ? spot * dq * Normal.cdf(d1) - strike * df * Normal.cdf(d2)
                : strike * df * Normal.cdf(-d2) - spot * dq * Normal.cdf(-d1);
    }

    public static double delta(OptionRight right, double spot, double strike, double t, double sigma, double r,
                               double q) {
        double d1 = d1(spot, strike, t, sigma, r, q);
        double dq = Math.exp(-q * t);
        return right == OptionRight.CALL ? dq * Normal.cdf(d1) : dq * (Normal.cdf(d1) - 1);
    }

    /** Gamma (same for calls and puts): {@code e^{−qt} φ(d1) / (S σ √t)}. */
    public static double gamma(double spot, double strike, double t, double sigma, double r, double q) {
        double d1 = d1(spot, strike, t, sigma, r, q);
        return Math.exp(-q * t) * Normal.pdf(d1) / (spot * sigma * Math.sqrt(t));
    }

    /** Vega per 1.00 of volatility (divide by 100 for per vol point). */
    public static double vega(double spot, double strike, double t, double sigma, double r, double q) {
        double d1 = d1(spot, strike, t, sigma, r, q);
        return spot * Math.exp(-q * t) * Normal.pdf(d1) * Math.sqrt(t);
    }

    /** Theta per year (divide by 365 for per calendar day). */
    public static double theta(OptionRight right, double spot, double strike, double t, double sigma, double r,
                               double q) {
        double d1 = d1(spot, strike, t, sigma, r, q);
        double d2 = d1 - sigma * Math.sqrt(t);
        double df = Math.exp(-r * t);
        double dq = Math.exp(-q * t);
        double decay = -spot * dq * Normal.pdf(d1) * sigma / (2 * Math.sqrt(t));
        return right == OptionRight.CALL
                ? decay - r * strike * df * Normal.cdf(d2) + q * spot * dq * Normal.cdf(d1)
                : decay + r * strike * df * Normal.cdf(-d2) - q * spot * dq * Normal.cdf(-d1);
    }

    /** Probability that the option finishes in the money under the risk-neutral lognormal: N(d2) / N(−d2). */
    public static double probabilityInTheMoney(OptionRight right, double spot, double strike, double t, double sigma,
                                               double r, double q) {
        double d2 = d1(spot, strike, t, sigma, r, q) - sigma * Math.sqrt(t);
        return right == OptionRight.CALL ? Normal.cdf(d2) : Normal.cdf(-d2);
    }

    public static Greeks greeks(OptionRight right, double spot, double strike, double t, double sigma, double r,
                                double q) {
        return new Greeks(price(right, spot, strike, t, sigma, r, q), delta(right, spot, strike, t, sigma, r, q),
                gamma(spot, strike, t, sigma, r, q), vega(spot, strike, t, sigma, r, q),
                theta(right, spot, strike, t, sigma, r, q));
    }
}
