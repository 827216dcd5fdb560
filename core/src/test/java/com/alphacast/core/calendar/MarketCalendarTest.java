package com.alphacast.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MarketCalendarTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final ShippedCalendars shipped = new ShippedCalendars();
    private final MarketCalendar nyse = shipped.calendar(Exchange.XNYS);
    private final MarketCalendar nasdaq = shipped.calendar(Exchange.XNAS);
    private final MarketCalendar cme = shipped.calendar(Exchange.XCME);

    /** NYSE and Nasdaq full closures 2025–2027 (the exchanges' published holiday lists). */
    private static final Map<String, String> EQUITY_CLOSURES = new TreeMap<>(Map.ofEntries(
            Map.entry("2025-01-01", "New Year's Day"),
            Map.entry("2025-01-09", "National Day of Mourning for former President Jimmy Carter"),
            Map.entry("2025-01-20", "Martin Luther King Jr. Day"),
            Map.entry("2025-02-17", "Washington's Birthday"),
            Map.entry("2025-04-18", "Good Friday"),
            Map.entry("2025-05-26", "Memorial Day"),
            Map.entry("2025-06-19", "Juneteenth National Independence Day"),
            Map.entry("2025-07-04", "Independence Day"),
            Map.entry("2025-09-01", "Labor Day"),
            Map.entry("2025-11-27", "Thanksgiving Day"),
            Map.entry("2025-12-25", "Christmas Day"),
            Map.entry("2026-01-01", "New Year's Day"),
            Map.entry("2026-01-19", "Martin Luther King Jr. Day"),
            Map.entry("2026-02-16", "Washington's Birthday"),
            Map.entry("2026-04-03", "Good Friday"),
            Map.entry("2026-05-25", "Memorial Day"),
            Map.entry("2026-06-19", "Juneteenth National Independence Day"),
            Map.entry("2026-07-03", "Independence Day (observed)"),
            Map.entry("2026-09-07", "Labor Day"),
            Map.entry("2026-11-26", "Thanksgiving Day"),
            Map.entry("2026-12-25", "Christmas Day"),
            Map.entry("2027-01-01", "New Year's Day"),
            Map.entry("2027-01-18", "Martin Luther King Jr. Day"),
            Map.entry("2027-02-15", "Washington's Birthday"),
            Map.entry("2027-03-26", "Good Friday"),
            Map.entry("2027-05-31", "Memorial Day"),
            Map.entry("2027-06-18", "Juneteenth National Independence Day (observed)"),
            Map.entry("2027-07-05", "Independence Day (observed)"),
            Map.entry("2027-09-06", "Labor Day"),
            Map.entry("2027-11-25", "Thanksgiving Day"),
            Map.entry("2027-12-24", "Christmas Day (observed)")));

    /** NYSE and Nasdaq 13:00 closes 2025–2027. */
    private static final String[] EQUITY_EARLY_CLOSES = {"2025-07-03", "2025-11-28", "2025-12-24", "2026-11-27",
            "2026-12-24", "2027-11-26"};

    /** CME Globex full closures 2025–2027 on weekdays. */
    private static final Map<String, String> CME_CLOSURES = new TreeMap<>(Map.ofEntries(
            Map.entry("2025-01-01", "New Year's Day"),
            Map.entry("2025-01-09", "National Day of Mourning for former President Jimmy Carter"),
            Map.entry("2025-04-18", "Good Friday"),
            Map.entry("2025-07-04", "Independence Day"),
            Map.entry("2025-11-27", "Thanksgiving Day"),
            Map.entry("2025-12-25", "Christmas Day"),
            Map.entry("2026-01-01", "New Year's Day"),
            Map.entry("2026-04-03", "Good Friday"),
            Map.entry("2026-11-26", "Thanksgiving Day"),
            Map.entry("2026-12-25", "Christmas Day"),
            Map.entry("2027-01-01", "New Year's Day"),
            Map.entry("2027-03-26", "Good Friday"),
            Map.entry("2027-07-05", "Independence Day"),
            Map.entry("2027-11-25", "Thanksgiving Day"),
            Map.entry("2027-12-24", "Christmas Day")));

    /** CME equity-index halts 2025–2027, New York time: 13:00 on NYSE holidays, 13:15 on NYSE early closes. */
    private static final Map<String, String> CME_HALTS = new TreeMap<>(Map.ofEntries(
            Map.entry("2025-01-20", "13:00"), Map.entry("2025-02-17", "13:00"), Map.entry("2025-05-26", "13:00"),
            Map.entry("2025-06-19", "13:00"), Map.entry("2025-07-03", "13:15"), Map.entry("2025-09-01", "13:00"),
            Map.entry("2025-11-28", "13:15"), Map.entry("2025-12-24", "13:15"),
            Map.entry("2026-01-19", "13:00"), Map.entry("2026-02-16", "13:00"), Map.entry("2026-05-25", "13:00"),
            Map.entry("2026-06-19", "13:00"), Map.entry("2026-07-03", "13:00"), Map.entry("2026-09-07", "13:00"),
            Map.entry("2026-11-27", "13:15"), Map.entry("2026-12-24", "13:15"),
            Map.entry("2027-01-18", "13:00"), Map.entry("2027-02-15", "13:00"), Map.entry("2027-05-31", "13:00"),
            Map.entry("2027-06-18", "13:00"), Map.entry("2027-09-06", "13:00"), Map.entry("2027-11-26", "13:15")));

    @Test
    void everyNyseAndNasdaqHolidayOf2025To2027IsClosedWithItsName() {
        for (MarketCalendar calendar : new MarketCalendar[] {nyse, nasdaq}) {
            EQUITY_CLOSURES.forEach((date, name) -> {
                assertThat(calendar.isTradingDay(LocalDate.parse(date))).as(calendar + " " + date).isFalse();
                assertThat(calendar.closureReason(LocalDate.parse(date))).as(calendar + " " + date).contains(name);
                assertThat(calendar.session(LocalDate.parse(date))).isEmpty();
            });
        }
    }

    @Test
    void nyseAndNasdaqHaveNoOtherWeekdayClosuresIn2025To2027() {
        for (MarketCalendar calendar : new MarketCalendar[] {nyse, nasdaq}) {
            int weekdaysClosed = 0;
            for (LocalDate day = LocalDate.of(2025, 1, 1); day.getYear() <= 2027; day = day.plusDays(1)) {
                if (day.getDayOfWeek().getValue() <= 5 && !calendar.isTradingDay(day)) {
                    weekdaysClosed++;
                    assertThat(EQUITY_CLOSURES).as(calendar + " " + day).containsKey(day.toString());
                }
            }
            assertThat(weekdaysClosed).isEqualTo(EQUITY_CLOSURES.size());
        }
    }

    @Test
    void everyNyseAndNasdaqEarlyCloseOf2025To2027ClosesAt1300NewYork() {
        for (MarketCalendar calendar : new MarketCalendar[] {nyse, nasdaq}) {
            for (String date : EQUITY_EARLY_CLOSES) {
                MarketSession session = calendar.session(LocalDate.parse(date)).orElseThrow();
                assertThat(session.isEarlyClose()).as(calendar + " " + date).isTrue();
                assertThat(session.closes().atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(13, 0));
                assertThat(session.regularClose().atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(16, 0));
                assertThat(session.opens().atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(9, 30));
            }
        }
    }

    @Test
    void thanksgivingFriday2026ClosesAt1300AndSaysWhy() {
        MarketSession session = nyse.session(LocalDate.of(2026, 11, 27)).orElseThrow();
        assertThat(session.closes()).isEqualTo(Instant.parse("2026-11-27T18:00:00Z"));
        assertThat(session.earlyCloseReason()).contains("Day after Thanksgiving Day (markets close at 1:00pm)");
    }

    @Test
    void goodFriday2026IsClosedEverywhereAndSessionsSkipIt() {
        LocalDate goodFriday = LocalDate.of(2026, 4, 3);
        for (MarketCalendar calendar : new MarketCalendar[] {nyse, nasdaq, cme}) {
            assertThat(calendar.isTradingDay(goodFriday)).as(calendar.toString()).isFalse();
            assertThat(calendar.closureReason(goodFriday)).contains("Good Friday");
            assertThat(calendar.nextSession(LocalDate.of(2026, 4, 2)).date()).isEqualTo(LocalDate.of(2026, 4, 6));
            assertThat(calendar.previousSession(LocalDate.of(2026, 4, 6)).date()).isEqualTo(LocalDate.of(2026, 4, 2));
        }
    }

    @Test
    void everyCmeClosureOf2025To2027IsClosedAndNoOtherWeekday() {
        CME_CLOSURES.forEach((date, name) ->
                assertThat(cme.closureReason(LocalDate.parse(date))).as(date).contains(name));
        for (LocalDate day = LocalDate.of(2025, 1, 1); day.getYear() <= 2027; day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5 && !cme.isTradingDay(day)) {
                assertThat(CME_CLOSURES).as(day.toString()).containsKey(day.toString());
            }
        }
    }

    @Test
    void everyCmeHaltOf2025To2027Is1300OrFifteenMinutesAfterTheNyseEarlyClose() {
        CME_HALTS.forEach((date, halt) -> {
            MarketSession session = cme.session(LocalDate.parse(date)).orElseThrow();
            assertThat(session.isEarlyClose()).as(date).isTrue();
            assertThat(session.closes().atZone(NEW_YORK).toLocalTime()).as(date).isEqualTo(LocalTime.parse(halt));
        });
        for (LocalDate day = LocalDate.of(2025, 1, 1); day.getYear() <= 2027; day = day.plusDays(1)) {
            if (cme.isTradingDay(day) && cme.session(day).orElseThrow().isEarlyClose()) {
                assertThat(CME_HALTS).as(day.toString()).containsKey(day.toString());
            }
        }
    }

    @Test
    void cmeSessionOpensAt1800NewYorkTheEveningBeforeAndBreaksFrom1700To1800() {
        MarketSession tuesday = cme.session(LocalDate.of(2026, 12, 1)).orElseThrow();
        assertThat(tuesday.opens().atZone(NEW_YORK).toString()).isEqualTo("2026-11-30T18:00-05:00[America/New_York]");
        assertThat(tuesday.closes().atZone(NEW_YORK).toString()).isEqualTo("2026-12-01T17:00-05:00[America/New_York]");
        assertThat(cme.sessionAt(Instant.parse("2026-12-01T22:30:00Z"))).as("17:30 ET, daily break").isEmpty();
        assertThat(cme.sessionAt(Instant.parse("2026-12-01T23:30:00Z")).orElseThrow().date())
                .as("18:30 ET trades for the next day").isEqualTo(LocalDate.of(2026, 12, 2));
        MarketSession monday = cme.session(LocalDate.of(2026, 12, 7)).orElseThrow();
        assertThat(monday.opens().atZone(NEW_YORK).toString()).isEqualTo("2026-12-06T18:00-05:00[America/New_York]");
        MarketSession afterChristmas = cme.session(LocalDate.of(2026, 12, 28)).orElseThrow();
        assertThat(afterChristmas.opens()).isEqualTo(Instant.parse("2026-12-27T23:00:00Z"));
    }

    @Test
    void springForwardWeekOf2026KeepsExchangeLocalTimes() {
        // 2026-03-08: New York moves from UTC-5 to UTC-4 at 02:00.
        assertThat(nyse.session(LocalDate.of(2026, 3, 6)).orElseThrow().opens()).isEqualTo(Instant.parse("2026-03-06T14:30:00Z"));
        assertThat(nyse.session(LocalDate.of(2026, 3, 9)).orElseThrow().opens()).isEqualTo(Instant.parse("2026-03-09T13:30:00Z"));
        assertThat(nyse.session(LocalDate.of(2026, 3, 9)).orElseThrow().closes()).isEqualTo(Instant.parse("2026-03-09T20:00:00Z"));
        assertThat(cme.session(LocalDate.of(2026, 3, 6)).orElseThrow().opens()).isEqualTo(Instant.parse("2026-03-05T23:00:00Z"));
        assertThat(cme.session(LocalDate.of(2026, 3, 9)).orElseThrow().opens())
                .as("Sunday 18:00 EDT, after the change").isEqualTo(Instant.parse("2026-03-08T22:00:00Z"));
        assertThat(cme.session(LocalDate.of(2026, 3, 9)).orElseThrow().closes()).isEqualTo(Instant.parse("2026-03-09T21:00:00Z"));
    }

    @Test
    void fallBackWeekOf2026KeepsExchangeLocalTimes() {
        // 2026-11-01: New York moves from UTC-4 to UTC-5 at 02:00.
        assertThat(nasdaq.session(LocalDate.of(2026, 10, 30)).orElseThrow().opens()).isEqualTo(Instant.parse("2026-10-30T13:30:00Z"));
        assertThat(nasdaq.session(LocalDate.of(2026, 11, 2)).orElseThrow().opens()).isEqualTo(Instant.parse("2026-11-02T14:30:00Z"));
        assertThat(cme.session(LocalDate.of(2026, 11, 2)).orElseThrow().opens())
                .as("Sunday 18:00 EST, after the change").isEqualTo(Instant.parse("2026-11-01T23:00:00Z"));
        assertThat(cme.session(LocalDate.of(2026, 10, 30)).orElseThrow().closes()).isEqualTo(Instant.parse("2026-10-30T21:00:00Z"));
    }

    @Test
    void weekendsAreClosedAndSessionsStepOverThem() {
        assertThat(nyse.closureReason(LocalDate.of(2026, 12, 5))).contains("weekend");
        assertThat(nyse.nextSession(LocalDate.of(2026, 12, 4)).date()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(nyse.previousSession(LocalDate.of(2026, 12, 28)).date()).isEqualTo(LocalDate.of(2026, 12, 24));
    }

    @Test
    void aDateOutsideTheSnapshotIsRefusedRatherThanAssumedOpen() {
        assertThat(nyse.lastDate()).isEqualTo(LocalDate.of(2050, 12, 31));
        assertThatThrownBy(() -> nyse.isTradingDay(LocalDate.of(2051, 1, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XNYS calendar covers 1950-01-01 to 2050-12-31");
    }

    @Test
    void sessionBoundsAtFindsTheSessionSessionAtFindsEveryFiveMinutesOf2025And2026() {
        // two years across DST changes, early closes, holidays and the CME daily break, for all three calendars
        long from = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2027-01-01T00:00:00Z").toEpochMilli();
        for (MarketCalendar calendar : new MarketCalendar[] {nyse, nasdaq, cme}) {
            int sessions = 0;
            for (long t = from; t < to; t += 5 * 60_000L) {
                java.util.Optional<MarketSession> expected = calendar.sessionAt(Instant.ofEpochMilli(t));
                SessionBounds bounds = calendar.sessionBoundsAt(t);
                assertThat(bounds.exists()).as("%s at %s", calendar, Instant.ofEpochMilli(t))
                        .isEqualTo(expected.isPresent());
                if (expected.isPresent()) {
                    sessions++;
                    assertThat(bounds).as("%s at %s", calendar, Instant.ofEpochMilli(t)).isEqualTo(new SessionBounds(
                            expected.get().date().toEpochDay(), expected.get().opens().toEpochMilli(),
                            expected.get().closes().toEpochMilli()));
                }
            }
            assertThat(sessions).as("%s has sessions in those years", calendar).isGreaterThan(10_000);
        }
    }

    @Test
    void sessionBoundsIncludeTheOpenAndExcludeTheClose() {
        MarketSession friday = cme.session(LocalDate.of(2026, 11, 27)).orElseThrow(); // early close, 13:15 ET
        long opens = friday.opens().toEpochMilli();
        long closes = friday.closes().toEpochMilli();

        assertThat(cme.sessionBoundsAt(opens).epochDay()).isEqualTo(LocalDate.of(2026, 11, 27).toEpochDay());
        assertThat(cme.sessionBoundsAt(closes - 1).closesMillis()).isEqualTo(closes);
        assertThat(cme.sessionBoundsAt(opens - 1)).isSameAs(SessionBounds.NONE); // Thanksgiving's halt
        assertThat(cme.sessionBoundsAt(closes)).isSameAs(SessionBounds.NONE);
        assertThat(SessionBounds.NONE.contains(0)).isFalse();
    }

    @Test
    void timesOutsideTheSnapshotHaveNoSessionAndAreNotCovered() {
        long lastCovered = Instant.parse("2050-12-30T15:00:00Z").toEpochMilli();
        long afterIt = Instant.parse("2051-01-03T15:00:00Z").toEpochMilli();

        assertThat(nyse.coversTime(lastCovered)).isTrue();
        assertThat(nyse.sessionBoundsAt(lastCovered).exists()).isTrue();
        assertThat(nyse.coversTime(afterIt)).isFalse();
        assertThat(nyse.sessionBoundsAt(afterIt)).isSameAs(SessionBounds.NONE);
        assertThat(nyse.coversTime(Instant.parse("1949-12-31T15:00:00Z").toEpochMilli())).isFalse();
    }
}
