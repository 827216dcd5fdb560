package com.alphacast.core.ev;

import com.alphacast.core.options.OptionChain;

/**
 * What every stage may look at besides the candidates.
 *
 * @param chain              the whole chain snapshot (for put/call ratios per strike)
 * @param forecastVolatility annualized volatility the EV stage prices with; NaN = each contract's own IV
 */
public record EvContext(OptionChain chain, double forecastVolatility) {
}
