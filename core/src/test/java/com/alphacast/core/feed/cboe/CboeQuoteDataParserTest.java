package com.alphacast.core.feed.cboe;

import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.fixtures.SpyChain;
import com.alphacast.core.fixtures.TestData;
import com.alphacast.core.options.OptionContract;
import com.alphacast.core.options.OptionRight;
import com.alphacast.core.options.gex.GammaExposure;
import com.alphacast.core.options.gex.GexConvention;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CboeQuoteDataParserTest {

    private static final String HEADER = "Expiration Date,Calls,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,"
            + "Open Interest,Strike,Puts,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest\n";
    private static final String ROW = "Wed Oct 01 2025,SPY251001C00500000,0,0,157.1,159.91,0,0.6659,0.9994,0,0,"
            + "500.00,SPY251001P00500000,0.01,0,0,0.01,0,0.6459,-0.0007,0,16\n";

    @Test
    void parsesTheRealSpyExport() {
        CboeQuoteData data = SpyChain.load();
        assertThat(data.name()).isEqualTo("SPDR S&P 500 ETF Trust");
        assertThat(data.chain().spot()).isEqualTo(658.05);
        assertThat(data.chain().asOf()).isEqualTo(LocalDate.of(2025, 9, 25));
        assertThat(data.asOfTime()).isEqualTo(ZonedDateTime.of(2025, 9, 25, 21, 5, 0, 0,
                ZoneId.of("America/New_York")));
        assertThat(data.rows()).isEqualTo(1858);
        assertThat(data.chain().contracts()).hasSize(3716);
        assertThat(data.expiredExpiries()).isEmpty();
        OptionContract first = data.chain().contracts().get(0);
        assertThat(first.right()).isEqualTo(OptionRight.CALL);
        assertThat(first.impliedVol()).isEqualTo(0.6659);
        OptionContract firstPut = data.chain().contracts().get(1);
        assertThat(firstPut.right()).isEqualTo(OptionRight.PUT);
        assertThat(firstPut.openInterest()).isEqualTo(16);
        assertThat(firstPut.delta()).isEqualTo(-0.0007);
        assertThat(data.chain().contracts()).filteredOn(c -> c.right() == OptionRight.CALL).hasSize(1858);
    }

    @Test
    void readsEveryDateLineVariantAndQuotedNamesWithCommas() {
        String[][] variants = {
            {"\"Date: September 25, 2025 at 9:05 PM EDT\"", "2025-09-25T21:05-04:00[America/New_York]"},
            {"\"Date: 12 June 2023, 4:35 PM EDT\"", "2023-06-12T16:35-04:00[America/New_York]"},
            {"\"Date: February 5 2022, 8:26 PM EST\"", "2022-02-05T20:26-05:00[America/New_York]"},
            {"Date: Sep 5 2025", "2025-09-05T00:00-04:00[America/New_York]"},
        };
        for (String[] v : variants) {
            String csv = "\"Apple, Inc. (AAPL)\",Last: 658.05,Change: -3.05\n" + v[0] + ",Bid: 1,Ask: 2\n"
                    + HEADER + ROW;
            CboeQuoteData data = new CboeQuoteDataParser().parse(new StringReader(csv), "v.csv");
            assertThat(data.asOfTime()).as(v[0]).isEqualTo(ZonedDateTime.parse(v[1]));
            assertThat(data.name()).isEqualTo("Apple, Inc. (AAPL)");
        }
    }

    @Test
    void keepsAndFlagsExpiredExpiries() {
        String csv = "SPY,Last: 658.05\n\"Date: October 2, 2025 at 9:05 PM EDT\"\n" + HEADER + ROW;
        CboeQuoteData data = new CboeQuoteDataParser().parse(new StringReader(csv), "e.csv");
        assertThat(data.expiredExpiries()).containsExactly(LocalDate.of(2025, 10, 1));
        assertThat(data.chain().contracts()).hasSize(2).allMatch(data.chain()::isExpired);
    }

    @Test
    void anExportWithoutImpliedVolatilityIsAnErrorNamingTheColumn() {
        String prefix = "SPY,Last: 658.05\n\"Date: September 25, 2025 at 9:05 PM EDT\"\n";
        String noIv = HEADER.replace(",IV,", ",");
        String row = ROW.replace(",0.6659,", ",").replace(",0.6459,", ",");
        assertThatThrownBy(() -> new CboeQuoteDataParser().parse(new StringReader(prefix + noIv + row), "b.csv"))
                .isInstanceOf(InputFormatException.class)
                .hasMessageStartingWith("b.csv:3:17: missing column 'IV' in both the call block (after 'Calls') and "
                        + "the put block (after 'Puts')");
        String noPutIv = HEADER.replace(",Volume,IV,Delta,Gamma,Open Interest\n", ",Volume,Delta,Gamma,Open Interest\n");
        assertThatThrownBy(() -> new CboeQuoteDataParser().parse(new StringReader(prefix + noPutIv
                + ROW.replace(",0.6459,", ",")), "p.csv"))
                .isInstanceOf(InputFormatException.class)
                .hasMessageStartingWith("p.csv:3:").hasMessageContaining("missing column 'IV' in the put block");
    }

    @Test
    void missingGreekColumnsFallBackToBlackScholesAndAreNamed() throws IOException {
        // The real SPY export without its Delta and Gamma columns (both blocks).
        List<String> lines = Files.readAllLines(TestData.file(SpyChain.FILE));
        StringBuilder csv = new StringBuilder();
        boolean table = false;
        for (String line : lines) {
            table |= line.startsWith("Expiration Date,");
            if (table) {
                List<String> fields = new ArrayList<>(List.of(line.split(",", -1)));
                for (int column : new int[] {20, 19, 9, 8}) {
                    fields.remove(column);
                }
                line = String.join(",", fields);
            }
            csv.append(line).append('\n');
        }
        CboeQuoteData data = new CboeQuoteDataParser().parse(new StringReader(csv.toString()), "g.csv");
        assertThat(data.hasChainGreeks()).isFalse();
        assertThat(data.missingGreeks()).containsExactly("Delta (calls)", "Delta (puts)", "Gamma (calls)",
                "Gamma (puts)");
        assertThat(data.chain().contracts()).allMatch(c -> Double.isNaN(c.gamma()) && Double.isNaN(c.delta()));
        GexConvention blackScholes = GexConvention.DEFAULT.withChainGreeks(false);
        assertThat(new GammaExposure(GexConvention.DEFAULT).totals(data.chain()))
                .isEqualTo(new GammaExposure(blackScholes).totals(SpyChain.load().chain()));
        assertThat(SpyChain.load().hasChainGreeks()).isTrue();
    }

    @Test
    void namesFileLineAndColumnOfBadInput() {
        String prefix = "SPY,Last: 658.05\n\"Date: October 2, 2025 at 9:05 PM EDT\"\n" + HEADER;
        assertThatThrownBy(() -> new CboeQuoteDataParser().parse(new StringReader(prefix
                + ROW.replace("0.6659", "abc")), "n.csv"))
                .isInstanceOf(InputFormatException.class)
                .hasMessage("n.csv:4:55: unparseable number 'abc' in column 'IV'");
        assertThatThrownBy(() -> new CboeQuoteDataParser().parse(new StringReader("SPY,Last: 658.05\n"
                + "\"Date: Smarch 40, 2025\"\n" + HEADER + ROW), "d.csv"))
                .hasMessageStartingWith("d.csv:2:1: unparseable as-of date 'Smarch 40, 2025'");
        assertThatThrownBy(() -> new CboeQuoteDataParser().parse(new StringReader(prefix
                + ROW.replace("SPY251001C00500000", "SPY251001P00500000")), "r.csv"))
                .hasMessageStartingWith("r.csv:4:17: symbol SPY251001P00500000 is a PUT in the CALL column");
        assertThatThrownBy(() -> new CboeQuoteDataParser().parse(new StringReader(prefix
                + ROW.replace("Wed Oct 01 2025", "Thu Oct 02 2025")), "x.csv"))
                .hasMessageContaining("x.csv:4:17: symbol SPY251001C00500000 expires 2025-10-01");
        assertThatThrownBy(() -> new CboeQuoteDataParser().parse(new StringReader("SPY,Price 1\n"), "l.csv"))
                .hasMessageStartingWith("l.csv:1:1: no 'Last: <spot>'");
    }
}
