package com.alphacast.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.market.Bar;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.risk.RiskCheck;
import com.alphacast.core.risk.RiskLimits;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaperDeskTest {

    private static final long T0 = Instant.parse("2013-10-07T14:00:00Z").toEpochMilli();
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final PaperDesk desk = new PaperDesk(new RiskCheck(new RiskLimits(1, 10, 500, 1.5, 30)),
            List.of(new TradedInstrument("SPY", 0.01, 1)), 1, NEW_YORK);

    private static MarketSnapshot bar(int minute, double open, double high, double low, double close) {
        long start = T0 + minute * 60_000L;
        return new MarketSnapshot(new Bar("SPY", start, start + 60_000, open, high, low, close, 1000, 10),
                Instant.ofEpochMilli(start + 60_000));
    }

    private static Signal longAt(int minute, String id) {
        Instant at = Instant.ofEpochMilli(T0 + (minute + 1) * 60_000L);
        return new Signal(id, "volume-spike", "SPY", "SPY", Direction.LONG, 168.00, 167.50, 169.00, 100, 0.7, "",
                at, at);
    }

    @Test
    void fillsAtTheSignalBarsCloseWithSlippageAndClosesAtTheTargetOnTheFirstBarReachingIt() {
        desk.onBar(bar(0, 167.90, 168.05, 167.85, 168.00));
        assertThat(desk.submit("volume-spike", longAt(0, "s1")).approved()).isTrue();
        desk.onBar(bar(1, 168.00, 168.60, 167.80, 168.50)); // neither level
        desk.onBar(bar(2, 168.50, 169.20, 168.40, 169.10)); // target 169.00 reached
        desk.finish();

        assertThat(desk.closedTrades()).singleElement().satisfies(t -> {
            assertThat(t.entry()).isEqualTo(168.01);          // close 168.00 + 1 tick against a buyer
            assertThat(t.exit()).isEqualTo(169.00);
            assertThat(t.exitReason()).isEqualTo("TARGET");
            assertThat(t.closedAt()).isEqualTo(Instant.ofEpochMilli(T0 + 3 * 60_000L));
            assertThat(t.pnl()).isCloseTo(99.0, org.assertj.core.api.Assertions.within(1e-9)); // 0.99 × 100 shares
        });
    }

    @Test
    void refusesASecondPositionWhileTheFirstIsOpenAndCountsTheDayOnce() {
        desk.onBar(bar(0, 167.90, 168.05, 167.85, 168.00));
        assertThat(desk.submit("volume-spike", longAt(0, "s1")).approved()).isTrue();
        desk.onBar(bar(1, 168.00, 168.10, 167.90, 168.00));
        var second = desk.submit("institutional-flow", longAt(1, "s2"));

        assertThat(second.approved()).isFalse();
        assertThat(second.reasons()).containsExactly("max open positions reached (1 of 1)");
        assertThat(desk.rejections()).singleElement().satisfies(r -> assertThat(r.strategy()).isEqualTo("institutional-flow"));
        assertThat(desk.approved("volume-spike")).isEqualTo(1);
    }

    @Test
    void marksWhatIsStillOpenAtTheLastPriceWhenTheDataEnds() {
        desk.onBar(bar(0, 167.90, 168.05, 167.85, 168.00));
        desk.submit("volume-spike", longAt(0, "s1"));
        desk.onBar(bar(1, 168.00, 168.30, 167.90, 168.20));
        desk.finish();

        assertThat(desk.closedTrades()).singleElement().satisfies(t -> {
            assertThat(t.exitReason()).isEqualTo("END_OF_DATA");
            assertThat(t.exit()).isEqualTo(168.20);
        });
        assertThat(desk.openPositions()).isZero();
    }

    @Test
    void takesABarTouchingBothLevelsAsTheStop() {
        desk.onBar(bar(0, 167.90, 168.05, 167.85, 168.00));
        desk.submit("volume-spike", longAt(0, "s1"));
        desk.onBar(bar(1, 168.00, 169.50, 167.00, 168.00));
        assertThat(desk.closedTrades()).singleElement().satisfies(t -> {
            assertThat(t.exitReason()).isEqualTo("STOP");
            assertThat(t.exit()).isEqualTo(167.50);
            assertThat(t.rMultiple()).isCloseTo(-1.02, org.assertj.core.api.Assertions.within(1e-9));
        });
    }
}
