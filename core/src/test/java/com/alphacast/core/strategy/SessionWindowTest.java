package com.alphacast.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class SessionWindowTest {

    private final SessionWindow lastHour = SessionWindow.parse("close-60m..close-10m");

    private static Instant newYork(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(LocalDate.of(year, month, day), LocalTime.of(hour, minute), SpySession.NEW_YORK)
                .toInstant();
    }

    @Test
    void followsNewYorkAcrossTheSpringDstChange() {
        // 15:20 New York is 20:20 UTC on Friday 7 March 2025 (EST) and 19:20 UTC on Monday 10 March (EDT)
        assertThat(lastHour.contains(SpySession.NYSE, Instant.parse("2025-03-07T20:20:00Z"))).isTrue();
        assertThat(lastHour.contains(SpySession.NYSE, Instant.parse("2025-03-10T19:20:00Z"))).isTrue();
        assertThat(lastHour.contains(SpySession.NYSE, Instant.parse("2025-03-10T20:20:00Z"))).isFalse();
    }

    @Test
    void endsAtTheEarlyCloseOfTheDayAfterThanksgiving() {
        assertThat(lastHour.contains(SpySession.NYSE, newYork(2025, 11, 28, 12, 20))).isTrue();
        assertThat(lastHour.contains(SpySession.NYSE, newYork(2025, 11, 28, 12, 55))).isFalse();
        assertThat(lastHour.contains(SpySession.NYSE, newYork(2025, 11, 28, 15, 20))).isFalse();
    }

    @Test
    void isClosedOnHolidaysAndAtNight() {
        assertThat(lastHour.contains(SpySession.NYSE, newYork(2025, 12, 25, 15, 20))).isFalse();
        assertThat(SessionWindow.parse("open+0m..close+0m").contains(SpySession.NYSE, newYork(2025, 9, 25, 20, 0)))
                .isFalse();
    }

    @Test
    void refusesAWindowItCannotRead() {
        assertThatThrownBy(() -> SessionWindow.parse("15:00..16:00")).hasMessageContaining("'15:00..16:00'");
        assertThat(SessionWindow.parse("open+30m..close-60m")).hasToString("open+30m..close-60m");
    }

    @Test
    void anInstantANanosecondOutsideTheWindowIsOutsideAndOneInsideIsInside() {
        Instant from = newYork(2025, 9, 25, 15, 0);
        Instant to = newYork(2025, 9, 25, 15, 50);

        assertThat(lastHour.contains(SpySession.NYSE, from.minusNanos(1))).isFalse();
        assertThat(lastHour.contains(SpySession.NYSE, from)).isTrue();
        assertThat(lastHour.contains(SpySession.NYSE, to.minusNanos(1))).isTrue();
        assertThat(lastHour.contains(SpySession.NYSE, to)).isFalse();
        assertThat(lastHour.contains(SpySession.NYSE, to.toEpochMilli() - 1)).isTrue();
    }

    @Test
    void aTimeOutsideTheCalendarsYearsIsOutsideEveryWindow() {
        SessionWindow whole = SessionWindow.parse("open+0m..close+0m");

        assertThat(whole.contains(SpySession.NYSE, newYork(2050, 12, 30, 12, 0))).isTrue();
        assertThat(whole.contains(SpySession.NYSE, newYork(2051, 1, 3, 12, 0))).isFalse();
    }
}
