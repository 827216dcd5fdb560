package com.alphacast.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphacast.core.signal.Direction;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's arithmetic on a trade list computed by hand. */
class PerformanceMetricsTest {

    private static final Instant T0 = Instant.parse("2013-10-07T14:00:00Z");

    /** ES-like: $50 a point, 2-point stop, so 1 R = $100. */
    private static ClosedTrade trade(String id, int minutesOpen, int minutesClosed, double pnl) {
        return new ClosedTrade("volume-spike", id, "ES", Direction.LONG, 1, 1300, 1300 + pnl / 50, 2,
                T0.plusSeconds(60L * minutesOpen), T0.plusSeconds(60L * minutesClosed), pnl > 0 ? "TARGET" : "STOP",
                pnl, 50);
    }

    private static final List<ClosedTrade> TRADES = List.of(
            trade("a", 0, 10, 200),   // +2 R
            trade("b", 12, 20, -100), // -1 R
            trade("c", 22, 30, -100), // -1 R
            trade("d", 32, 40, 300)); // +3 R

    @Test
    void computesWinRateAverageRPnlDrawdownSharpeAndExposureOfAHandComputedTradeList() {
        PerformanceMetrics m = PerformanceMetrics.of(7, 4, TRADES, 6, 24);

        assertThat(m.signals()).isEqualTo(7);
        assertThat(m.approved()).isEqualTo(4);
        assertThat(m.trades()).isEqualTo(4);
        assertThat(m.wins()).isEqualTo(2);
        assertThat(m.winRate()).isEqualTo(0.5);
        assertThat(m.averageR()).isEqualTo(0.75);            // (2 - 1 - 1 + 3) / 4
        assertThat(m.pnl()).isEqualTo(300);
        assertThat(m.maxDrawdown()).isEqualTo(200);          // curve 0, 200, 100, 0, 300: peak 200 to 0
        // deviations 1.25, -1.75, -1.75, 2.25: squares sum 12.75, / 3 = 4.25, sd 2.0616; 0.75 / 2.0616
        assertThat(m.sharpe()).isCloseTo(0.75 / Math.sqrt(4.25), within(1e-12)).isCloseTo(0.3638, within(1e-4));
        assertThat(m.exposure()).isEqualTo(0.25);            // 6 of 24 bars
    }

    @Test
    void reportsNoRatesRatherThanZerosWithoutTrades() {
        PerformanceMetrics m = PerformanceMetrics.of(3, 0, List.of(), 0, 100);

        assertThat(m.trades()).isZero();
        assertThat(m.winRate()).isNaN();
        assertThat(m.averageR()).isNaN();
        assertThat(m.sharpe()).isNaN();
        assertThat(m.pnl()).isZero();
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.exposure()).isZero();
    }

    @Test
    void hasNoSharpeForOneTradeOrIdenticalResults() {
        assertThat(PerformanceMetrics.of(1, 1, List.of(trade("a", 0, 10, 200)), 10, 20).sharpe()).isNaN();
        assertThat(PerformanceMetrics.of(2, 2, List.of(trade("a", 0, 10, 200), trade("b", 11, 20, 200)), 10, 20)
                .sharpe()).isNaN();
    }

    @Test
    void equityCurveCountsALossFromTheStartAsDrawdownAndOrdersTradesByCloseThenId() {
        EquityCurve curve = EquityCurve.of(List.of(trade("z", 0, 10, 50), trade("y", 1, 10, -150),
                trade("x", 2, 5, -100)));

        assertThat(curve.points()).extracting(EquityCurve.Point::equity).containsExactly(0.0, -100.0, -250.0, -200.0);
        assertThat(curve.points().get(0).time()).isEqualTo(T0);
        assertThat(curve.maxDrawdown()).isEqualTo(250);
        assertThat(curve.finalEquity()).isEqualTo(-200);
    }

    @Test
    void rMultipleIsPnlOverTheRiskTaken() {
        ClosedTrade shortTwo = new ClosedTrade("s", "id", "SPY", Direction.SHORT, 200, 168.0, 167.5, 0.25, T0,
                T0.plusSeconds(60), "TARGET", 100, 1);
        assertThat(shortTwo.rMultiple()).isEqualTo(2.0); // $100 / (0.25 × 200 × 1)
        assertThat(shortTwo.won()).isTrue();
    }
}
