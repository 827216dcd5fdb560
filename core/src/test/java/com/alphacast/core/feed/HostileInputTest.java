package com.alphacast.core.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.core.feed.cboe.CboeQuoteData;
import com.alphacast.core.feed.cboe.CboeQuoteDataParser;
import com.alphacast.core.feed.trades.TradeCsvReader;
import com.alphacast.core.feed.trades.TradeRow;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a careless or hostile file does to the readers: every case ends in a precise error, never a wrong number. */
class HostileInputTest {

    /** The first rows of the real CBOE SPY export of 2025-09-25. */
    private static final String CHAIN_HEAD = """
            SPDR S&P 500 ETF Trust,Last: 658.05,Change:  -3.05
            "Date: September 25, 2025 at 9:05 PM EDT",Bid: 657.81,Ask: 657.83,Size: 1*4,"Volume: 89,468,957"
            Expiration Date,Calls,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest,Strike,Puts,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest
            """;
    private static final String ROW_500 = "Wed Oct 01 2025,SPY251001C00500000,0,0,157.1,159.91,0,0.6659,0.9994,0,0,"
            + "500.00,SPY251001P00500000,0.01,0,0,0.01,0,0.6459,-0.0007,0,16\n";
    private static final String ROW_505 = "Wed Oct 01 2025,SPY251001C00505000,0,0,152.11,154.91,0,0.651,0.9994,0,0,"
            + "505.00,SPY251001P00505000,0.01,-0.005,0,0.01,1,0.624,-0.0008,0,139\n";

    private static CboeQuoteData chain(String rows) {
        return new CboeQuoteDataParser().parse(new StringReader(CHAIN_HEAD + rows), "spy.csv");
    }

    private static List<TradeRow> trades(String csv) {
        return new TradeCsvReader("ES").read(new StringReader(csv), "t.csv");
    }

    @Test
    void strictDecimalRefusesWhatJavaWouldParseButNoFileMeans() {
        for (String text : List.of("0x1p3", "500d", "1f", "Infinity", "-Infinity", "NaN", "1e400", " 1", "1 ", "",
                "+", ".", "1e", "1.2.3", "\u001b[31m1")) {
            assertThat(StrictDecimal.parseOrNaN(text)).as(text).isNaN();
        }
        assertThat(StrictDecimal.parseOrNaN("-12.50")).isEqualTo(-12.5);
        assertThat(StrictDecimal.parseOrNaN(".5")).isEqualTo(0.5);
        assertThat(StrictDecimal.parseOrNaN("1.25E3")).isEqualTo(1250);
    }

    @Test
    void chainRowsWithHexOrSuffixedNumbersAreRefused() {
        assertThatThrownBy(() -> chain(ROW_500.replace(",0.6659,", ",0x1p3,")))
                .isInstanceOf(InputFormatException.class).hasMessageContaining("spy.csv:4:").hasMessageContaining("IV");
        assertThatThrownBy(() -> chain(ROW_500.replace(",16\n", ",500d\n")))
                .isInstanceOf(InputFormatException.class).hasMessageContaining("Open Interest");
    }

    @Test
    void refusesATruncatedLastChainRowInsteadOfReadingZeros() {
        String truncated = ROW_505.substring(0, ROW_505.indexOf(",0.624,")) + "\n";
        assertThatThrownBy(() -> chain(ROW_500 + truncated))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("spy.csv:5:")
                .hasMessageContaining("row has 18 fields but the header has 22 (truncated row?)");
    }

    @Test
    void refusesAContractListedTwiceInsteadOfSummingIt() {
        assertThatThrownBy(() -> chain(ROW_500 + ROW_505 + ROW_500))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("spy.csv:6:")
                .hasMessageContaining("SPY251001C00500000 is listed twice (first on line 4)");
    }

    @Test
    void refusesInfiniteOrOverflowingCellsThatWouldBlankTheTotals() {
        assertThatThrownBy(() -> chain(ROW_500.replace(",0.6459,-0.0007,0,16", ",0.6459,-0.0007,Infinity,16")))
                .isInstanceOf(InputFormatException.class).hasMessageContaining("'Gamma'");
        assertThatThrownBy(() -> chain(ROW_500.replace(",-0.0007,0,16", ",-0.0007,1e308,16")))
                .isInstanceOf(InputFormatException.class).hasMessageContaining("'Gamma' must be within 0..100");
        assertThatThrownBy(() -> chain(ROW_500.replace(",0,16\n", ",0,1e308\n")))
                .isInstanceOf(InputFormatException.class).hasMessageContaining("'Open Interest'");
        assertThat(chain(ROW_500 + ROW_505).chain().contracts()).hasSize(4);
    }

