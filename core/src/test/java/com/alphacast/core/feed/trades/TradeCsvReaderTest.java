package com.alphacast.core.feed.trades;

import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.fixtures.EsTrades;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TradeCsvReaderTest {

    @Test
    void readsTheRealEsTickFileIncludingTrailingBlankLines() {
        List<TradeRow> rows = EsTrades.session();
        assertThat(rows).hasSize(11_101);
        assertThat(rows.get(0).trade().time()).isEqualTo(Instant.parse("2011-07-31T22:00:00.120Z"));
        assertThat(rows.get(0).trade().price()).isEqualTo(1306.0);
        assertThat(rows.get(3).trade().size()).isEqualTo(31);
        assertThat(rows.stream().mapToLong(r -> r.trade().size()).sum()).isEqualTo(41_809);
        assertThat(rows).allMatch(r -> r.aggressor() == Aggressor.UNKNOWN && r.quote() == null);
    }

    @Test
    void readsTheGenericLayoutWithSideQuoteAndIsoTimes() {
        String csv = """
                symbol,time,price,size,side,bid,ask
                AAPL,2024-03-01T14:30:00.5Z,180.10,100,buy,180.05,180.10
                AAPL,1709303400600,180.05,"1,200",S,180.05,180.10
                AAPL,2024-03-01 09:30:00.700,180.07,5,,180.05,180.10
                """;
        List<TradeRow> rows = new TradeCsvReader("X", ZoneId.of("America/New_York"))
                .read(new StringReader(csv), "t.csv");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).aggressor()).isEqualTo(Aggressor.BUY);
        assertThat(rows.get(0).trade().epochMillis()).isEqualTo(1709303400500L);
        assertThat(rows.get(1).trade().size()).isEqualTo(1200);
        assertThat(rows.get(1).aggressor()).isEqualTo(Aggressor.SELL);
        assertThat(rows.get(2).trade().epochMillis()).isEqualTo(1709303400700L);
        assertThat(rows.get(2).quote().mid()).isEqualTo(180.075);
        assertThat(rows.get(2).trade().symbol()).isEqualTo("AAPL");
    }

    @Test
    void namesFileLineAndColumnOfAnUnparseableNumber() {
        String csv = "time,price,size\n1000,10.5,3\n1001,ten,3\n";
        assertThatThrownBy(() -> new TradeCsvReader("X").read(new StringReader(csv), "bad.csv"))
                .isInstanceOf(InputFormatException.class)
                .hasMessage("bad.csv:3:6: unparseable number 'ten' in column 'price'");
    }

    @Test
    void namesTheMissingColumnAndBadTimes() {
        assertThatThrownBy(() -> new TradeCsvReader("X").read(new StringReader("time,price\n1,2\n"), "h.csv"))
                .hasMessageContaining("h.csv:1:1: missing column 'size'");
        assertThatThrownBy(() -> new TradeCsvReader("X").read(new StringReader("time,price,size\nyesterday,2,1\n"),
                "d.csv"))
                .isInstanceOf(InputFormatException.class)
                .hasMessageStartingWith("d.csv:2:1: unparseable time 'yesterday'");
        assertThatThrownBy(() -> new TradeCsvReader("X").read(new StringReader("time,price,size\n1,2\n"), "m.csv"))
                .hasMessageContaining("m.csv:2:")
                .hasMessageContaining("missing column 'size'");
        assertThatThrownBy(() -> new TradeCsvReader("X").read(new StringReader("time,price,size\n1,2,1.5\n"),
                "f.csv"))
                .hasMessage("f.csv:2:5: expected a whole number in column 'size', was '1.5'");
    }

    @Test
    void acceptsEpochSecondsWithAndWithoutFraction() {
        String csv = "time,price,size\n1633998512,1,1\n1633998512.0635,1,1\n1633998512065,1,1\n";
        List<TradeRow> rows = new TradeCsvReader("X").read(new StringReader(csv), "s.csv");
        assertThat(rows).extracting(r -> r.trade().epochMillis())
                .containsExactly(1633998512000L, 1633998512064L, 1633998512065L);
    }
}
