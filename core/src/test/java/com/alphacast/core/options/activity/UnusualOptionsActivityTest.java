package com.alphacast.core.options.activity;

import com.alphacast.core.fixtures.SpyChain;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.OptionContract;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnusualOptionsActivityTest {

    private static final OptionChain SPY = SpyChain.load().chain();

    @Test
    void flagsExactlyTheSpyContractsTradingMoreThanTheirOpenInterest() {
        List<UnusualOptionsActivity.UnusualContract> unusual = UnusualOptionsActivity.DEFAULT.scan(SPY);
        long expected = SPY.contracts().stream()
                .filter(c -> c.volume() > 0 && c.volume() > c.openInterest())
                .count();
        assertThat(expected).isPositive();
        assertThat(unusual).hasSize((int) expected);
        assertThat(unusual).allMatch(u -> u.contract().volume() > u.contract().openInterest());
        for (int i = 1; i < unusual.size(); i++) {
            assertThat(unusual.get(i - 1).volumeToOpenInterest())
                    .isGreaterThanOrEqualTo(unusual.get(i).volumeToOpenInterest());
        }
        UnusualOptionsActivity.UnusualContract top = unusual.get(0);
        OptionContract c = top.contract();
        assertThat(top.volumeToOpenInterest()).isEqualTo(c.openInterest() == 0 ? Double.POSITIVE_INFINITY
                : (double) c.volume() / c.openInterest());
    }

    @Test
    void aHigherThresholdAndMinimumVolumeNarrowTheList() {
        int all = UnusualOptionsActivity.DEFAULT.scan(SPY).size();
        List<UnusualOptionsActivity.UnusualContract> strict = new UnusualOptionsActivity(5, 1000).scan(SPY);
        assertThat(strict.size()).isLessThan(all);
        assertThat(strict).allMatch(u -> u.contract().volume() >= 1000 && u.volumeToOpenInterest() > 5);
    }

    @Test
    void ignoresExpiredContractsAndRejectsBadThresholds() {
        OptionChain later = SPY.withAsOf(LocalDate.of(2025, 10, 2));
        assertThat(UnusualOptionsActivity.DEFAULT.scan(later))
                .noneMatch(u -> u.contract().expiry().isBefore(LocalDate.of(2025, 10, 2)));
        assertThatThrownBy(() -> new UnusualOptionsActivity(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
