package com.alphacast.core.volatility;

/**
 * Annualized realized volatility from bar closes over a rolling window of {@code n} log returns:
 * <pre>  σ = sqrt( Σ r_i² / n ) × sqrt(periodsPerYear),   r_i = ln(C_i / C_{i−1})</pre>
 * The zero-mean estimator (no demeaning) is the usual one for intraday and daily realized volatility: the mean return
 * over a short window is noise, and subtracting it biases σ down. {@code periodsPerYear} converts bar frequency:
 * 252 for daily bars, 252 × 390 for 1-minute US equity bars, 365 × 1440 for 1-minute crypto bars.
 * Amortised O(1) per bar (ring buffer, running sum recomputed once per window), no allocation. NaN until the window is full.
 */
public final class RealizedVolatility {

    private final double[] squared;
    private final double annualization;
    private int next;
    private int count;
    private int sinceRecompute;
    private double sum;
    private double lastClose = Double.NaN;

    public RealizedVolatility(int window, double periodsPerYear) {
        if (window < 2) {
            throw new IllegalArgumentException("window must hold at least 2 returns, was " + window);
        }
        if (!(periodsPerYear > 0)) {
            throw new IllegalArgumentException("periods per year must be positive, was " + periodsPerYear);
        }
        this.squared = new double[window];
        this.annualization = periodsPerYear;
    }

    /** Admits a bar close; returns the annualized volatility over the window (NaN while warming up). */
    public double onClose(double close) {
        if (!(close > 0) || Double.isInfinite(close)) {
            throw new IllegalArgumentException("close must be positive and finite, was " + close);
        }
        if (Double.isNaN(lastClose)) {
            lastClose = close;
            return Double.NaN;
        }
        double r = Math.log(close / lastClose);
        lastClose = close;
        double r2 = r * r;
        if (count == squared.length) {
            sum -= squared[next];
        } else {
            count++;
        }
        squared[next] = r2;
        sum += r2;
        next = next + 1 == squared.length ? 0 : next + 1;
        if (++sinceRecompute >= squared.length) {
            double s = 0;
            for (int i = 0; i < count; i++) {
                s += squared[i];
            }
            sum = s;
            sinceRecompute = 0;
        }
        return value();
    }

    /** Current annualized volatility; NaN until the window is full. */
    public double value() {
        if (count < squared.length) {
            return Double.NaN;
        }
        return Math.sqrt(Math.max(0, sum) / count * annualization);
    }

    public boolean isWarm() {
        return count == squared.length;
    }
}
