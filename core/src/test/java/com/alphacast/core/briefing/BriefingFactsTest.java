package com.alphacast.core.briefing;

import static com.alphacast.core.briefing.FactIds.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.core.bars.TimeBarBuilder;
import com.alphacast.core.briefing.events.EventCalendar;
import com.alphacast.core.briefing.events.ShippedEconomicCalendar;
import com.alphacast.core.calendar.Exchange;
import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.calendar.MarketSession;
import com.alphacast.core.calendar.ShippedCalendars;
import com.alphacast.core.feed.trades.TradeRow;
import com.alphacast.core.fixtures.EsTrades;
import com.alphacast.core.fixtures.SpyChain;
import com.alphacast.core.fixtures.SpyDaily;
import com.alphacast.core.market.Bar;
import com.alphacast.core.signal.Direction;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BriefingFactsTest {

    private final ShippedCalendars calendars = new ShippedCalendars();
    private final MarketCalendar nyse = calendars.calendar(Exchange.XNYS);
    private final MarketCalendar cme = calendars.calendar(Exchange.XCME);
    private final BriefingFacts facts = new BriefingFacts(BriefingFactsConfig.standard());

    @Test
    void priorSessionVolatilityAndVolumeFactsFromSpyDailyHistory() {
        List<SpyDaily.Day> days = SpyDaily.load();
        SpyDaily.Day last = days.get(days.size() - 1);
        assertThat(last.date()).isEqualTo(LocalDate.of(2021, 3, 31));
        MarketSession prior = nyse.session(last.date()).orElseThrow();
        Bar daily = new Bar("SPY", prior.opens().toEpochMilli(), prior.closes().toEpochMilli(), last.open(), last.high(),
                last.low(), last.close(), last.volume(), 1);
        List<Long> earlierVolumes = days.subList(0, days.size() - 1).stream().map(SpyDaily.Day::volume).toList();
        BriefingInputs in = new BriefingInputs("SPY", nyse.nextSession(last.date()), prior, List.of(daily), List.of(),
                days.stream().map(SpyDaily.Day::close).toList(), OptionalDouble.empty(), earlierVolumes,
                Optional.empty(), Optional.of(List.of()), Optional.empty());

        FactSheet sheet = facts.compute(in);

        assertThat(sheet.sessionDate()).isEqualTo(LocalDate.of(2021, 4, 1));
        assertThat(display(sheet, PRIOR_OPEN, PRIOR_HIGH, PRIOR_LOW, PRIOR_CLOSE, PRIOR_VWAP, PRIOR_RANGE, PRIOR_VOLUME))
                .containsExactly("395.35", "398.00", "395.33", "396.33", "396.55", "2.67", "90673494");
        // Independent figure: sqrt(Σ r² / 20 × 252) over the 20 log returns ending 2021-03-31 = 14.23%.
        assertThat(display(sheet, VOL_REALIZED, VOL_REGIME)).containsExactly("14.2", "normal");
        // Mean of the 20 sessions 2021-03-03 .. 2021-03-30: 93,731,977; 90,673,494 / that = 0.967.
        assertThat(display(sheet, VOLUME_BASELINE, VOLUME_RATIO)).containsExactly("93731977", "0.97");
        assertThat(display(sheet, SESSION_OPEN, SESSION_CLOSE)).containsExactly("09:30", "16:00");
        assertThat(sheet.has(SESSION_EARLY_CLOSE)).isFalse();
        assertThat(display(sheet, SIGNALS_COUNT, SIGNALS_NET_POINTS)).containsExactly("0", "0.00");
        assertThat(sheet.absence(GEX_ZERO_GAMMA).orElseThrow().reason()).isEqualTo("no option chain");
        assertThat(sheet.absence(GAP_POINTS).orElseThrow().reason()).isEqualTo("no bars since the prior session's close");
        assertThat(sheet.absence(VPIN_LAST)).isPresent();
        assertThat(sheet.absence(EVENTS_COUNT).orElseThrow().reason()).isEqualTo("no events file is configured");
    }

    @Test
    void optionFactsFromTheSpyChainMatchTheWorkedExample() {
        FactSheet sheet = facts.compute(inputs(nyse, LocalDate.of(2025, 9, 26), List.of(), List.of(),
                Optional.of(SpyChain.load().chain())));

        assertThat(display(sheet, GEX_SPOT, GEX_CALL, GEX_PUT, GEX_NET)).containsExactly("658.05", "5.91", "-9.83", "-3.92");
        assertThat(sheet.quantity(GEX_CALL).orElseThrow().unit()).isEqualTo(Unit.USD_BN_PER_1PCT);
        assertThat(display(sheet, GEX_ZERO_GAMMA, topStrike(1), topStrike(2), topStrike(3)))
                .containsExactly("668.50", "670.00", "655.00", "650.00");
        // Largest call GEX at 670, most negative put GEX at 655; put/call open interest 4,653,418 / 1,103,295 (checked
        // by summing the export's Open Interest columns of the 1,858 unexpired rows).
        assertThat(display(sheet, GEX_CALL_WALL, GEX_PUT_WALL, GEX_PUT_CALL_RATIO, GEX_DEX))
                .containsExactly("670.00", "655.00", "4.22", "-3.40");
        assertThat(sheet.absentIn("gex.")).isEmpty();
    }

    @Test
    void overnightFactsFromTheEsGlobexOpenAndNoGapWithoutAPriorClose() {
        TimeBarBuilder builder = new TimeBarBuilder("ES", Duration.ofMinutes(1));
        List<Bar> bars = new ArrayList<>();
        for (TradeRow row : EsTrades.session()) {
            Bar done = builder.onTrade(row.trade().epochMillis(), row.trade().price(), row.trade().size());
            if (done != null) {
                bars.add(done);
            }
        }
        Bar open = builder.flush();
        if (open != null) {
            bars.add(open);
        }
        FactSheet sheet = facts.compute(inputs(cme, LocalDate.of(2011, 8, 1), List.of(), bars, Optional.empty()));

        assertThat(display(sheet, OVERNIGHT_HIGH, OVERNIGHT_LOW, OVERNIGHT_RANGE, OVERNIGHT_LAST))
                .containsExactly("1308.75", "1301.75", "7.00", "1304.75");
        assertThat(sheet.absence(GAP_POINTS).orElseThrow().reason()).isEqualTo("no prior close to measure the gap against");
        assertThat(sheet.absence(PRIOR_CLOSE).orElseThrow().reason()).isEqualTo("no bars of the prior session 2011-07-29");
        assertThat(sheet.fact(PRIOR_DATE).orElseThrow().display()).isEqualTo("2011-07-29");
    }

    @Test
    void gapIsMeasuredAgainstThePriorClose() {
        MarketSession prior = nyse.session(LocalDate.of(2026, 11, 25)).orElseThrow();
        Bar priorBar = new Bar("SPY", prior.opens().toEpochMilli(), prior.closes().toEpochMilli(), 600, 605, 598, 602.5, 1000, 10);
        Bar overnight = new Bar("SPY", prior.closes().toEpochMilli(), prior.closes().toEpochMilli() + 60_000, 602.5, 603, 596, 597.25, 10, 2);
        FactSheet sheet = facts.compute(inputs(nyse, LocalDate.of(2026, 11, 27), List.of(priorBar), List.of(overnight),
                Optional.empty()));

        assertThat(display(sheet, GAP_POINTS, GAP_PERCENT)).containsExactly("-5.25", "-0.87");
    }

    @Test
    void earlyCloseDaySaysWhenAndWhy() {
        FactSheet sheet = facts.compute(inputs(nyse, LocalDate.of(2026, 11, 27), List.of(), List.of(), Optional.empty()));

        assertThat(display(sheet, SESSION_DATE, SESSION_CLOSE, SESSION_EARLY_CLOSE))
                .containsExactly("2026-11-27", "13:00", "Day after Thanksgiving Day");
        assertThat(sheet.fact(SESSION_CLOSE).orElseThrow().displayWithUnit()).isEqualTo("13:00 ET");
        assertThat(sheet.fact(PRIOR_DATE).orElseThrow().display()).as("Thanksgiving is skipped").isEqualTo("2026-11-25");
    }

    @Test
    void eventsAreTheSessionDaysOnlyInTimeOrder() {
        MarketSession session = nyse.session(LocalDate.of(2026, 3, 18)).orElseThrow();
        BriefingInputs in = new BriefingInputs("SPY", session, nyse.previousSession(session.date()), List.of(), List.of(),
                List.of(), OptionalDouble.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.of(new ShippedEconomicCalendar().calendar()));

        FactSheet sheet = facts.compute(in);

        assertThat(display(sheet, EVENTS_COUNT, eventName(1), eventTime(1), eventName(2), eventTime(2)))
                .containsExactly("2", "PPI", "08:30", "FOMC", "14:00");
        assertThat(sheet.has(eventName(3))).isFalse();
    }

    @Test
    void eventsOfASessionAfterTheShippedCalendarEndsAreAbsentNotZero() {
        // the macro release file lists 2017-2026: on 2027-01-13 (a CPI morning) "0 events" would be wrong
        MarketSession session = nyse.session(LocalDate.of(2027, 1, 13)).orElseThrow();
        BriefingInputs in = new BriefingInputs("SPY", session, nyse.previousSession(session.date()), List.of(), List.of(),
                List.of(), OptionalDouble.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.of(new ShippedEconomicCalendar().calendar()));

        FactSheet sheet = facts.compute(in);

        assertThat(sheet.has(EVENTS_COUNT)).isFalse();
        assertThat(sheet.absence(EVENTS_COUNT).orElseThrow().reason())
                .isEqualTo("the events calendar covers up to 2026-12-31 and 2027-01-13 is after it: add that year's "
                        + "release dates");
        assertThat(sheet.has(eventName(1))).isFalse();
    }

    @Test
    void eventsOfTheCalendarsLastCoveredDayAreStillListed() {
        MarketSession session = nyse.session(LocalDate.of(2026, 12, 16)).orElseThrow();
        BriefingInputs in = new BriefingInputs("SPY", session, nyse.previousSession(session.date()), List.of(), List.of(),
                List.of(), OptionalDouble.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.of(new EventCalendar(new ShippedEconomicCalendar().events(), LocalDate.of(2026, 12, 16))));

        assertThat(facts.compute(in).has(EVENTS_COUNT)).isTrue();
    }

    @Test
    void signalsOfThePriorSessionAreCountedByOutcome() {
        MarketSession session = cme.session(LocalDate.of(2026, 12, 2)).orElseThrow();
        List<SignalOutcome> outcomes = List.of(
                new SignalOutcome("s1", "ESZ6", Direction.LONG, SignalOutcome.Result.TARGET_HIT, 8),
                new SignalOutcome("s2", "ESZ6", Direction.SHORT, SignalOutcome.Result.STOPPED_OUT, -4.25),
                new SignalOutcome("s3", "ESZ6", Direction.LONG, SignalOutcome.Result.STILL_OPEN, 0));
        BriefingInputs in = new BriefingInputs("ES", session, cme.previousSession(session.date()), List.of(), List.of(),
                List.of(), OptionalDouble.of(0.31), List.of(), Optional.empty(), Optional.of(outcomes), Optional.empty());

        FactSheet sheet = facts.compute(in);

        assertThat(display(sheet, SIGNALS_COUNT, SIGNALS_TARGETS, SIGNALS_STOPS, SIGNALS_OPEN, SIGNALS_NET_POINTS, VPIN_LAST))
                .containsExactly("3", "1", "1", "1", "3.75", "0.31");
        assertThat(display(sheet, SESSION_OPEN)).as("Globex opens the evening before").containsExactly("18:00");
    }

    @Test
    void barsOutsideThePriorSessionAreRefused() {
        MarketSession prior = nyse.session(LocalDate.of(2026, 11, 25)).orElseThrow();
        Bar early = new Bar("SPY", prior.opens().toEpochMilli() - 60_000, prior.opens().toEpochMilli(), 1, 1, 1, 1, 1, 1);
        assertThatThrownBy(() -> facts.compute(inputs(nyse, LocalDate.of(2026, 11, 27), List.of(early), List.of(),
                Optional.empty()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is outside the prior session 2026-11-25");
    }

    private static BriefingInputs inputs(MarketCalendar calendar, LocalDate day, List<Bar> priorBars, List<Bar> overnight,
                                         Optional<com.alphacast.core.options.OptionChain> chain) {
        MarketSession session = calendar.session(day).orElseThrow();
        return new BriefingInputs("SPY", session, calendar.previousSession(day), priorBars, overnight,
                List.of(), OptionalDouble.empty(), List.of(), chain, Optional.empty(), Optional.empty());
    }

    private static List<String> display(FactSheet sheet, String... ids) {
        List<String> shown = new ArrayList<>();
        for (String id : ids) {
            shown.add(sheet.fact(id).map(Fact::display).orElse("absent: " + sheet.absence(id).map(AbsentFact::reason).orElse("?")));
        }
        return shown;
    }
}
