package com.alphacast.bots.render;

import java.time.Instant;
import java.util.Objects;

/**
 * Results over a period (a day, a week).
 *
 * @param period    human label and identity of the period, e.g. {@code 2026-11-20} or {@code 2026-W47}
 * @param trades    closed trades
 * @param wins      trades closed in profit
 * @param netPoints sum of per-contract points over the closed trades
 * @param netPnl    realized P&amp;L in account currency
 * @param bestPoints  best single trade in points
 * @param worstPoints worst single trade in points
 * @param asOf      when the report was produced
 */
public record PerformanceReport(String period, int trades, int wins, double netPoints, double netPnl,
                                double bestPoints, double worstPoints, Instant asOf) {

    public PerformanceReport {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(asOf, "asOf");
        if (trades < 0 || wins < 0 || wins > trades) {
            throw new IllegalArgumentException("need 0 <= wins <= trades, were wins=" + wins + " trades=" + trades);
        }
    }

    /** Share of winning trades in [0, 1]; 0 without trades. */
    public double winRate() {
        return trades == 0 ? 0 : (double) wins / trades;
    }
}
