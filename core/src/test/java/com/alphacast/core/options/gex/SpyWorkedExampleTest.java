package com.alphacast.core.options.gex;

import com.alphacast.core.feed.cboe.CboeQuoteData;
import com.alphacast.core.fixtures.SpyChain;
import com.alphacast.core.options.OptionChain;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/** The worked example of docs/analytics-conventions.md ("Options: GEX and DEX") on the real SPY export. */
class SpyWorkedExampleTest {

    private static final CboeQuoteData SPY = SpyChain.load();
    private final GammaExposure gex = new GammaExposure(GexConvention.DEFAULT);

    @Test
    void totalsMatchTheConventionsWithinPointOnePercent() {
        GexTotals t = gex.totals(SPY.chain());
        assertThat(t.callGex()).isCloseTo(5.9126e9, withinPercentage(0.1));
        assertThat(t.putGex()).isCloseTo(-9.8304e9, withinPercentage(0.1));
        assertThat(t.netGex()).isCloseTo(-3.9178e9, withinPercentage(0.1));
        assertThat(t.contracts()).isEqualTo(2 * 1858);
    }

    @Test
    void topStrikesMatchTheConventions() {
        GexReport report = gex.report(SPY.chain(), 3);
        List<StrikeExposure> top = report.topStrikes();
        assertThat(top).extracting(StrikeExposure::strike).containsExactly(670.0, 655.0, 650.0);
        assertThat(top.get(0).netGex()).isCloseTo(0.7709e9, withinPercentage(0.1));
        assertThat(top.get(1).netGex()).isCloseTo(-0.6103e9, withinPercentage(0.1));
        assertThat(top.get(2).netGex()).isCloseTo(-0.5978e9, withinPercentage(0.1));
        assertThat(report.byExpiry()).hasSize(11);
        assertThat(report.byExpiry().stream().mapToDouble(ExpiryExposure::netGex).sum())
                .isCloseTo(report.totals().netGex(), within(1.0));
        assertThat(report.byStrike().stream().mapToDouble(StrikeExposure::netGex).sum())
                .isCloseTo(report.totals().netGex(), within(1.0));
        assertThat(report.convention()).contains("dealers long calls short puts").contains("per 1% move");
    }

    @Test
    void zeroGammaIsNear668Point5() {
        ZeroGamma zero = gex.zeroGamma(SPY.chain());
        assertThat(zero.level()).isPresent();
        assertThat(zero.level().getAsDouble()).isCloseTo(668.5, within(0.5));
        assertThat(zero.profile().levels()).hasSize(60);
        assertThat(zero.profile().levels()[0]).isCloseTo(0.8 * 658.05, within(1e-9));
        assertThat(zero.profile().levels()[59]).isCloseTo(1.2 * 658.05, within(1e-9));
    }

    @Test
    void saysSoWhenTheProfileNeverChangesSign() {
        ZeroGamma zero = new GammaExposure(GexConvention.DEFAULT.withDealers(DealerPositioning.SHORT_CALLS_SHORT_PUTS))
                .zeroGamma(SPY.chain());
        assertThat(zero.level()).isEmpty();
        assertThat(zero.reason()).contains("negative at every level");
    }

    @Test
    void expiredContractsAreLeftOutAndCounted() {
        OptionChain later = SPY.chain().withAsOf(LocalDate.of(2025, 10, 2));
        GexReport report = gex.report(later, 3);
        long expiredRows = SPY.chain().contracts().stream()
                .filter(c -> c.expiry().isBefore(LocalDate.of(2025, 10, 2))).count();
        assertThat(expiredRows).isPositive();
        assertThat(report.excludedExpired()).isEqualTo((int) expiredRows);
        assertThat(report.expiredExpiries()).containsExactly(LocalDate.of(2025, 10, 1));
        assertThat(report.totals().contracts()).isEqualTo(2 * 1858 - (int) expiredRows);
    }

    @Test
    void blackScholesFallbackReproducesTheChainsGammaClosely() {
        GexTotals bs = new GammaExposure(GexConvention.DEFAULT.withChainGreeks(false)).totals(SPY.chain());
        // CBOE's gamma is rounded to 4 decimals and comes from its own time and rate model; Black-Scholes from IV
        // with T = weekdays/262 and r = q = 0 gives calls 5.673 bn (-4.1%) and puts -9.929 bn (+1.0%). The net is
        // the difference of the two sides, so its relative error is larger: -4.256 bn, 8.6% from -3.9178 bn.
        assertThat(bs.callGex()).isCloseTo(5.9126e9, withinPercentage(5));
        assertThat(bs.putGex()).isCloseTo(-9.8304e9, withinPercentage(2));
        assertThat(bs.netGex()).isCloseTo(-3.9178e9, withinPercentage(10));
    }
}
