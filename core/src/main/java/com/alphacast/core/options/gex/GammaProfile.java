package com.alphacast.core.options.gex;

/**
 * Net dealer GEX (USD per 1% move) recomputed at hypothetical spot levels.
 *
 * @param levels evenly spaced spot levels, ascending
 * @param netGex Σcalls − Σputs (signed by dealer positioning) of {@code Γ(L) × OI × multiplier × L² × 0.01}
 */
public record GammaProfile(double[] levels, double[] netGex) {
}
