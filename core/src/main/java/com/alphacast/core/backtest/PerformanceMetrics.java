package com.alphacast.core.backtest;

import java.util.List;

/**
 * The figures a backtest reports for one strategy or for all together.
 *
 * <ul>
 *   <li>{@code signals}: signals the strategy proposed (before conflict resolution and the risk check);
 *       {@code approved}: those that passed both and were filled; {@code trades}: round trips closed;</li>
 *   <li>{@code winRate}: trades with P&amp;L &gt; 0 / trades;</li>
 *   <li>{@code averageR}: mean of each trade's P&amp;L in units of its own risk (stop distance × quantity ×
 *       multiplier);</li>
 *   <li>{@code pnl}: sum of realized P&amp;L, in the instrument's currency;</li>
 *   <li>{@code maxDrawdown}: largest fall of the cumulative-P&amp;L curve from a running peak ({@link EquityCurve});</li>
 *   <li>{@code sharpe}: <b>per-trade, not annualised</b>: mean(R) / sample standard deviation(R) (n − 1) over the
 *       trades' R multiples. Per trade because a backtest over a few recorded sessions has too few days for a daily
 *       figure, and on R because there is no capital base to turn P&amp;L into returns; NaN (JSON null) with fewer
 *       than two trades or when every R is equal;</li>
 *   <li>{@code exposure}: fraction of the observed bars (each distinct bar interval in the data, every instrument,
 *       extended hours included) during which the strategy held a position.</li>
 * </ul>
 * Rates and ratios over no trades are NaN, never 0, so "no trades" cannot read as "all lost".
 */
public record PerformanceMetrics(long signals, long approved, long trades, long wins, double winRate, double averageR,
                                 double pnl, double maxDrawdown, double sharpe, double exposure) {

    /**
     * @param signals      proposed signals
     * @param approved     filled signals
     * @param trades       closed round trips
     * @param barsInMarket observed bars during which a position was held
     * @param barsObserved observed bars
     */
    public static PerformanceMetrics of(long signals, long approved, List<ClosedTrade> trades, long barsInMarket,
                                        long barsObserved) {
        long n = trades.size();
        long wins = trades.stream().filter(ClosedTrade::won).count();
        double[] r = trades.stream().mapToDouble(ClosedTrade::rMultiple).toArray();
        double meanR = n == 0 ? Double.NaN : sum(r) / n;
        double sharpe = Double.NaN;
        if (n >= 2) {
            double squares = 0;
            for (double x : r) {
                squares += (x - meanR) * (x - meanR);
            }
            double sd = Math.sqrt(squares / (n - 1));
            sharpe = sd > 0 ? meanR / sd : Double.NaN;
        }
        double pnl = trades.stream().mapToDouble(ClosedTrade::pnl).sum();
        return new PerformanceMetrics(signals, approved, n, wins, n == 0 ? Double.NaN : (double) wins / n, meanR, pnl,
                EquityCurve.of(trades).maxDrawdown(), sharpe,
                barsObserved == 0 ? Double.NaN : (double) barsInMarket / barsObserved);
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
