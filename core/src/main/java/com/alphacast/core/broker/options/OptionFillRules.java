package com.alphacast.core.broker.options;

/**
 * How the paper broker fills option orders from chain quotes, and which contracts it refuses.
 *
 * @param slippageTicks              premium ticks added against the trader beyond the ask (buy) or bid (sell)
 * @param maxSpreadFraction          widest accepted bid/ask spread as a fraction of the mid (0.25 = 25 %)
 * @param minOpenInterest            fewest open contracts accepted
 * @param zeroDteExitMinutesBeforeClose minutes before the session close at which a contract expiring that day
 *                                   is closed
 */
public record OptionFillRules(int slippageTicks, double maxSpreadFraction, long minOpenInterest,
                              int zeroDteExitMinutesBeforeClose) {

    public OptionFillRules {
        if (slippageTicks < 0) {
            throw new IllegalArgumentException("option slippage ticks must be >= 0, was " + slippageTicks);
        }
        if (!(maxSpreadFraction > 0) || Double.isInfinite(maxSpreadFraction)) {
            throw new IllegalArgumentException("option max spread fraction must be positive, was " + maxSpreadFraction);
        }
        if (minOpenInterest < 0) {
            throw new IllegalArgumentException("option min open interest must be >= 0, was " + minOpenInterest);
        }
        if (zeroDteExitMinutesBeforeClose < 0 || zeroDteExitMinutesBeforeClose > 390) {
            throw new IllegalArgumentException("0DTE exit minutes before close must be in [0, 390], was "
                    + zeroDteExitMinutesBeforeClose);
        }
    }
}
