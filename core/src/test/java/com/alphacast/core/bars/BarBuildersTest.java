package com.alphacast.core.bars;

import com.alphacast.core.fixtures.TestData;
import com.alphacast.core.market.Bar;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarBuildersTest {

    private static final long MINUTE = 60_000;

    record Tick(long millis, double price, long size) {
    }

    static List<Tick> esTrades() throws IOException {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSS");
        List<Tick> ticks = new ArrayList<>();
        for (String line : Files.readAllLines(TestData.esSession())) {
            if (line.isBlank() || line.startsWith("Date")) {
                continue;
            }
            String[] c = line.split(",");
            long t = LocalDateTime.parse(c[0], f).toInstant(ZoneOffset.UTC).toEpochMilli();
            ticks.add(new Tick(t, Double.parseDouble(c[1]), Long.parseLong(c[2])));
        }
        return ticks;
    }

    @Test
    void timeBarsAreAlignedToPeriodBoundariesAndConserveVolume() throws IOException {
        List<Tick> ticks = esTrades();
        TimeBarBuilder builder = new TimeBarBuilder("ES", Duration.ofMinutes(1));
        List<Bar> bars = new ArrayList<>();
        for (Tick t : ticks) {
            Bar b = builder.onTrade(t.millis, t.price, t.size);
            if (b != null) {
                bars.add(b);
            }
        }
        bars.add(builder.flush());
        assertThat(builder.flush()).isNull();

        assertThat(ticks).hasSize(11_101);
        assertThat(bars).hasSize(50); // 22:00 .. 22:49
        assertThat(bars.stream().mapToLong(Bar::volume).sum()).isEqualTo(ticks.stream().mapToLong(Tick::size).sum());
        assertThat(bars.stream().mapToInt(Bar::trades).sum()).isEqualTo(11_101);
        for (Bar b : bars) {
            assertThat(b.startMillis() % MINUTE).isZero();
            assertThat(b.endMillis() - b.startMillis()).isEqualTo(MINUTE);
            assertThat(b.low()).isLessThanOrEqualTo(Math.min(b.open(), b.close()));
            assertThat(b.high()).isGreaterThanOrEqualTo(Math.max(b.open(), b.close()));
        }
        assertThat(bars.get(0).open()).isEqualTo(1306.0);
        assertThat(bars.get(bars.size() - 1).close()).isEqualTo(1304.75);
    }

    @Test
    void timeBarIsReturnedOnlyWhenATradeOpensALaterPeriod() {
        TimeBarBuilder builder = new TimeBarBuilder("X", Duration.ofSeconds(10));
        assertThat(builder.onTrade(10_500, 100, 1)).isNull();
        assertThat(builder.onTrade(19_999, 101, 2)).isNull();
        Bar first = builder.onTrade(45_000, 99, 3); // skips two empty periods: no bars for them
        assertThat(first).isEqualTo(new Bar("X", 10_000, 20_000, 100, 101, 100, 101, 3, 2));
        assertThat(builder.onTrade(44_000, 98, 1)).as("late print folds into the open bar").isNull();
        assertThat(builder.flush()).isEqualTo(new Bar("X", 40_000, 50_000, 99, 99, 98, 98, 4, 2));
    }

    @Test
    void volumeBarsCloseOnTheTradeReachingTheThreshold() throws IOException {
        ThresholdBarBuilder builder = ThresholdBarBuilder.volume("ES", 500);
        assertThat(builder.onTrade(1, 10, 200)).isNull();
        assertThat(builder.onTrade(2, 11, 200)).isNull();
        Bar bar = builder.onTrade(5, 9, 150);
        assertThat(bar).isEqualTo(new Bar("ES", 1, 6, 10, 11, 9, 9, 550, 3));
        assertThat(builder.flush()).isNull();

        long total = 0;
        long inBars = 0;
        int count = 0;
        long previousSize = 0;
        for (Tick t : esTrades()) {
            total += t.size;
            Bar b = builder.onTrade(t.millis, t.price, t.size);
            if (b != null) {
                assertThat(b.volume()).isGreaterThanOrEqualTo(500);
                assertThat(b.volume() - t.size).as("closed by the first trade reaching 500").isLessThan(500);
                inBars += b.volume();
                count++;
            }
        }
        Bar rest = builder.flush();
        assertThat(rest.volume()).isLessThan(500);
        assertThat(inBars + rest.volume()).isEqualTo(total);
        assertThat(count).isBetween(1, (int) (total / 500));
    }

    @Test
    void dollarBarsCloseOnNotional() {
        ThresholdBarBuilder builder = ThresholdBarBuilder.notional("ES", 10_000);
        assertThat(builder.onTrade(1, 1000, 5)).isNull();
        Bar bar = builder.onTrade(2, 1000, 5);
        assertThat(bar.volume()).isEqualTo(10);
        assertThat(builder.onTrade(3, 1000, 1)).isNull();
        assertThat(builder.flush().volume()).isEqualTo(1);
        assertThat(builder.measure()).isEqualTo(ThresholdBarBuilder.Measure.NOTIONAL);
        assertThatThrownBy(() -> ThresholdBarBuilder.volume("ES", 0)).hasMessageContaining("bar volume must be");
        assertThatThrownBy(() -> ThresholdBarBuilder.notional("ES", Double.POSITIVE_INFINITY))
                .hasMessageContaining("bar notional must be positive and finite");
    }

    @Test
    void rejectsInvalidTradesAndPeriods() {
        assertThatThrownBy(() -> new TimeBarBuilder("X", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        TimeBarBuilder builder = new TimeBarBuilder("X", Duration.ofMinutes(1));
        assertThatThrownBy(() -> builder.onTrade(1, Double.NaN, 1)).hasMessageContaining("price");
        assertThatThrownBy(() -> builder.onTrade(1, 10, 0)).hasMessageContaining("size");
    }
}
