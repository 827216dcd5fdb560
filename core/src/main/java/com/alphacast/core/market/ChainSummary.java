package com.alphacast.core.market;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The chain analytics of one underlying as of its latest option chain (docs/analytics-conventions.md, "GEX").
 *
 * @param asOf               the chain's as-of date
 * @param spot               the chain's spot
 * @param netGex             Σ GEX, USD per 1% move (dealers long calls, short puts)
 * @param netDex             Σ DEX, USD
 * @param zeroGamma          zero-gamma level, NaN when the profile has none
 * @param callWall           strike with the largest positive call GEX (NaN if no call contributes)
 * @param putWall            strike with the largest negative put GEX (NaN if no put contributes)
 * @param unusualContracts   contracts whose volume exceeded open interest
 */
public record ChainSummary(LocalDate asOf, double spot, double netGex, double netDex, double zeroGamma,
                           double callWall, double putWall, int unusualContracts) {

    public ChainSummary {
        Objects.requireNonNull(asOf, "asOf");
    }
}
