package com.alphacast.core.trading;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.market.Bar;
import com.alphacast.core.signal.Direction;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PositionExitTest {

    private static final Instant OPENED = Instant.parse("2011-07-31T22:29:00Z");
    private static final Position SHORT = new Position("s", "ES", "ESU1", Direction.SHORT, 1, 1303.25, 1305.0, 1300.5, OPENED);
    private static final Position LONG = new Position("l", "ES", "ESU1", Direction.LONG, 2, 1305.25, 1303.5, 1308.0, OPENED);

    private static Bar bar(int minute, double open, double high, double low, double close) {
        long start = OPENED.toEpochMilli() + (minute - 29) * 60_000L;
        return new Bar("ES", start, start + 60_000, open, high, low, close, 100, 10);
    }

    @Test
    void shortStopsOutOnTheFirstBarWhoseHighReachesTheStop() {
        List<Bar> bars = List.of(bar(29, 1303.5, 1304.25, 1303.0, 1304.0), bar(30, 1304.0, 1305.0, 1303.75, 1304.5),
                bar(31, 1304.5, 1306.0, 1304.0, 1305.5));

        PositionExit exit = SHORT.firstExitIn(bars).orElseThrow();

        assertThat(exit.reason()).isEqualTo(ExitReason.STOP);
        assertThat(exit.price()).isEqualTo(1305.0);
        assertThat(exit.time()).isEqualTo(Instant.parse("2011-07-31T22:31:00Z"));
        assertThat(SHORT.realizedPnl(exit, 50)).isEqualTo(-87.5);
    }

    @Test
    void longReachesItsTarget() {
        PositionExit exit = LONG.firstExitIn(List.of(bar(30, 1305.5, 1308.25, 1305.0, 1308.0))).orElseThrow();

        assertThat(exit.reason()).isEqualTo(ExitReason.TARGET);
        assertThat(LONG.realizedPnl(exit, 50)).isEqualTo(2 * 2.75 * 50);
    }

    @Test
    void barTouchingBothLevelsIsTakenAsTheStop() {
        assertThat(LONG.firstExitIn(List.of(bar(30, 1305.5, 1308.5, 1303.0, 1306.0))).orElseThrow().reason())
                .isEqualTo(ExitReason.STOP);
    }

    @Test
    void gapThroughTheStopExitsAtTheOpenNotAtTheStop() {
        PositionExit exit = LONG.firstExitIn(List.of(bar(30, 1302.0, 1302.5, 1301.0, 1302.25))).orElseThrow();

        assertThat(exit.price()).isEqualTo(1302.0);
        assertThat(exit.time()).isEqualTo(Instant.parse("2011-07-31T22:30:00Z"));
    }

    @Test
    void barsBeforeTheFillDoNotCount() {
        assertThat(SHORT.firstExitIn(List.of(bar(28, 1303.0, 1310.0, 1290.0, 1303.0)))).isEmpty();
    }
}
