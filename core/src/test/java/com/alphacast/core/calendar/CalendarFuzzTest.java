package com.alphacast.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.briefing.events.EconomicCalendarReader;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.fuzz.FuzzTries;
import com.alphacast.core.fuzz.InputMutator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CalendarFuzzTest {

    @Test
    void aMutatedHolidaySnapshotIsReadOrRefusedWithItsPositionNeverAnotherFailure() throws IOException {
        String snapshot = resource("/com/alphacast/core/calendar/XCME.json");
        HolidaySnapshotReader reader = new HolidaySnapshotReader();
        new FuzzTries("mutated holiday snapshots", 2000, 200).check(
                random -> InputMutator.mutate(snapshot, random, 1 + random.nextInt(3)),
                text -> text.length() > 300 ? text.substring(0, 300) + "..." : text,
                mutated -> {
                    try {
                        assertThat(reader.read("XCME.json", ZoneId.of("America/Chicago"), new StringReader(mutated)))
                                .isNotEmpty();
                    } catch (InputFormatException refused) {
                        assertThat(refused.getMessage()).startsWith("XCME.json:");
                    }
                });
    }

    @Test
    void aMutatedEventsFileIsReadOrRefusedWithItsPositionNeverAnotherFailure() throws IOException {
        String events = resource("/com/alphacast/core/briefing/fomc_2017-2027.csv");
        EconomicCalendarReader reader = new EconomicCalendarReader();
        new FuzzTries("mutated event calendars", 3000, 200).check(
                random -> InputMutator.mutate(events, random, 1 + random.nextInt(3)),
                mutated -> {
                    try {
                        reader.read("fomc.csv", new StringReader(mutated));
                    } catch (InputFormatException refused) {
                        assertThat(refused.getMessage()).startsWith("fomc.csv:");
                    }
                });
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = CalendarFuzzTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
