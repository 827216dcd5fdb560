package com.alphacast.localcloud.function.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static List<Instant> occurrences(String expression, ZoneId zone, String from, int count) {
        ScheduleExpression schedule = ScheduleExpression.parse(expression, zone, Instant.parse(from));
        List<Instant> result = new ArrayList<>();
        Instant after = Instant.parse(from);
        for (int i = 0; i < count; i++) {
            after = schedule.nextAfter(after).orElseThrow();
            result.add(after);
        }
        return result;
    }

    private static List<Instant> instants(String... texts) {
        return java.util.Arrays.stream(texts).map(Instant::parse).toList();
    }

    @Test
    void firesAtTheSameNewYorkTimeAcrossTheSpringDaylightSavingChange() {
        assertThat(occurrences("cron(0 8 ? * MON-FRI *)", NEW_YORK, "2026-03-05T00:00:00Z", 5)).isEqualTo(instants(
                "2026-03-05T13:00:00Z", "2026-03-06T13:00:00Z", "2026-03-09T12:00:00Z", "2026-03-10T12:00:00Z",
                "2026-03-11T12:00:00Z"));
    }

    @Test
    void firesAtTheSameNewYorkTimeAcrossTheAutumnDaylightSavingChange() {
        assertThat(occurrences("cron(0 8 ? * MON-FRI *)", NEW_YORK, "2026-10-29T00:00:00Z", 4)).isEqualTo(instants(
                "2026-10-29T12:00:00Z", "2026-10-30T12:00:00Z", "2026-11-02T13:00:00Z", "2026-11-03T13:00:00Z"));
    }

    @Test
    void firesASkippedLocalTimeOnceAfterTheJumpAndARepeatedOneOnce() {
        assertThat(occurrences("cron(30 2 * * ? *)", NEW_YORK, "2026-03-07T12:00:00Z", 2)).isEqualTo(instants(
                "2026-03-08T07:30:00Z", "2026-03-09T06:30:00Z"));
        assertThat(occurrences("cron(30 1 * * ? *)", NEW_YORK, "2026-10-31T12:00:00Z", 2)).isEqualTo(instants(
                "2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"));
    }

    @Test
    void understandsListsRangesStepsAndNames() {
        assertThat(occurrences("cron(0/20 9-10 * JAN,MAR ? 2027)", ZoneOffset.UTC, "2026-06-01T00:00:00Z", 7))
                .isEqualTo(instants("2027-01-01T09:00:00Z", "2027-01-01T09:20:00Z", "2027-01-01T09:40:00Z",
                        "2027-01-01T10:00:00Z", "2027-01-01T10:20:00Z", "2027-01-01T10:40:00Z",
                        "2027-01-02T09:00:00Z"));
        assertThat(occurrences("cron(15 12 1,15 * ? *)", ZoneOffset.UTC, "2026-02-10T00:00:00Z", 3)).isEqualTo(
                instants("2026-02-15T12:15:00Z", "2026-03-01T12:15:00Z", "2026-03-15T12:15:00Z"));
    }

    @Test
    void understandsLastWeekdayNearestAndNthDay() {
        assertThat(occurrences("cron(0 0 L * ? *)", ZoneOffset.UTC, "2026-02-01T00:00:00Z", 2))
                .isEqualTo(instants("2026-02-28T00:00:00Z", "2026-03-31T00:00:00Z"));
        // 2026-05-31 is a Sunday: the last weekday of May is Friday the 29th.
        assertThat(occurrences("cron(0 0 LW * ? *)", ZoneOffset.UTC, "2026-05-01T00:00:00Z", 1))
                .isEqualTo(instants("2026-05-29T00:00:00Z"));
        // 2026-08-15 is a Saturday (nearest weekday Friday 14th); 2026-11-15 a Sunday (Monday 16th).
        assertThat(occurrences("cron(0 0 15W AUG,NOV ? 2026)", ZoneOffset.UTC, "2026-01-01T00:00:00Z", 2))
                .isEqualTo(instants("2026-08-14T00:00:00Z", "2026-11-16T00:00:00Z"));
        // Third Friday (options expiry) and last Friday of the month.
        assertThat(occurrences("cron(0 20 ? * 6#3 *)", ZoneOffset.UTC, "2026-01-01T00:00:00Z", 2))
                .isEqualTo(instants("2026-01-16T20:00:00Z", "2026-02-20T20:00:00Z"));
        assertThat(occurrences("cron(0 20 ? * 6L *)", ZoneOffset.UTC, "2026-01-01T00:00:00Z", 2))
                .isEqualTo(instants("2026-01-30T20:00:00Z", "2026-02-27T20:00:00Z"));
    }

    @Test
    void runsOutAfterTheLastYearAndAfterAOneTimeSchedule() {
        ScheduleExpression cron = ScheduleExpression.parse("cron(0 0 1 1 ? 2026)", ZoneOffset.UTC, Instant.EPOCH);
        assertThat(cron.nextAfter(Instant.parse("2026-01-01T00:00:00Z"))).isEmpty();
        ScheduleExpression at = ScheduleExpression.parse("at(2026-06-01T09:00:00)", NEW_YORK, Instant.EPOCH);
        assertThat(at.nextAfter(Instant.parse("2026-01-01T00:00:00Z"))).hasValue(Instant.parse("2026-06-01T13:00:00Z"));
        assertThat(at.nextAfter(Instant.parse("2026-06-01T13:00:00Z"))).isEmpty();
    }

    @Test
    void countsRatesFromTheScheduleStart() {
        assertThat(occurrences("rate(15 minutes)", ZoneOffset.UTC, "2026-03-05T10:07:00Z", 2))
                .isEqualTo(instants("2026-03-05T10:22:00Z", "2026-03-05T10:37:00Z"));
        assertThat(occurrences("rate(1 day)", ZoneOffset.UTC, "2026-03-05T10:07:00Z", 1))
                .isEqualTo(instants("2026-03-06T10:07:00Z"));
    }

    @Test
    void refusesMalformedExpressionsSayingWhatIsWrong() {
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 8 * * MON-FRI *)", NEW_YORK, Instant.EPOCH))
                .hasMessageContaining("exactly one of day-of-month ('*') and day-of-week ('MON-FRI') must be '?'");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 8 ? * MON-FRI)", NEW_YORK, Instant.EPOCH))
                .hasMessageContaining("has 5 fields");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(61 8 ? * MON *)", NEW_YORK, Instant.EPOCH))
                .hasMessageContaining("minutes 61 is outside 0..59");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 8 ? * FUNDAY *)", NEW_YORK, Instant.EPOCH))
                .hasMessageContaining("day-of-week 'FUNDAY' is not a number or one of [SUN");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 8 ? * 2#6 *)", NEW_YORK, Instant.EPOCH))
                .hasMessageContaining("6 is outside 1..5");
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(1 minutes)", NEW_YORK, Instant.EPOCH))
                .hasMessageContaining("write 1 minute");
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(5 weeks)", NEW_YORK, Instant.EPOCH))
                .hasMessageContaining("minute(s)|hour(s)|day(s)");
        assertThatThrownBy(() -> ScheduleExpression.parse("at(2026-06-01 09:00)", NEW_YORK, Instant.EPOCH))
                .hasMessageContaining("at(yyyy-mm-ddThh:mm:ss)");
        assertThatThrownBy(() -> ScheduleExpression.parse("every day", NEW_YORK, Instant.EPOCH))
                .hasMessageContaining("is not cron(...), rate(...) or at(...)");
    }
}
