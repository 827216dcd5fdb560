package com.alphacast.cli.analyze;

import com.alphacast.core.fixtures.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class AnalyzeCommandTest {

    private static final Path DATA = TestData.folder();

    private static String data(String relative) {
        return TestData.file(relative).toString();
    }

    record Run(int code, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new AnalyzeCommand().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void gexReproducesTheConventionsWorkedExample() throws IOException {
        Run r = run("gex", "--chain", data("options/spy_quotedata_2025-09-25.csv"), "--top", "3");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("spot").asDouble()).isEqualTo(658.05);
        assertThat(j.get("asOf").asText()).isEqualTo("2025-09-25");
        assertThat(j.get("totals").get("callGex").asDouble()).isCloseTo(5.9126e9, withinPercentage(0.1));
        assertThat(j.get("totals").get("putGex").asDouble()).isCloseTo(-9.8304e9, withinPercentage(0.1));
        assertThat(j.get("totals").get("netGex").asDouble()).isCloseTo(-3.9178e9, withinPercentage(0.1));
        assertThat(j.get("zeroGamma").get("level").asDouble()).isCloseTo(668.5, within(0.5));
        assertThat(j.get("topStrikes").get(0).get("strike").asDouble()).isEqualTo(670.0);
        assertThat(j.get("topStrikes").get(0).get("netGex").asDouble()).isCloseTo(0.7709e9, withinPercentage(0.1));
        assertThat(j.get("topStrikes").get(1).get("strike").asDouble()).isEqualTo(655.0);
        assertThat(j.get("topStrikes").get(2).get("strike").asDouble()).isEqualTo(650.0);
        assertThat(j.get("byExpiry")).hasSize(11);
        assertThat(j.get("convention").asText()).contains("per 1% move");
        assertThat(j.get("totals").get("netDex").isNumber()).isTrue();
    }

    @Test
    void gexTableAndOverridesForPeople() {
        Run r = run("gex", "--chain", data("options/spy_quotedata_2025-09-25.csv"), "--format", "table",
                "--spot", "700", "--asof", "2025-10-02", "--profile");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("spot 700.00").contains("as of 2025-10-02").contains("zero gamma:")
                .contains("gamma profile:").contains("excluded: 332 contracts of expired expiries [2025-10-01]");
    }

    @Test
    void gexAtAnOverriddenSpotAndDateAgreesWithTheProfileAtThatLevel() throws IOException {
        // The profile of a chain as of 2025-10-02 gives net GEX at hypothetical spots with Black-Scholes greeks from
        // IV. Running the totals at one of those spots (--spot L --asof 2025-10-02) must give the same figure:
        // using the export's own greeks (computed at 658.05 on 2025-09-25) times L^2 would not.
        String chain = data("options/spy_quotedata_2025-09-25.csv");
        JsonNode profiled = run("gex", "--chain", chain, "--asof", "2025-10-02", "--profile").json();
        JsonNode point = profiled.get("profile").get(40);
        String level = point.get("level").asText();
        Run r = run("gex", "--chain", chain, "--asof", "2025-10-02", "--spot", level);
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode at = r.json();
        assertThat(at.get("totals").get("netGex").asDouble())
                .isCloseTo(point.get("netGex").asDouble(), withinPercentage(0.01));
        assertThat(at.get("convention").asText()).contains("gamma/delta Black-Scholes")
                .contains("greeks recomputed by Black-Scholes from each contract's IV at spot " + String.format(
                        Locale.ROOT, "%.2f", Double.parseDouble(level)) + " as of 2025-10-02");
    }

    @Test
    void gexWithoutOverridesUsesTheChainsGreeks() throws IOException {
        JsonNode j = run("gex", "--chain", data("options/spy_quotedata_2025-09-25.csv")).json();
        assertThat(j.get("convention").asText()).contains("from the chain").doesNotContain("--spot/--asof");
    }

    @Test
    void gexSaysWhyThereIsNoZeroGamma() throws IOException {
        Run r = run("gex", "--chain", data("options/spy_quotedata_2025-09-25.csv"), "--dealers",
                "short-calls-short-puts");
        assertThat(r.code()).isZero();
        assertThat(r.json().get("zeroGamma").get("level").isNull()).isTrue();
        assertThat(r.json().get("zeroGamma").get("reason").asText()).contains("no sign change");
    }

    @Test
    void inputErrorsExitSixtyFiveNamingFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(DATA.resolve("options/spy_quotedata_2025-09-25.csv")));
        lines.set(10, lines.get(10).replaceFirst(",0\\.\\d+,", ",n/a,"));
        Files.write(bad, lines);
        Run r = run("gex", "--chain", bad.toString());
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err()).contains(bad + ":11:").contains("unparseable number 'n/a'");

        Run missing = run("gex", "--chain", dir.resolve("nope.csv").toString());
        assertThat(missing.code()).isEqualTo(65);
        assertThat(missing.err()).contains("nope.csv: no such file");

        Path trades = dir.resolve("trades.csv");
        Files.writeString(trades, "time,price,size\n1000,10,1\n1001,10x,1\n");
        Run t = run("vpin", "--trades", trades.toString());
        assertThat(t.code()).isEqualTo(65);
        assertThat(t.err()).contains(trades + ":3:6: unparseable number '10x' in column 'price'");
    }

    /** The real SPY export with the given columns (0-based, in the header and every row) removed. */
    private static Path spyWithout(Path dir, String name, int... columns) throws IOException {
        List<String> out = new ArrayList<>();
        boolean table = false;
        for (String line : Files.readAllLines(DATA.resolve("options/spy_quotedata_2025-09-25.csv"))) {
            table |= line.startsWith("Expiration Date,");
            if (table) {
                List<String> fields = new ArrayList<>(List.of(line.split(",", -1)));
                for (int i = columns.length - 1; i >= 0; i--) {
                    fields.remove(columns[i]);
                }
                line = String.join(",", fields);
            }
            out.add(line);
        }
        Path file = dir.resolve(name);
        Files.write(file, out);
        return file;
    }

    @Test
    void gexWithoutAnIvColumnExitsTwoNamingFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path noIv = spyWithout(dir, "no_iv.csv", 7, 18);
        Run r = run("gex", "--chain", noIv.toString());
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(noIv + ":4:17: missing column 'IV' in both the call block");

        Path noPutIv = spyWithout(dir, "no_put_iv.csv", 18);
        Run p = run("gex", "--chain", noPutIv.toString());
        assertThat(p.code()).isEqualTo(65);
        assertThat(p.err()).contains(noPutIv + ":4:").contains("missing column 'IV' in the put block");
    }

    @Test
    void gexWithoutGreekColumnsUsesBlackScholesAndSaysSo(@TempDir Path dir) throws IOException {
        Path noGreeks = spyWithout(dir, "no_greeks.csv", 8, 9, 19, 20);
        Run r = run("gex", "--chain", noGreeks.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("convention").asText()).contains("the export has no Delta (calls), Delta (puts), "
                + "Gamma (calls), Gamma (puts) column: those greeks are Black-Scholes from IV");
        // Black-Scholes from IV with weekday time agrees with CBOE's own greeks to within a few percent.
        assertThat(j.get("totals").get("netGex").asDouble()).isCloseTo(-3.9178e9, withinPercentage(10));
        assertThat(j.get("zeroGamma").get("level").asDouble()).isCloseTo(668.5, within(0.5));
    }

    @Test
    void gexBadDatesAreInputErrorsNamingFileLineAndColumn(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(DATA.resolve("options/spy_quotedata_2025-09-25.csv"));
        Path badAsOf = dir.resolve("bad_asof.csv");
        List<String> asOf = new ArrayList<>(lines);
        asOf.set(2, asOf.get(2).replace("September 25, 2025", "Smarch 40, 2025"));
        Files.write(badAsOf, asOf);
        Run a = run("gex", "--chain", badAsOf.toString());
        assertThat(a.code()).isEqualTo(65);
        assertThat(a.err()).contains(badAsOf + ":3:1: unparseable as-of date 'Smarch 40, 2025 at 9:05 PM EDT'");

        Path badExpiry = dir.resolve("bad_expiry.csv");
        List<String> expiry = new ArrayList<>(lines);
        expiry.set(7, expiry.get(7).replaceFirst("^Wed Oct 01 2025", "Wed Oct 41 2025"));
        Files.write(badExpiry, expiry);
        Run e = run("gex", "--chain", badExpiry.toString());
        assertThat(e.code()).isEqualTo(65);
        assertThat(e.err()).contains(badExpiry + ":8:1: unparseable expiration date 'Wed Oct 41 2025'");

        assertThat(run("gex", "--chain", badExpiry.toString(), "--asof", "2025-13-01").code())
                .as("a bad --asof is a usage error").isEqualTo(64);
    }

    @Test
    void usageErrorsExitSixtyFour() {
        assertThat(run().code()).isEqualTo(64);
        assertThat(run("nonsense").code()).isEqualTo(64);
        assertThat(run("gex").err()).contains("missing required option --chain");
        assertThat(run("gex", "--chain", "x", "--colour", "red").code()).isEqualTo(64);
        assertThat(run("vpin", "--trades", "a", "--bars", "b").code()).isEqualTo(64);
        assertThat(run("vpin", "--trades", "a", "--window", "zero").err()).contains("--window must be a whole number from 1 to 10000");
        assertThat(run("vpin", "--trades", "a", "--classify", "magic").code()).isEqualTo(64);
        assertThat(run("gex", "--chain", "x", "--format", "xml").code()).isEqualTo(64);
        assertThat(run("--help").code()).isZero();
    }

    @Test
    void vpinOnEsTradesStaysWithinZeroAndOne() throws IOException {
        for (String classify : new String[] {"bvc", "tick"}) {
            Run r = run("vpin", "--trades", TestData.esSession().toString(), "--bucket-volume", "200",
                    "--classify", classify);
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode j = r.json();
            assertThat(j.get("summary").get("trades").asInt()).isEqualTo(11_101);
            assertThat(j.get("summary").get("vpinValues").asInt()).isPositive();
            for (JsonNode p : j.get("series")) {
                if (!p.get("vpin").isNull()) {
                    assertThat(p.get("vpin").asDouble()).isBetween(0.0, 1.0);
                }
            }
        }
    }

    @Test
    void vpinRemovesBadPrintsByDefaultAndCountsThem() throws IOException {
        String file = data("trades/es_ticks_with_bad_prints.csv");
        Run r = run("vpin", "--trades", file, "--classify", "tick", "--bucket-volume", "20", "--window", "5");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = r.json().get("summary");
        assertThat(s.get("tradesRead").asInt()).isEqualTo(100);
        assertThat(s.get("trades").asInt()).isEqualTo(94);
        assertThat(s.get("badPrints").get("filter").asBoolean()).isTrue();
        assertThat(s.get("badPrints").get("rejected").asInt()).isEqualTo(6);
        List<Double> prices = new ArrayList<>();
        s.get("badPrints").get("rejectedPrints").forEach(p -> prices.add(p.get("price").asDouble()));
        assertThat(prices).containsExactly(1205.0, 1005.0, 1904.75, 3305.0, 205.0, 1405.0);
        assertThat(s.get("badPrints").get("rejectedPrints").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(r.json().get("convention").asText()).contains("bad prints outside +/-1.0% of the rolling median");

        Run unfiltered = run("vpin", "--trades", file, "--classify", "tick", "--bucket-volume", "20", "--window",
                "5", "--no-bad-print-filter");
        assertThat(unfiltered.code()).as(unfiltered.err()).isZero();
        JsonNode u = unfiltered.json().get("summary");
        assertThat(u.get("trades").asInt()).isEqualTo(100);
        assertThat(u.get("badPrints").get("filter").asBoolean()).isFalse();
        assertThat(u.get("totalVolume").asDouble()).isGreaterThan(s.get("totalVolume").asDouble());

        Run wide = run("vpin", "--trades", file, "--classify", "tick", "--bucket-volume", "20", "--window", "5",
                "--bad-print-band", "0.5", "--bad-print-window", "5");
        assertThat(wide.json().get("summary").get("badPrints").get("rejected").asInt())
                .as("only 205 and 3305 lie outside +/-50%").isEqualTo(2);
        assertThat(run("vpin", "--trades", file, "--bad-print-band", "1.5").err()).contains("--bad-print-band");
        assertThat(run("vpin", "--trades", file, "--bad-print-window", "2").code()).isEqualTo(64);
        assertThat(run("vpin", "--trades", file, "--no-bad-print-filter", "--bad-print-band", "0.02").code())
                .isEqualTo(64);
    }

    @Test
    void vpinDefaultsToFiftyBucketsPerDayAndExplainsAShortSample() throws IOException {
        Run r = run("vpin", "--trades", TestData.esSession().toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = r.json().get("summary");
        assertThat(s.get("bucketVolume").asDouble()).isCloseTo(41_809 / 50.0, within(1e-6));
        assertThat(s.get("buckets").asInt()).isLessThan(50);
        assertThat(s.get("note").asText()).contains("fewer than the window");
    }

    @Test
    void vpinForBarsOfUnequalVolume(@TempDir Path dir) throws IOException {
        Path bars = dir.resolve("bars.csv");
        StringBuilder csv = new StringBuilder("time,Close,Volume\n");
        double close = 100;
        for (int i = 0; i < 40; i++) {
            close += (i % 3 == 0 ? -0.5 : 0.4);
            csv.append(i).append(',').append(close).append(',').append(100 + i * 7).append('\n');
        }
        Files.writeString(bars, csv);
        Run r = run("vpin", "--bars", bars.toString(), "--close", "close", "--volume", "VOLUME", "--time", "time",
                "--window", "10");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("series")).hasSize(40);
        assertThat(j.get("series").get(0).get("buyVolume").isNull()).isTrue();
        JsonNode lastBar = j.get("series").get(39);
        assertThat(lastBar.get("buyVolume").asDouble() + lastBar.get("sellVolume").asDouble())
                .isCloseTo(100 + 39 * 7, within(1e-6));
        assertThat(j.get("summary").get("last").asDouble()).isBetween(0.0, 1.0);

        Run missing = run("vpin", "--bars", bars.toString(), "--close", "price", "--volume", "volume");
        assertThat(missing.code()).isEqualTo(65);
        assertThat(missing.err()).contains(bars + ":1:1: no column 'price' (--close)");
    }

    @Test
    void bookRebuildMatchesEveryBookTickerCheckpoint() throws IOException {
        Run r = run("book", "--snapshots", data("orderbook/binance_spot_depth_snapshots.capture"), "--stream",
                data("orderbook/binance_spot_stream.capture"));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = r.json().get("summary");
        assertThat(s.get("checkpointsMatched").asInt()).isEqualTo(26);
        assertThat(s.get("checkpointMismatches").asInt()).isZero();
        assertThat(s.get("gaps").asInt()).isZero();
        assertThat(s.get("ok").asBoolean()).isTrue();
        assertThat(r.json().get("updates")).hasSize(172);
        assertThat(r.json().get("classifiers").get("tick").get("trades").asInt()).isEqualTo(2);
        JsonNode first = r.json().get("updates").get(0);
        assertThat(first.get("obi").asDouble()).isBetween(-1.0, 1.0);
        assertThat(first.get("microprice").asDouble()).isBetween(first.get("bidPrice").asDouble(),
                first.get("askPrice").asDouble());
        assertThat(r.json().get("sweeps").isArray()).isTrue();

        Run one = run("book", "--snapshots", data("orderbook/binance_spot_depth_snapshots.capture"), "--stream",
                data("orderbook/binance_spot_stream.capture"), "--symbol", "NKNUSDT", "--format", "table");
        assertThat(one.code()).isZero();
        assertThat(one.out()).contains("NKNUSDT").doesNotContain("BLZETH").contains("0 mismatched");
    }

    @Test
    void bookReadsTheHftbacktestCapturesAloneAndTellsSpotFromUsdmFutures() throws IOException {
        Run spot = run("book", "--stream", data("orderbook/hftbacktest_binance_spot_btcusdt_20240808.gz"));
        assertThat(spot.code()).as(spot.err()).isZero();
        assertThat(spot.json().get("market").asText()).isEqualTo("SPOT");
        JsonNode s = spot.json().get("summary");
        assertThat(s.get("gaps").asInt()).isZero();
        assertThat(s.get("checkpointMismatches").asInt()).isZero();
        assertThat(s.get("checkpointsMatched").asInt()).isEqualTo(564);

        Run usdm = run("book", "--stream", data("orderbook/hftbacktest_binance_usdm_btcusdt_20240808.gz"),
                "--format", "table");
        assertThat(usdm.code()).as(usdm.err()).isZero();
        assertThat(usdm.out()).contains("Binance USD-M futures (6551 of 6551 depth updates carry pu)")
                .contains(", 0 gaps").contains("629 matched, 0 mismatched");
    }

    @Test
    void bookUnderSpotRulesWouldSeeGapsInAFuturesCaptureSoDetectionMatters(@TempDir Path dir)
            throws IOException {
        // A COIN-M style symbol with pu continuity: U of each event is not previous u + 1, which spot rules call a gap.
        Path stream = dir.resolve("coinm.jsonl");
        Files.writeString(stream, String.join("\n",
                "{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSD_PERP\",\"U\":5,\"u\":9,\"pu\":3,"
                        + "\"b\":[[\"100.0\",\"1\"]],\"a\":[[\"101.0\",\"2\"]]}",
                "{\"lastUpdateId\":6,\"bids\":[[\"99.0\",\"1\"]],\"asks\":[[\"102.0\",\"1\"]]}",
                "{\"e\":\"depthUpdate\",\"E\":2,\"s\":\"BTCUSD_PERP\",\"U\":12,\"u\":15,\"pu\":9,"
                        + "\"b\":[[\"100.5\",\"1\"]],\"a\":[]}",
                "{\"e\":\"bookTicker\",\"s\":\"BTCUSD_PERP\",\"u\":15,\"b\":\"100.5\",\"B\":\"1\","
                        + "\"a\":\"101.0\",\"A\":\"2\"}") + "\n");
        Run r = run("book", "--stream", stream.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("market").asText()).isEqualTo("COINM_FUTURES");
        assertThat(r.json().get("summary").get("gaps").asInt()).isZero();
        assertThat(r.json().get("summary").get("checkpointsMatched").asInt()).isEqualTo(1);
    }

    @Test
    void vpinClassifiesWithQuotesOrTheFeedsSideFromAGenericCsv(@TempDir Path dir) throws IOException {
        Path trades = dir.resolve("generic.csv");
        StringBuilder csv = new StringBuilder("time,price,size,side,bid,ask\n");
        for (int i = 0; i < 100; i++) {
            boolean buy = i < 80; // one-sided flow: VPIN must be high
            csv.append(1_700_000_000_000L + i * 1000).append(',').append(buy ? "100.02" : "99.98").append(",10,")
                    .append(buy ? "buy" : "sell").append(",99.99,100.01\n");
        }
        Files.writeString(trades, csv);
        for (String classify : new String[] {"lee-ready", "side"}) {
            Run r = run("vpin", "--trades", trades.toString(), "--classify", classify, "--bucket-volume", "100",
                    "--window", "5");
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode series = r.json().get("series");
            assertThat(series).hasSize(10);
            assertThat(series.get(4).get("vpin").asDouble()).as(classify).isEqualTo(1.0);
            assertThat(r.json().get("summary").get("min").asDouble()).isEqualTo(1.0);
        }
        Path noQuotes = dir.resolve("plain.csv");
        Files.writeString(noQuotes, "time,price,size\n1,10,1\n");
        Run r = run("vpin", "--trades", noQuotes.toString(), "--classify", "lee-ready");
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err()).contains(noQuotes + ":1:1: --classify lee-ready needs 'bid' and 'ask' columns");
    }
}
