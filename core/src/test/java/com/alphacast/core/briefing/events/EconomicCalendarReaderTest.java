package com.alphacast.core.briefing.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.core.feed.InputFormatException;
import java.io.InputStream;
import java.io.StringReader;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class EconomicCalendarReaderTest {

    private final EconomicCalendarReader reader = new EconomicCalendarReader();

    @Test
    void shippedCalendarsAreTheCuratedCopiesUnchanged() throws Exception {
        assertThat(sha256("fomc_2017-2027.csv")).isEqualTo("2543adea88e95ac50f3f8fcffacb4081b7c914d9ad153c84ccbffaaa7b8294e2");
        assertThat(sha256("us_macro_releases_2017-2026.csv"))
                .isEqualTo("eac1c0fe8a010dbfdc1ec41009f81a26ede52da9ab9f55799ce423e4d4b2ac5e");
    }

    @Test
    void readsEveryShippedEventPastTheCommentLines() {
        List<EconomicEvent> events = new ShippedEconomicCalendar().events();
        assertThat(events).hasSize(87 + 476);
        assertThat(events.stream().filter(e -> e.name().equals("FOMC")).count()).isEqualTo(87);
        assertThat(events.get(0).time()).isEqualTo(LocalDateTime.of(2017, 1, 6, 8, 30));
        assertThat(ShippedEconomicCalendar.on(events, LocalDate.of(2026, 3, 18))).extracting(EconomicEvent::name)
                .containsExactly("PPI", "FOMC");
        // The 2025 shutdown moved October's CPI to the 24th.
        assertThat(ShippedEconomicCalendar.on(events, LocalDate.of(2025, 10, 24))).extracting(EconomicEvent::name)
                .containsExactly("CPI");
    }

    @Test
    void rejectsBadRowsNamingFileLineAndColumn() {
        assertThatThrownBy(() -> read("2026-02-30 08:30,CPI,big,ET"))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("events.csv:3:1: datetime '2026-02-30 08:30' is not a valid yyyy-MM-dd HH:mm");
        assertThatThrownBy(() -> read("2026-03-11 08:30,CPI,huge,ET")).hasMessageContaining("events.csv:3:22: tier 'huge'");
        assertThatThrownBy(() -> read("2026-03-11 08:30,CPI,big,CET")).hasMessageContaining("tz 'CET' must be ET");
        assertThatThrownBy(() -> read("2026-03-11 08:30,,big,ET")).hasMessageContaining("name ''");
        assertThatThrownBy(() -> read("2026-03-11 08:30,CPI,big")).hasMessageContaining("expected 4 fields");
        assertThatThrownBy(() -> read("2026-03-11 08:30,CPI,big,ET\n2026-03-10 08:30,PPI,normal,ET"))
                .hasMessageContaining("events.csv:4:1: event at 2026-03-10T08:30 is earlier than the row before it");
        assertThatThrownBy(() -> reader.read("events.csv", new StringReader("date,name\n")))
                .hasMessageContaining("events.csv:1:1: expected the header 'datetime,name,tier,tz'");
        assertThatThrownBy(() -> reader.read("events.csv", new StringReader("# only a comment\n")))
                .hasMessageContaining("no header");
        assertThatThrownBy(() -> read("# a comment after the header"))
                .hasMessageContaining("events.csv:3:1: comment lines are allowed only before the header");
    }

    private List<EconomicEvent> read(String rows) {
        return reader.read("events.csv", new StringReader("# comment\ndatetime,name,tier,tz\n" + rows + "\n"));
    }

    private static String sha256(String name) throws Exception {
        try (InputStream in = ShippedEconomicCalendar.class.getResourceAsStream("/com/alphacast/core/briefing/" + name)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }
}
