package com.alphacast.core.backtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cumulative realized P&amp;L, one point per closed trade in the order the trades closed (ties by signal id, so the
 * curve never depends on processing order), starting at 0 at the first trade's opening.
 */
public record EquityCurve(List<Point> points) {

    public record Point(Instant time, double equity) {
    }

    public EquityCurve {
        points = List.copyOf(points);
    }

    public static EquityCurve of(List<ClosedTrade> trades) {
        List<ClosedTrade> ordered = new ArrayList<>(trades);
        ordered.sort(Comparator.comparing(ClosedTrade::closedAt).thenComparing(ClosedTrade::signalId));
        List<Point> points = new ArrayList<>();
        if (!ordered.isEmpty()) {
            Instant start = ordered.stream().map(ClosedTrade::openedAt).min(Comparator.naturalOrder()).orElseThrow();
            points.add(new Point(start, 0));
        }
        double equity = 0;
        for (ClosedTrade trade : ordered) {
            equity += trade.pnl();
            points.add(new Point(trade.closedAt(), equity));
        }
        return new EquityCurve(points);
    }

    /** The largest fall from a running peak (the start, 0, counts as a peak), as a positive amount; 0 if none. */
    public double maxDrawdown() {
        double peak = 0;
        double worst = 0;
        for (Point point : points) {
            peak = Math.max(peak, point.equity());
            worst = Math.max(worst, peak - point.equity());
        }
        return worst;
    }

    public double finalEquity() {
        return points.isEmpty() ? 0 : points.get(points.size() - 1).equity();
    }
}
