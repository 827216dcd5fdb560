package com.alphacast.core.options.gex;

/**
 * Exposures at one strike, all expiries together.
 *
 * @param strike           strike
 * @param callGex          Σ call GEX (USD per 1% move, signed by dealer positioning)
 * @param putGex           Σ put GEX
 * @param netGex           callGex + putGex
 * @param callOpenInterest Σ call OI
 * @param putOpenInterest  Σ put OI
 */
public record StrikeExposure(double strike, double callGex, double putGex, double netGex, long callOpenInterest,
                             long putOpenInterest) {
}
