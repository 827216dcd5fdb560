package com.alphacast.core.options.gex;

import com.alphacast.core.fixtures.SpyChain;
import com.alphacast.core.options.OptionChain;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Zero-gamma is a true sign change of the profile, never an invented level. */
class ZeroGammaTest {

    private static final double[] LEVELS = {100, 101, 102, 103, 104, 105};

    private static ZeroGamma find(double... gex) {
        return ZeroGamma.find(new GammaProfile(LEVELS, gex));
    }

    @Test
    void allZeroProfileHasNoLevelAndSaysNoContractContributes() {
        ZeroGamma zero = find(0, 0, 0, 0, 0, 0);
        assertThat(zero.level()).isEmpty();
        assertThat(zero.reason()).contains("0 at every level").contains("no contract with IV and OI contributes");
    }

    @Test
    void chainWhoseContractsAllExpiredHasNoLevel() {
        // Repro from the review: as of 2025-12-01 every expiry of the 2025-09-25 SPY export has passed; the
        // profile is 0 everywhere and used to give 0.8 x S = 526.44.
        OptionChain expired = SpyChain.load().chain().withAsOf(LocalDate.of(2025, 12, 1));
        ZeroGamma zero = new GammaExposure(GexConvention.DEFAULT).zeroGamma(expired);
        assertThat(zero.level()).isEmpty();
        assertThat(zero.reason()).contains("no contract with IV and OI contributes");
    }

    @Test
    void zerosAtTheEndsAreNotACrossing() {
        ZeroGamma zero = find(0, 0, 5, 7, 3, 0);
        assertThat(zero.level()).isEmpty();
        assertThat(zero.reason()).contains("positive at every level").contains("where it is not 0");
    }

    @Test
    void adjacentOppositeSignsAreInterpolated() {
        ZeroGamma zero = find(0, -4, -2, 2, 6, 0);
        assertThat(zero.level().getAsDouble()).isCloseTo(102.5, within(1e-12));
    }

    @Test
    void aSingleZeroBetweenOppositeSignsIsTheLevel() {
        ZeroGamma zero = find(-3, -1, 0, 2, 4, 5);
        assertThat(zero.level().getAsDouble()).isEqualTo(102.0);
    }

    @Test
    void aFlatRunOfZerosBetweenOppositeSignsIsNotAUniqueCrossing() {
        ZeroGamma zero = find(-3, 0, 0, 0, 4, 5);
        assertThat(zero.level()).isEmpty();
        assertThat(zero.reason()).contains("exactly 0 from 101.00 to 103.00").contains("not unique");
    }
}
