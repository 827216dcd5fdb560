package com.alphacast.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.core.feed.InputFormatException;
import java.io.InputStream;
import java.io.StringReader;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HolidaySnapshotReaderTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final HolidaySnapshotReader reader = new HolidaySnapshotReader();

    @Test
    void shippedSnapshotsAreTheUpstreamFilesByteForByte() throws Exception {
        assertThat(sha256("XNYS.json")).isEqualTo("8c6d89ccdb4614601eba32f9b9373aee049e96d1e77f375bfb0e59d1e155730f");
        assertThat(sha256("XNAS.json")).isEqualTo("c41139c2c3a4c4683f72d17c9c156e1567d570b9ad92407e692b42ac4408c8b4");
        assertThat(sha256("XCME.json")).isEqualTo("6fb81e43f0ce29d076499659eaf273ac9bf65a512162701ecbac929501b694d5");
    }

    @Test
    void readsEveryShippedEntry() {
        ShippedCalendars shipped = new ShippedCalendars();
        assertThat(shipped.entries(Exchange.XNYS)).hasSize(1454);
        assertThat(shipped.entries(Exchange.XNAS)).hasSize(879);
        assertThat(shipped.entries(Exchange.XCME)).hasSize(614);
    }

    @Test
    void earlyClosesAreReadInTheExchangeZoneAndCentralTimeIsConverted() {
        List<HolidayEntry> entries = reader.read("t.json", NEW_YORK, new StringReader("""
                {"2026-11-27": "Day after Thanksgiving Day (markets close at 1:00pm)",
                 "1963-11-22": "Assassination of President John F. Kennedy (markets close at 2:07pm)",
                 "2026-01-19": "Dr. Martin Luther King, Jr. Day (markets pause at 12:00pm CT)",
                 "1969-02-10": "Heavy Snow",
                 "1964-02-12": "Back office work load (markets close at 2:00pm); Lincoln's Birthday",
                 "2027-12-24": "Christmas Day (observed); Christmas Eve"}"""));
        assertThat(entries).extracting(HolidayEntry::date).isSorted();
        assertThat(entries).contains(
                new HolidayEntry(LocalDate.of(2026, 11, 27), "Day after Thanksgiving Day (markets close at 1:00pm)",
                        Optional.of(LocalTime.of(13, 0))),
                new HolidayEntry(LocalDate.of(1963, 11, 22),
                        "Assassination of President John F. Kennedy (markets close at 2:07pm)",
                        Optional.of(LocalTime.of(14, 7))),
                new HolidayEntry(LocalDate.of(2026, 1, 19), "Dr. Martin Luther King, Jr. Day (markets pause at 12:00pm CT)",
                        Optional.of(LocalTime.of(13, 0))),
                new HolidayEntry(LocalDate.of(1969, 2, 10), "Heavy Snow", Optional.empty()),
                new HolidayEntry(LocalDate.of(1964, 2, 12),
                        "Back office work load (markets close at 2:00pm); Lincoln's Birthday",
                        Optional.of(LocalTime.of(14, 0))),
                new HolidayEntry(LocalDate.of(2027, 12, 24), "Christmas Day (observed); Christmas Eve", Optional.empty()));
    }

    @Test
    void rejectsAnImpossibleDateNamingFileAndEntry() {
        assertThatThrownBy(() -> read("{\"2026-02-30\": \"Good Friday\"}"))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("XNYS.json:1:")
                .hasMessageContaining("entry \"2026-02-30\": not a valid yyyy-MM-dd date");
        assertThatThrownBy(() -> read("{\"26-04-03\": \"Good Friday\"}"))
                .hasMessageContaining("entry \"26-04-03\": not a valid yyyy-MM-dd date");
    }

    @Test
    void rejectsANameOfUnknownFormatNamingTheEntry() {
        assertThatThrownBy(() -> read("{\"2026-04-03\": \"Good Friday (markets open at 10:00am)\"}"))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("entry \"2026-04-03\": name \"Good Friday (markets open at 10:00am)\" has an unknown format");
        assertThatThrownBy(() -> read("{\"2026-04-03\": \"Good Friday (markets close at 13:00pm)\"}"))
                .hasMessageContaining("impossible time 13:00pm");
        assertThatThrownBy(() -> read("{\"2026-04-03\": \"\"}")).hasMessageContaining("unknown format");
        assertThatThrownBy(() -> read("{\"2026-04-03\": \"A (markets close at 1:00pm); B (markets close at 2:00pm)\"}"))
                .hasMessageContaining("gives two closing times");
    }

    @Test
    void rejectsRepeatedDatesWrongTypesAndTrailingContent() {
        assertThatThrownBy(() -> read("{\"2026-04-03\": \"Good Friday\", \"2026-04-03\": \"Good Friday\"}"))
                .isInstanceOf(InputFormatException.class).hasMessageContaining("2026-04-03");
        assertThatThrownBy(() -> read("{\"2026-04-03\": 1}")).hasMessageContaining("the name must be a string");
        assertThatThrownBy(() -> read("[]")).hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> read("{\"2026-04-03\": \"Good Friday\"} {}")).hasMessageContaining("content after");
        assertThatThrownBy(() -> read("{}")).hasMessageContaining("no entries");
        assertThatThrownBy(() -> read("{\"2026-04-03\": \"Good Friday\"")).hasMessageContaining("not valid JSON");
    }

    private List<HolidayEntry> read(String json) {
        return reader.read("XNYS.json", NEW_YORK, new StringReader(json));
    }

    private static String sha256(String resource) throws Exception {
        try (InputStream in = ShippedCalendars.class.getResourceAsStream(resource)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }
}
