package com.alphacast.core.feed.lean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.fixtures.TestData;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

class LeanEquityReaderTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDate OCT_7 = LocalDate.of(2013, 10, 7);
    private final LeanEquityReader reader = LeanEquityReader.newYork();
    private final SaleConditionFilter filter = new SaleConditionFilter();

    @Test
    void readsEveryTradeOfTheSessionWithNewYorkDaylightTime() throws IOException {
        List<LeanTick> ticks = ticks("lean/equity/usa/tick/spy/20131007_trade.zip");

        assertThat(ticks).hasSize(250_601);
        LeanTick first = ticks.get(0);
        // 14400464 ms after midnight EDT (UTC-4) is 04:00:00.464 New York
        assertThat(Instant.ofEpochMilli(first.epochMillis())).isEqualTo(Instant.parse("2013-10-07T08:00:00.464Z"));
        assertThat(first.price()).isEqualTo(167.41);
        assertThat(first.size()).isEqualTo(100);
        assertThat(first.exchange()).isEqualTo("P");
        assertThat(first.conditions()).isEqualTo(0x20002000L);
    }

    @Test
    void filteredTicksGiveLeansOwnRegularSessionHighAndLow() throws IOException {
        List<LeanTick> ticks = regularSession(ticks("lean/equity/usa/tick/spy/20131007_trade.zip"));
        List<LeanTradeBar> seconds = new ArrayList<>();
        try (ZipFile zip = zip("lean/equity/usa/second/spy/20131007_trade.zip")) {
            ZipEntry entry = zip.entries().nextElement();
            try (Reader in = new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8)) {
                reader.forEachTradeBar(in, entry.getName(), OCT_7, seconds::add, bad -> {
                    throw bad;
                });
            }
        }
        double barHigh = seconds.stream().filter(b -> inRegularSession(b.startMillis()))
                .mapToDouble(LeanTradeBar::high).max().orElseThrow();
        double barLow = seconds.stream().filter(b -> inRegularSession(b.startMillis()))
                .mapToDouble(LeanTradeBar::low).min().orElseThrow();

        double rawHigh = ticks.stream().mapToDouble(LeanTick::price).max().orElseThrow();
        double filteredHigh = ticks.stream().filter(filter::eligible).mapToDouble(LeanTick::price).max().orElseThrow();
        double filteredLow = ticks.stream().filter(filter::eligible).mapToDouble(LeanTick::price).min().orElseThrow();

        assertThat(rawHigh).isEqualTo(168.90); // a 1,002,411-share average-price print off exchange
        assertThat(filteredHigh).isEqualTo(barHigh).isEqualTo(168.45);
        assertThat(filteredLow).isEqualTo(barLow).isEqualTo(167.25);
        LeanTick block = ticks.stream().filter(t -> t.price() == 168.90).findFirst().orElseThrow();
        assertThat(block.exchange()).isEqualTo("D");
        assertThat(filter.dropReason(block)).isEqualTo("sale condition average-price");
    }

    @Test
    void keepsRegularSweepAndExtendedHoursPrintsAndDropsSuspiciousOnes() {
        assertThat(filter.eligible(tick(0x1, false))).isTrue();
        assertThat(filter.eligible(tick(0x20000020L, false))).isTrue(); // trade-through exempt + intermarket sweep
        assertThat(filter.eligible(tick(0x20002000L, false))).isTrue(); // extended hours
        assertThat(filter.eligible(tick(0x20000040L, false))).isTrue(); // opening print
        assertThat(filter.dropReason(tick(0x1, true))).isEqualTo("suspicious");
        assertThat(filter.dropReason(tick(0x20100200L, false))).isEqualTo("sale condition derivatively-priced+average-price");
        assertThat(filter.dropReason(tick(0x4800, false))).isEqualTo("sale condition sold-last+out-of-sequence");
        assertThat(filter.dropReason(tick(0x80000000L, false))).isEqualTo("sale condition odd-lot");
    }

    @Test
    void appliesStandardTimeToAWinterSession() {
        List<LeanTick> ticks = new ArrayList<>();
        reader.forEachTick(new StringReader("34200000,1460000,100,P,1,0\n"), "winter", LocalDate.of(2013, 1, 7),
                ticks::add, bad -> {
                    throw bad;
                });
        // 09:30 New York in January is UTC-5
        assertThat(Instant.ofEpochMilli(ticks.get(0).epochMillis())).isEqualTo(Instant.parse("2013-01-07T14:30:00Z"));
        assertThat(ticks.get(0).price()).isEqualTo(146.0);
    }

    @Test
    void namesFileLineAndColumnOfABadPrice() {
        String csv = "34200000,1460000,100,P,1,0\n34200001,14x0000,100,P,1,0\n";
        assertThatThrownBy(() -> reader.forEachTick(new StringReader(csv), "20130107_spy_Trade_Tick.csv",
                LocalDate.of(2013, 1, 7), t -> { }, bad -> {
                    throw bad;
                }))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("20130107_spy_Trade_Tick.csv")
                .satisfies(e -> {
                    assertThat(((InputFormatException) e).line()).isEqualTo(2);
                    assertThat(((InputFormatException) e).column()).isEqualTo(10);
                });
    }

    @Test
    void refusesRowsOutOfTimeOrderAndCountsThemWhenAskedTo() {
        String csv = "34200005,1460000,100,P,1,0\n34200001,1460000,100,P,1,0\n34200009,1460100,100,P,1,0\n";
        List<LeanTick> ticks = new ArrayList<>();
        List<InputFormatException> bad = new ArrayList<>();
        reader.forEachTick(new StringReader(csv), "s", LocalDate.of(2013, 1, 7), ticks::add, bad::add);
        assertThat(ticks).hasSize(2);
        assertThat(bad).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.getMessage()).contains("time goes backwards");
        });
    }

    @Test
    void knowsLeansEntryNames() {
        assertThat(LeanFile.ofEntry("20131007_spy_Trade_Tick.csv")).contains(
                new LeanFile(OCT_7, "SPY", LeanFile.Resolution.TICK, LeanFile.Kind.TRADE));
        assertThat(LeanFile.ofEntry("20131007_spy_second_quote.csv")).contains(
                new LeanFile(OCT_7, "SPY", LeanFile.Resolution.SECOND, LeanFile.Kind.QUOTE));
        assertThat(LeanFile.ofEntry("spy.csv")).isEmpty();
        assertThat(LeanFile.ofEntry("20131332_spy_second_trade.csv")).isEmpty();
    }

    private static LeanTick tick(long conditions, boolean suspicious) {
        return new LeanTick(0, 100, 100, "P", conditions, suspicious, 1);
    }

    private List<LeanTick> ticks(String relative) throws IOException {
        List<LeanTick> ticks = new ArrayList<>();
        try (ZipFile zip = zip(relative)) {
            ZipEntry entry = zip.entries().nextElement();
            LeanFile file = LeanFile.ofEntry(entry.getName()).orElseThrow();
            try (Reader in = new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8)) {
                reader.forEachTick(in, entry.getName(), file.date(), ticks::add, bad -> {
                    throw bad;
                });
            }
        }
        return ticks;
    }

    private static ZipFile zip(String relative) throws IOException {
        Path path = TestData.file(relative);
        return new ZipFile(path.toFile());
    }

    private static List<LeanTick> regularSession(List<LeanTick> ticks) {
        return ticks.stream().filter(t -> inRegularSession(t.epochMillis())).toList();
    }

    private static boolean inRegularSession(long epochMillis) {
        LocalTime time = Instant.ofEpochMilli(epochMillis).atZone(NEW_YORK).toLocalTime();
        return !time.isBefore(LocalTime.of(9, 30)) && time.isBefore(LocalTime.of(16, 0));
    }
}
