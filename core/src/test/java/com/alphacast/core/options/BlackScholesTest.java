package com.alphacast.core.options;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BlackScholesTest {

    @Test
    void matchesHullTextbookExample() {
        // Hull, Options, Futures and Other Derivatives, Example 15.6: S=42, K=40, r=10%, sigma=20%, T=0.5
        assertThat(BlackScholes.price(OptionRight.CALL, 42, 40, 0.5, 0.2, 0.1, 0)).isCloseTo(4.76, within(0.005));
        assertThat(BlackScholes.price(OptionRight.PUT, 42, 40, 0.5, 0.2, 0.1, 0)).isCloseTo(0.81, within(0.005));
    }

    @Test
    void greeksAgreeWithFiniteDifferencesAndPutCallParity() {
        double s = 658.05;
        double k = 660;
        double t = 5 / 262.0;
        double v = 0.14;
        double r = 0.04;
        double q = 0.012;
        double h = 0.01;
        double up = BlackScholes.price(OptionRight.CALL, s + h, k, t, v, r, q);
        double down = BlackScholes.price(OptionRight.CALL, s - h, k, t, v, r, q);
        double mid = BlackScholes.price(OptionRight.CALL, s, k, t, v, r, q);
        assertThat(BlackScholes.delta(OptionRight.CALL, s, k, t, v, r, q)).isCloseTo((up - down) / (2 * h),
                within(1e-6));
        assertThat(BlackScholes.gamma(s, k, t, v, r, q)).isCloseTo((up - 2 * mid + down) / (h * h), within(1e-4));
        double put = BlackScholes.price(OptionRight.PUT, s, k, t, v, r, q);
        assertThat(mid - put).isCloseTo(s * Math.exp(-q * t) - k * Math.exp(-r * t), within(1e-9));
        assertThat(BlackScholes.delta(OptionRight.PUT, s, k, t, v, r, q)
                - BlackScholes.delta(OptionRight.CALL, s, k, t, v, r, q)).isCloseTo(-Math.exp(-q * t), within(1e-12));
        double dt = 1e-6;
        double later = BlackScholes.price(OptionRight.CALL, s, k, t - dt, v, r, q);
        assertThat(BlackScholes.theta(OptionRight.CALL, s, k, t, v, r, q)).isCloseTo((later - mid) / dt,
                within(0.5));
        assertThat(BlackScholes.gamma(s, k, 0, v, r, q)).isNaN();
    }

    @Test
    void countsWeekdaysPerTheConvention() {
        LocalDate thu = LocalDate.of(2025, 9, 25);
        assertThat(ExpiryTime.weekdaysBetween(thu, LocalDate.of(2025, 10, 1))).isEqualTo(4); // Thu Fri Mon Tue
        assertThat(ExpiryTime.weekdaysBetween(thu, LocalDate.of(2025, 10, 31))).isEqualTo(26);
        assertThat(ExpiryTime.weekdaysBetween(thu, thu)).isZero();
        assertThat(ExpiryTime.years(thu, thu)).isEqualTo(1 / 262.0);
        assertThat(ExpiryTime.years(thu, LocalDate.of(2025, 9, 26))).isEqualTo(1 / 262.0);
    }
}
