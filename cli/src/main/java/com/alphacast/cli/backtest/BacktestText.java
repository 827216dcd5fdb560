package com.alphacast.cli.backtest;

import com.alphacast.core.backtest.PerformanceMetrics;
import com.alphacast.core.backtest.StrategyResult;
import java.util.Locale;

/** The report as a table for people: one row per strategy and the overall row, then what was set aside. */
final class BacktestText {

    private static final String ROW = "%-20s %7s %8s %6s %6s %7s %11s %10s %7s %8s%n";

    private BacktestText() {
    }

    static String render(BacktestRun run) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "backtest of %s (%d recording%s), instruments %s%n", run.data(),
                run.recordings().size(), run.recordings().size() == 1 ? "" : "s", String.join(", ", run.instruments())));
        out.append(String.format(Locale.ROOT, "settings profile '%s', strategy profile %s, sessions %s..%s, %,d bars%n",
                run.settingsProfile(), run.strategyProfile().map(p -> "'" + p + "'").orElse("none (defaults)"),
                run.from() == null ? "first" : run.from(), run.to() == null ? "last" : run.to(),
                run.report().barsObserved()));
        if (run.dropped().prints() > 0) {
            out.append(String.format(Locale.ROOT, "sale-condition filter: %,d prints (%,d shares) left out of the bars%n",
                    run.dropped().prints(), run.dropped().volume()));
        }
        out.append(System.lineSeparator());
        out.append(String.format(Locale.ROOT, ROW, "strategy", "signals", "approved", "trades", "win%", "avg R", "P&L",
                "max DD", "Sharpe", "exposure"));
        for (StrategyResult result : run.report().strategies()) {
            out.append(row(result.strategy(), result.metrics()));
        }
        out.append(row("all", run.report().overall()));
        out.append(System.lineSeparator());
        out.append("Sharpe: ").append(BacktestJson.SHARPE).append(System.lineSeparator());
        out.append("exposure: ").append(BacktestJson.EXPOSURE).append(System.lineSeparator());
        if (!run.report().setAside().isEmpty()) {
            out.append("set aside:").append(System.lineSeparator());
            run.report().setAside().forEach((reason, count) -> out.append(String.format(Locale.ROOT, "  %5d  %s%n",
                    count, reason)));
        }
        return out.toString();
    }

    private static String row(String name, PerformanceMetrics m) {
        return String.format(Locale.ROOT, ROW, name, m.signals(), m.approved(), m.trades(), percent(m.winRate()),
                fixed(m.averageR(), 2), fixed(m.pnl(), 2), fixed(m.maxDrawdown(), 2), fixed(m.sharpe(), 2),
                percent(m.exposure()));
    }

    private static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f%%", 100 * fraction) : "-";
    }

    private static String fixed(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%,." + decimals + "f", value) : "-";
    }
}
