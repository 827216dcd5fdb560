package com.alphacast.core.feed.cboe;

import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.fixtures.SpyChain;
import com.alphacast.core.fixtures.TestData;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.OptionContract;
import com.alphacast.core.options.gex.GammaExposure;
import com.alphacast.core.options.gex.GexConvention;
import com.alphacast.core.options.gex.GexReport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CboeDelayedQuotesParserTest {

    static final String JSON_FILE = "options/derived/spy_delayed_quotes_2025-09-25.json";

    /** The first two contracts of the real VIX response's shape (every field CBOE sends, most ignored). */
    private static final String CALL = "{\"option\": \"SPY251001C00500000\", \"bid\": 157.1, \"bid_size\": 0.0, "
            + "\"ask\": 159.91, \"ask_size\": 0.0, \"iv\": 0.6659, \"open_interest\": 3856.0, \"volume\": 63.0, "
            + "\"delta\": 0.9994, \"gamma\": 0.0001, \"vega\": 0.0, \"theta\": 0.0, \"rho\": -0.0077, \"theo\": 9.99, "
            + "\"change\": -0.275, \"open\": 10.25, \"high\": 10.25, \"low\": 10.1, \"tick\": \"no_change\", "
            + "\"last_trade_price\": 158.15, \"last_trade_time\": \"2025-09-25T12:19:37\", \"percent_change\": -2.6, "
            + "\"prev_day_close\": 10.4249997138977}";
    private static final String PUT = "{\"option\": \"SPY251001P00500000\", \"bid\": 0.0, \"ask\": 0.01, "
            + "\"iv\": 0.6459, \"open_interest\": 16.0, \"volume\": 0.0, \"delta\": -0.0007, \"gamma\": 1e-05}";

    private static String document(String options, String data) {
        return "{\"timestamp\": \"2025-09-25 20:00:00\", \"data\": {\"options\": [" + options + "]" + data + "}}";
    }

    private static CboeQuoteData parse(String json) {
        return new CboeDelayedQuotesParser().parse(new StringReader(json), "SPY.json");
    }

    private static CboeQuoteData fixture() {
        try (Reader r = Files.newBufferedReader(TestData.file(JSON_FILE))) {
            return new CboeDelayedQuotesParser().parse(r, JSON_FILE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void decodesTheJsonOfTheSpyChainToTheSameChainAsTheCsvExport() {
        CboeQuoteData json = fixture();
        CboeQuoteData csv = SpyChain.load();

        OptionChain chain = json.chain();
        assertThat(chain.underlying()).isEqualTo("SPY");
        assertThat(chain.spot()).isEqualTo(658.05);
        assertThat(chain.asOf()).isEqualTo(LocalDate.of(2025, 9, 25));
        assertThat(json.asOfTime().toInstant()).isEqualTo(csv.asOfTime().toInstant());
        assertThat(json.rows()).isEqualTo(3716);
        assertThat(json.hasChainGreeks()).isTrue();
        // contract by contract, bit for bit: the JSON carries the export's numbers
        assertThat(chain.contracts()).containsExactlyElementsOf(csv.chain().contracts());

        GammaExposure gex = new GammaExposure(GexConvention.DEFAULT);
        GexReport fromJson = gex.report(chain, 5);
        GexReport fromCsv = gex.report(csv.chain(), 5);
        assertThat(fromJson.totals()).isEqualTo(fromCsv.totals());
        assertThat(fromJson.zeroGamma().level()).isEqualTo(fromCsv.zeroGamma().level());
    }

    @Test
    void readsEveryFieldItUsesAndIgnoresTheRest() {
        CboeQuoteData data = parse(document(CALL + ", " + PUT,
                ", \"symbol\": \"_SPX\", \"current_price\": 658.05, \"iv30\": 12.5, \"seqno\": 7"));
        assertThat(data.name()).isEqualTo("_SPX");
        assertThat(data.chain().underlying()).isEqualTo("SPX");
        assertThat(data.asOfTime()).isEqualTo(ZonedDateTime.of(2025, 9, 25, 16, 0, 0, 0,
                ZoneId.of("America/New_York")));
        OptionContract call = data.chain().contracts().get(0);
        assertThat(call.bid()).isEqualTo(157.1);
        assertThat(call.ask()).isEqualTo(159.91);
        assertThat(call.last()).isEqualTo(158.15);
        assertThat(call.openInterest()).isEqualTo(3856);
        assertThat(call.volume()).isEqualTo(63);
        assertThat(call.gamma()).isEqualTo(0.0001);
        OptionContract put = data.chain().contracts().get(1);
        assertThat(put.gamma()).isEqualTo(1e-05);
        assertThat(put.last()).isNaN();
    }

    @Test
    void takesTheCloseWhenThereIsNoCurrentPriceAndTheLastTradeTimeWhenThereIsNoTimestamp() {
        String json = "{\"data\": {\"current_price\": null, \"close\": 650.5, "
                + "\"last_trade_time\": \"2025-09-25T16:15:00\", \"options\": [" + PUT + "]}}";
        CboeQuoteData data = parse(json);
        assertThat(data.chain().spot()).isEqualTo(650.5);
        assertThat(data.asOfTime()).isEqualTo(ZonedDateTime.of(2025, 9, 25, 16, 15, 0, 0,
                ZoneId.of("America/New_York")));
        assertThat(data.missingGreeks()).containsExactly("Delta (calls)", "Gamma (calls)");
    }

    @Test
    void namesTheFieldLineAndColumnOfEveryProblem() {
        assertThatThrownBy(() -> parse("{\"timestamp\": \"2025-09-25 20:00:00\", \"data\": {\"options\": [\n"
                + "{\"option\": \"SPY251001C00500000\", \"iv\": \"Infinity\"}]}}"))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("SPY.json:2:")
                .hasMessageContaining("data.options[0].iv");
        assertThatThrownBy(() -> parse(document(CALL + ", " + CALL, ", \"current_price\": 658.05")))
                .hasMessageContaining("contract SPY251001C00500000 is listed twice");
        assertThatThrownBy(() -> parse(document("{\"option\": \"SPY25100XC00500000\"}", ", \"current_price\": 1")))
                .hasMessageContaining("data.options[0].option")
                .hasMessageContaining("YYMMDD");
        assertThatThrownBy(() -> parse(document("{\"option\": \"SPY251001C00500000\", \"open_interest\": 12.5}",
                ", \"current_price\": 1")))
                .hasMessageContaining("'data.options[0].open_interest' must be a whole number");
        assertThatThrownBy(() -> parse(document("{\"option\": \"SPY251001C00500000\", \"delta\": 1.5}",
                ", \"current_price\": 1")))
                .hasMessageContaining("'data.options[0].delta' must be a number within -1.0..1.0");
        assertThatThrownBy(() -> parse(document("{\"bid\": 1}", ", \"current_price\": 1")))
                .hasMessageContaining("data.options[0] has no 'option'");
        assertThatThrownBy(() -> parse(document(PUT, "")))
                .hasMessageContaining("no spot");
        assertThatThrownBy(() -> parse("{\"data\": {\"current_price\": 1, \"options\": []}}"))
                .hasMessageContaining("no as-of time");
        assertThatThrownBy(() -> parse("{\"timestamp\": \"yesterday\", \"data\": {}}"))
                .hasMessageContaining("'timestamp' must be 'yyyy-MM-dd HH:mm:ss'");
        assertThatThrownBy(() -> parse("{\"timestamp\": \"2025-09-25 20:00:00\", \"data\": {\"current_price\": 1}}"))
                .hasMessageContaining("no 'data.options' array");
        assertThatThrownBy(() -> parse("<html>503 Service Unavailable</html>"))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> parse(document(PUT, ", \"current_price\": 1").substring(0, 120)))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("malformed JSON");
    }
}
