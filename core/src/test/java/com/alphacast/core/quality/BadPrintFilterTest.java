package com.alphacast.core.quality;

import com.alphacast.core.feed.trades.TradeRow;
import com.alphacast.core.fixtures.EsTrades;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BadPrintFilterTest {

    static final class Recorder implements PrintListener {
        final List<Double> accepted = new ArrayList<>();
        final List<Double> rejected = new ArrayList<>();
        final List<Long> order = new ArrayList<>();

        @Override
        public void onAccepted(long epochMillis, double price, long size) {
            accepted.add(price);
            order.add(epochMillis);
        }

        @Override
        public void onRejected(long epochMillis, double price, long size, double median) {
            rejected.add(price);
            order.add(epochMillis);
        }
    }

    @Test
    void rejectsExactlyTheRealBadPrintsInTheEsSample() {
        List<TradeRow> ticks = EsTrades.badPrints();
        Recorder recorder = new Recorder();
        BadPrintFilter filter = new BadPrintFilter(21, 0.01, recorder);
        for (TradeRow t : ticks) {
            filter.onPrint(t.trade().epochMillis(), t.trade().price(), t.trade().size());
        }
        filter.flush();
        assertThat(recorder.rejected).containsExactlyInAnyOrder(1205.0, 1005.0, 1904.75, 205.0, 1405.0, 3305.0);
        assertThat(recorder.accepted).hasSize(ticks.size() - 6).allMatch(p -> p >= 1304.5 && p <= 1305.25);
        assertThat(recorder.order).as("verdicts arrive in print order").isSorted();
        assertThat(filter.rejected()).isEqualTo(6);
    }

    @Test
    void followsAGenuineLevelShiftOnceItFillsHalfTheWindow() {
        Recorder recorder = new Recorder();
        BadPrintFilter filter = new BadPrintFilter(5, 0.01, recorder);
        for (int i = 0; i < 5; i++) {
            filter.onPrint(i, 100, 1);
        }
        for (int i = 5; i < 12; i++) {
            filter.onPrint(i, 110, 1);
        }
        // 110 is rejected until three of the last five prints are at 110.
        assertThat(recorder.rejected).containsExactly(110.0, 110.0, 110.0);
        assertThat(recorder.accepted).hasSize(9);
    }

    @Test
    void judgesAShortSessionAtFlushAndRejectsNonPositivePrices() {
        Recorder recorder = new Recorder();
        BadPrintFilter filter = new BadPrintFilter(21, 0.01, recorder);
        filter.onPrint(1, 0, 1);
        filter.onPrint(2, 100, 1);
        filter.onPrint(3, 100.5, 1);
        filter.onPrint(4, 150, 1);
        filter.onPrint(5, 100.2, 1);
        assertThat(recorder.accepted).isEmpty();
        filter.flush();
        assertThat(recorder.rejected).containsExactly(0.0, 150.0);
        assertThat(recorder.accepted).containsExactly(100.0, 100.5, 100.2);
    }
}
