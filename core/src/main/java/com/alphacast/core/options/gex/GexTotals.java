package com.alphacast.core.options.gex;

/**
 * Chain-wide exposure totals.
 *
 * @param callGex   Σ call GEX, USD per 1% move
 * @param putGex    Σ put GEX
 * @param netGex    callGex + putGex
 * @param callDex   Σ call DEX, USD
 * @param putDex    Σ put DEX
 * @param netDex    callDex + putDex
 * @param contracts contracts that contributed
 */
public record GexTotals(double callGex, double putGex, double netGex, double callDex, double putDex, double netDex,
                        int contracts) {
}
