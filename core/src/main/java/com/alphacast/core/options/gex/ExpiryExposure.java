package com.alphacast.core.options.gex;

import java.time.LocalDate;

/**
 * Exposures of one expiry, all strikes together.
 *
 * @param expiry  expiry date
 * @param callGex Σ call GEX (USD per 1% move)
 * @param putGex  Σ put GEX
 * @param netGex  callGex + putGex
 * @param callDex Σ call DEX (USD)
 * @param putDex  Σ put DEX
 * @param netDex  callDex + putDex
 */
public record ExpiryExposure(LocalDate expiry, double callGex, double putGex, double netGex,
                             double callDex, double putDex, double netDex) {
}
