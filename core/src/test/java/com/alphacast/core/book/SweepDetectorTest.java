package com.alphacast.core.book;

import com.alphacast.core.classification.Aggressor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SweepDetectorTest {

    @Test
    void reportsABuyerLiftingThreeLevelsWithinFiftyMillis() {
        List<Sweep> sweeps = new ArrayList<>();
        SweepDetector detector = new SweepDetector("X", sweeps::add);
        detector.onTrade(1_000, 100.00, 5, Aggressor.BUY);
        detector.onTrade(1_001, 100.00, 2, Aggressor.BUY);
        detector.onTrade(1_002, 100.01, 4, Aggressor.BUY);
        detector.onTrade(1_030, 100.03, 1, Aggressor.BUY);
        detector.onTrade(1_200, 100.02, 1, Aggressor.SELL); // ends the run
        assertThat(sweeps).containsExactly(new Sweep("X", Aggressor.BUY, 1_000, 1_030, 3, 4, 12,
                100.00 * 7 + 100.01 * 4 + 100.03, 100.00, 100.03));
    }

    @Test
    void ignoresSlowRunsRetreatsAndSingleLevelPrints() {
        List<Sweep> sweeps = new ArrayList<>();
        SweepDetector detector = new SweepDetector("X", sweeps::add);
        detector.onTrade(0, 100, 1, Aggressor.SELL);
        detector.onTrade(10, 99, 1, Aggressor.SELL);
        detector.onTrade(100, 98, 1, Aggressor.SELL); // outside 50 ms: new run
        detector.onTrade(110, 98, 1, Aggressor.SELL);
        detector.onTrade(120, 98.5, 1, Aggressor.SELL); // back up: ends the run at 1 level
        detector.onTrade(130, 98, 1, Aggressor.SELL);
        detector.flush();
        assertThat(sweeps).isEmpty();
    }
}