    @Test
    void refusesAnExpiryThatIsNotARealDate() {
        String feb30 = ROW_500.replace("Wed Oct 01 2025", "Mon Feb 30 2026");
        assertThatThrownBy(() -> chain(feb30)).isInstanceOf(InputFormatException.class)
                .hasMessageContaining("unparseable expiration date 'Mon Feb 30 2026'");
    }

    @Test
    void readsTradeDatesStrictlyInsteadOfMovingFebruary30thTo28th() {
        assertThatThrownBy(() -> trades("Date and Time,Price,Volume\n2011/02/30 22:00:00.120,1300,1\n"))
                .isInstanceOf(InputFormatException.class)
                .hasMessageStartingWith("t.csv:2:1: unparseable time '2011/02/30 22:00:00.120'");
        assertThat(trades("Date and Time,Price,Volume\n2012/02/29 22:00:00.120,1300,1\n")).hasSize(1);
    }

    @Test
    void refusesTradesThatGoBackInTimeAndNamesBothLines() {
        assertThatThrownBy(() -> trades("""
                Date and Time,Price,Volume
                2011/07/31 22:00:01.000,1300,1
                2011/07/31 22:00:00.500,1300,1
                """)).isInstanceOf(InputFormatException.class)
                .hasMessageContaining("t.csv:3:1: time goes backwards")
                .hasMessageContaining("on line 2");
        List<InputFormatException> bad = new ArrayList<>();
        List<TradeRow> kept = new ArrayList<>();
        new TradeCsvReader("ES").forEachRow(new StringReader("""
                time,price,size
                2011-07-31T22:00:02Z,1300,1
                2011-07-31T22:00:01Z,1301,1
                2011-07-31T22:00:03Z,1302,1
                """), "t.csv", kept::add, bad::add);
        assertThat(kept).extracting(r -> r.trade().price()).containsExactly(1300.0, 1302.0);
        assertThat(bad).hasSize(1);
    }

    @Test
    void errorMessagesEscapeTerminalControlsAndStayShortWhateverTheHeader() {
        String header = "\u001b]0;pwned\u0007\u001b[2J" + "x".repeat(500_000) + "\n";
        assertThatThrownBy(() -> trades(header + "1,2,3\n"))
                .isInstanceOf(InputFormatException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).hasSizeLessThan(700).doesNotContain("\u001b").doesNotContain("\u0007")
                            .contains("\\u001B]0;pwned\\u0007").contains("t.csv:1:1: missing column 'time'");
                });
    }

    @Test
    void aLineLongerThanTheLimitStopsTheReadAtThatLine() {
        String commas = ",".repeat(InputLines.DEFAULT_MAX_LINE + 10);
        long started = System.nanoTime();
        assertThatThrownBy(() -> trades("time,price,size\n1,1,1\n" + commas))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("t.csv:3:" + (InputLines.DEFAULT_MAX_LINE + 1) + ": line longer than");
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(5);
        assertThatThrownBy(() -> CsvLine.parse("f", 1, ",".repeat(CsvLine.MAX_FIELDS + 1)))
                .isInstanceOf(InputFormatException.class).hasMessageContaining("more than 4096 fields");
    }

    @Test
    void namesLineAndColumnOfBytesThatAreNotUtf8() {
        byte[] head = "time,price,size\n1,1,1\n2,1,".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 3];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3; // a lead byte followed by a non-continuation byte
        bytes[head.length + 1] = '1';
        bytes[head.length + 2] = '\n';
        assertThatThrownBy(() -> new TradeCsvReader("ES").read(InputLines.utf8(new ByteArrayInputStream(bytes)),
                "enc.csv"))
                .isInstanceOf(InputFormatException.class)
                .hasMessageStartingWith("enc.csv:3:5: bytes that are not valid UTF-8");
    }
}
