package com.alphacast.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TradingSessionTest {

    private final TradingSession globex = TradingSession.cmeGlobex();

    @Test
    void sundayEveningGlobexOpenCountsTowardsMonday() {
        // The demo session: 2011-07-31 22:00 UTC = Sunday 18:00 New York.
        assertThat(globex.tradingDay(Instant.parse("2011-07-31T22:00:00.120Z"))).isEqualTo(LocalDate.of(2011, 8, 1));
    }

    @Test
    void afternoonBeforeTheOpenCountsTowardsThatDay() {
        assertThat(globex.tradingDay(Instant.parse("2011-08-02T19:59:00Z"))).isEqualTo(LocalDate.of(2011, 8, 2));
    }

    @Test
    void fridayEveningCountsTowardsMonday() {
        assertThat(globex.tradingDay(Instant.parse("2011-08-05T22:30:00Z"))).isEqualTo(LocalDate.of(2011, 8, 8));
    }
}
