package com.alphacast.core.state;

import com.alphacast.core.market.ChainSummary;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.activity.UnusualOptionsActivity;
import com.alphacast.core.options.gex.GammaExposure;
import com.alphacast.core.options.gex.GexReport;
import com.alphacast.core.options.gex.StrikeExposure;

/**
 * Turns an option chain into its {@link ChainSummary}: GEX/DEX totals, zero gamma, the call and put walls
 * (the strikes where dealers' call and put gamma is largest) and the count of unusual contracts. A chain
 * arrives every few minutes, so allocation here does not matter.
 */
public final class ChainAnalytics {

    private final GammaExposure exposure;
    private final UnusualOptionsActivity activity;

    public ChainAnalytics(GammaExposure exposure, UnusualOptionsActivity activity) {
        this.exposure = exposure;
        this.activity = activity;
    }

    public ChainSummary summarize(OptionChain chain) {
        GexReport report = exposure.report(chain, 0);
        double callWall = Double.NaN;
        double putWall = Double.NaN;
        double maxCall = 0;
        double minPut = 0;
        for (StrikeExposure strike : report.byStrike()) {
            if (strike.callGex() > maxCall) {
                maxCall = strike.callGex();
                callWall = strike.strike();
            }
            if (strike.putGex() < minPut) {
                minPut = strike.putGex();
                putWall = strike.strike();
            }
        }
        return new ChainSummary(chain.asOf(), chain.spot(), report.totals().netGex(), report.totals().netDex(),
                report.zeroGamma().level().orElse(Double.NaN), callWall, putWall, activity.scan(chain).size());
    }
}
