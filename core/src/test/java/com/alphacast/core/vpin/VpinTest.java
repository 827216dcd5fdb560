package com.alphacast.core.vpin;

import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.classification.BulkVolumeClassifier;
import com.alphacast.core.classification.TickRule;
import com.alphacast.core.feed.trades.TradeRow;
import com.alphacast.core.fixtures.EsTrades;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VpinTest {

    @Test
    void splitsVolumeThatCrossesBucketBoundaries() {
        List<double[]> buckets = new ArrayList<>();
        VolumeBucketVpin vpin = new VolumeBucketVpin(100, 2,
                (t, b, buy, sell, v) -> buckets.add(new double[] {b, buy, sell, v}));
        assertThat(vpin.add(1, 60, 0)).isZero();
        assertThat(vpin.add(2, 0, 250)).isEqualTo(3); // 40 into bucket 0, 100 each into buckets 1 and 2, 10 left
        assertThat(buckets).hasSize(3);
        assertThat(buckets.get(0)).containsExactly(0, 60, 40, Double.NaN);
        assertThat(buckets.get(1)[2]).isEqualTo(100);
        assertThat(buckets.get(1)[3]).as("(20 + 100) / (2 × 100)").isCloseTo(0.6, within(1e-12));
        assertThat(buckets.get(2)[3]).as("(100 + 100) / (2 × 100)").isCloseTo(1.0, within(1e-12));
        assertThat(vpin.openBucketVolume()).isCloseTo(10, within(1e-9));
    }

    @Test
    void vpinOfEsTradesWithBvcStaysWithinZeroAndOne() {
        List<Double> series = new ArrayList<>();
        VolumeBucketVpin buckets = new VolumeBucketVpin(200, 50, (t, b, buy, sell, v) -> {
            if (!Double.isNaN(v)) {
                series.add(v);
            }
        });
        BvcVpinStream stream = new BvcVpinStream(Duration.ofMinutes(1), new BulkVolumeClassifier(20), buckets);
        for (TradeRow row : EsTrades.session()) {
            stream.onTrade(row.trade().epochMillis(), row.trade().price(), row.trade().size());
        }
        stream.flush();
        assertThat(stream.bars()).isEqualTo(50);
        assertThat(series).isNotEmpty().allMatch(v -> v >= 0 && v <= 1);
    }

    @Test
    void tickRuleVpinOnEsTradesReactsToASyntheticOneSidedBurst() {
        List<TradeRow> rows = EsTrades.session();
        VolumeBucketVpin vpin = new VolumeBucketVpin(200, 50);
        TickRule tick = new TickRule();
        double min = 1;
        double max = 0;
        for (TradeRow row : rows) {
            vpin.addTrade(row.trade().epochMillis(), row.trade().size(), tick.classify(row.trade().price()));
            if (vpin.isWarm()) {
                min = Math.min(min, vpin.vpin());
                max = Math.max(max, vpin.vpin());
            }
        }
        assertThat(min).isGreaterThanOrEqualTo(0);
        assertThat(max).isLessThanOrEqualTo(1);
        double before = vpin.vpin();
        assertThat(before).isBetween(0.0, 0.6);

        // Synthetic burst: 40 buckets' worth of aggressive selling on successive downticks.
        long t = rows.get(rows.size() - 1).trade().epochMillis();
        double price = rows.get(rows.size() - 1).trade().price();
        for (int i = 0; i < 800; i++) {
            price -= 0.25;
            vpin.addTrade(++t, 10, tick.classify(price));
        }
        double after = vpin.vpin();
        assertThat(after).isGreaterThan(before + 0.3).isLessThanOrEqualTo(1);
    }

    @Test
    void bvcVpinOnEsTradesReactsToASyntheticOneSidedBurst() {
        List<TradeRow> rows = EsTrades.session();
        VolumeBucketVpin buckets = new VolumeBucketVpin(200, 50);
        BvcVpinStream stream = new BvcVpinStream(Duration.ofMinutes(1), new BulkVolumeClassifier(20), buckets);
        for (TradeRow row : rows) {
            stream.onTrade(row.trade().epochMillis(), row.trade().price(), row.trade().size());
        }
        stream.flush();
        assertThat(buckets.isWarm()).isTrue();
        double before = stream.vpin();
        assertThat(before).isBetween(0.0, 0.6);

        // Synthetic burst: 30 one-minute bars of heavy selling, each closing 2 points lower (several sigma of the
        // session's minute changes), 600 contracts a bar: 90 buckets, so the whole 50-bucket window turns over.
        long t = Math.floorDiv(rows.get(rows.size() - 1).trade().epochMillis(), 60_000L) * 60_000L;
        double price = rows.get(rows.size() - 1).trade().price();
        for (int bar = 1; bar <= 30; bar++) {
            price -= 2;
            for (int i = 0; i < 60; i++) {
                stream.onTrade(t + bar * 60_000L + i * 1000L, price, 10);
            }
        }
        stream.flush();
        double after = stream.vpin();
        assertThat(after).isGreaterThan(before + 0.3).isLessThanOrEqualTo(1);
    }

    @Test
    void bvcLeavesTheWarmUpBarsUnclassifiedInsteadOfAllBuy() {
        List<TradeRow> rows = EsTrades.session();
        List<double[]> buckets = new ArrayList<>();
        VolumeBucketVpin vpin = new VolumeBucketVpin(200, 50, (t, b, buy, sell, v) -> buckets.add(
                new double[] {buy, sell}));
        BvcVpinStream stream = new BvcVpinStream(Duration.ofMinutes(1), new BulkVolumeClassifier(20), vpin);
        double total = 0;
        for (TradeRow row : rows) {
            stream.onTrade(row.trade().epochMillis(), row.trade().price(), row.trade().size());
            total += row.trade().size();
        }
        stream.flush();
        // 21 bars (the first has no change, then 20 changes fill the sigma window) carry no classification.
        double firstBars = 0;
        long firstBar = Math.floorDiv(rows.get(0).trade().epochMillis(), 60_000L);
        for (TradeRow row : rows) {
            if (Math.floorDiv(row.trade().epochMillis(), 60_000L) - firstBar < 20) {
                firstBars += row.trade().size();
            }
        }
        assertThat(stream.unclassifiedVolume()).isGreaterThanOrEqualTo(firstBars).isLessThan(total);
        assertThat(buckets).isNotEmpty().noneMatch(b -> b[0] == 0 || b[1] == 0);
    }

    @Test
    void barVpinUsesVolumeWeightedImbalanceForUnequalBars() {
        BarVpin vpin = new BarVpin(2);
        assertThat(vpin.add(10, 0)).isNaN();
        assertThat(vpin.add(45, 45)).as("(10 + 0) / 100").isCloseTo(0.1, within(1e-12));
        assertThat(vpin.add(0, 20)).as("(0 + 20) / 110").isCloseTo(20.0 / 110, within(1e-12));
    }

    @Test
    void unclassifiedTradesCountHalfAndHalf() {
        VolumeBucketVpin vpin = new VolumeBucketVpin(10, 1);
        vpin.addTrade(1, 10, Aggressor.UNKNOWN);
        assertThat(vpin.vpin()).isZero();
    }
}
