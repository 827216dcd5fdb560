package com.alphacast.core.volume;

import com.alphacast.core.bars.TimeBarBuilder;
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
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class UnusualVolumeTest {

    @Test
    void givesNoVerdictUntilTheBaselineIsWarm() {
        UnusualVolume uv = new UnusualVolume(5, 3, 3, 3);
        assertThat(uv.observe(10).verdict()).isEqualTo(VolumeVerdict.WARMING_UP);
        assertThat(uv.observe(12).verdict()).isEqualTo(VolumeVerdict.WARMING_UP);
        assertThat(uv.observe(1000).verdict()).as("only 2 in baseline").isEqualTo(VolumeVerdict.WARMING_UP);
        assertThat(uv.isWarm()).isTrue();
        assertThat(uv.zScore(1)).isFinite();
    }

    @Test
    void scoresAgainstTheBaselineBeforeAdmittingTheObservation() {
        UnusualVolume uv = new UnusualVolume(4, 4, 3, 3);
        for (double v : new double[] {10, 12, 8, 10}) {
            uv.observe(v);
        }
        VolumeReading r = uv.observe(40);
        assertThat(r.baselineMean()).isEqualTo(10.0);
        assertThat(r.baselineStdDev()).isCloseTo(Math.sqrt(8.0 / 3), within(1e-12));
        assertThat(r.zScore()).isCloseTo(30 / Math.sqrt(8.0 / 3), within(1e-9));
        assertThat(r.ratio()).isEqualTo(4.0);
        assertThat(r.isUnusual()).isTrue();
        // 10 was evicted; baseline is now 12, 8, 10, 40
        assertThat(uv.mean()).isEqualTo(17.5);
    }

    @Test
    void rollingSumsMatchAFreshComputationAfterManyUpdates() {
        UnusualVolume uv = new UnusualVolume(20, 20, 3, 3);
        Random random = new Random(7);
        double[] last = new double[20];
        for (int i = 0; i < 100_003; i++) {
            double v = 1e6 + random.nextDouble() * 1e5;
            uv.add(v);
            last[i % 20] = v;
        }
        double mean = 0;
        for (double v : last) {
            mean += v / 20;
        }
        double ss = 0;
        for (double v : last) {
            ss += (v - mean) * (v - mean);
        }
        assertThat(uv.mean()).isCloseTo(mean, within(1e-6));
        assertThat(uv.standardDeviation()).isCloseTo(Math.sqrt(ss / 19), within(1e-3));
    }

    @Test
    void flatBaselineGivesInfiniteZForAnyChange() {
        UnusualVolume uv = new UnusualVolume(3, 3, 3, 100);
        uv.add(5);
        uv.add(5);
        uv.add(5);
        assertThat(uv.zScore(5)).isZero();
        assertThat(uv.zScore(6)).isInfinite();
        assertThat(uv.isUnusual(6)).isTrue();
    }

    @Test
    void flagsTheBusiestMinuteOfRealEsTradingOnlyWhenItStandsOut() throws IOException {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSS");
        TimeBarBuilder builder = new TimeBarBuilder("ES", Duration.ofMinutes(1));
        List<Bar> bars = new ArrayList<>();
        for (String line : Files.readAllLines(TestData.esSession())) {
            if (line.isBlank() || line.startsWith("Date")) {
                continue;
            }
            String[] c = line.split(",");
            Bar b = builder.onTrade(LocalDateTime.parse(c[0], f).toInstant(ZoneOffset.UTC).toEpochMilli(),
                    Double.parseDouble(c[1]), Long.parseLong(c[2]));
            if (b != null) {
                bars.add(b);
            }
        }
        UnusualVolume uv = new UnusualVolume(20, 10, 3, 3);
        List<VolumeReading> readings = new ArrayList<>();
        for (Bar b : bars) {
            readings.add(uv.observe(b.volume()));
        }
        assertThat(readings.subList(0, 10)).allMatch(r -> r.verdict() == VolumeVerdict.WARMING_UP);
        assertThat(readings.subList(10, readings.size())).noneMatch(r -> r.verdict() == VolumeVerdict.WARMING_UP);
        // A synthetic 10× minute after the real session is unusual.
        double mean = uv.mean();
        assertThat(uv.observe(mean * 10).isUnusual()).isTrue();
    }

    @Test
    void rejectsBadConfigurationAndObservations() {
        assertThatThrownBy(() -> new UnusualVolume(1, 1, 3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UnusualVolume(5, 6, 3, 3)).isInstanceOf(IllegalArgumentException.class);
        UnusualVolume uv = UnusualVolume.withDefaults(5);
        assertThatThrownBy(() -> uv.observe(-1)).hasMessageContaining("volume");
        assertThatThrownBy(() -> uv.observe(Double.NaN)).hasMessageContaining("volume");
    }
}
