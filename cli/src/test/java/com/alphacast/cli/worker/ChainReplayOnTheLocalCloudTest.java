package com.alphacast.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.market.DynamoMarketSnapshots;
import com.alphacast.cli.ExitCode;
import com.alphacast.cli.analyze.AnalyzeCommand;
import com.alphacast.core.market.ChainSummary;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.volatility.VolatilityRegime;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.alphacast.worker.IngestWorker;
import com.alphacast.worker.replay.ReplayReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's "for an underlying with a chain, GEX and zero gamma": a recorded trades file replayed with the SPY chain
 * through the worker's live code path writes snapshots to the local cloud's MarketSnapshotsTable whose analytics carry
 * VPIN, the regime and the chain's GEX and zero gamma, the very numbers {@code ./alphacast analyze gex} prints for the
 * same chain.
 */
class ChainReplayOnTheLocalCloudTest {

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate().withoutFunctions().build();

    private static final Path ROOT = LocalCloudExtension.projectRoot();
    private static final Path ES = ROOT.resolve("data/demo/es_trades_2011-07-31.csv");
    private static final Path CSV = ROOT.resolve("testdata/options/spy_quotedata_2025-09-25.csv");
    private static final Path JSON = ROOT.resolve("testdata/options/derived/spy_delayed_quotes_2025-09-25.json");

    /** The demo profile with its ES instrument following SPY's chain (an index future's usual dealer-gamma proxy). */
    private static Path profileFollowingSpy(Path dir) throws IOException {
        String demo = Files.readString(ROOT.resolve("config/demo.yaml"));
        String instrument = "    ES:\n      instrument: ESU1\n";
        assertThat(demo).contains(instrument);
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/chains.yaml"), demo.replace(instrument, instrument
                + "      chain:\n        source: cboe\n        underlying: SPY\n        intervalSeconds: 60\n"));
        // the demo profile names a strategy profile, read from the same config directory
        Files.copy(ROOT.resolve("config/strategy-profiles.yaml"), dir.resolve("config/strategy-profiles.yaml"));
        return dir;
    }

    private static JsonNode analyzeGex(Path chain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new AnalyzeCommand().run(List.of("gex", "--chain", chain.toString(), "--format", "json"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    private static double decimals(double value, int places) {
        return new BigDecimal(value).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
    }

    @Test
    void snapshotsOfATradesReplayWithTheSpyChainCarryTheGexAndZeroGammaAnalyzeGexComputes(@TempDir Path dir)
            throws IOException {
        LocalCloud cloud = CLOUD.get();
        Path home = profileFollowingSpy(dir);
        Map<String, String> env = new HashMap<>();
        env.put("ALPHACAST_PROFILE", "chains");
        env.put("ALPHACAST_CONFIG_DIR", home.resolve("config").toString());
        env.put("ALPHACAST_HOME", ROOT.toString());
        env.put("MARKET_SNAPSHOTS_TABLE", cloud.tableName("MarketSnapshotsTable"));
        env.put("REJECTED_SIGNALS_TABLE", cloud.tableName("RejectedSignalsTable"));
        env.put("SIGNALS_QUEUE_URL", cloud.queueUrl("SignalsQueue"));
        env.put("MARKET_BARS_QUEUE_URL", cloud.queueUrl("MarketBarsQueue"));
        env.put("AWS_REGION", cloud.region());
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_ENDPOINT_URL_DYNAMODB", cloud.dynamoDbEndpoint().toString());
        env.put("AWS_ENDPOINT_URL_SQS", cloud.sqsEndpoint().toString());
        ReplayReport report;
        try (IngestWorker worker = IngestWorker.start(env)) {
            report = worker.replay(ES, List.of(JSON), Double.POSITIVE_INFINITY);
        }
        assertThat(report.bars()).isEqualTo(50);
        assertThat(report.io().snapshotsWritten()).isEqualTo(50);

        DynamoMarketSnapshots table = new DynamoMarketSnapshots(cloud.dynamoDb(),
                cloud.tableName("MarketSnapshotsTable"), Duration.ofDays(1));
        List<MarketSnapshot> read = new ArrayList<>();
        table.atOrBefore("ES", Instant.parse("2011-07-31T22:01:00Z")).ifPresent(read::add);
        table.atOrBefore("ES", Instant.parse("2011-07-31T22:30:00Z")).ifPresent(read::add);
        table.latest("ES").ifPresent(read::add);
        assertThat(read).hasSize(3);

        JsonNode gex = analyzeGex(CSV);
        JsonNode fromJson = analyzeGex(JSON);
        // the JSON has no company name and its export time is the same instant in UTC: every figure is equal
        for (String figure : List.of("underlying", "spot", "asOf", "totals", "zeroGamma", "topStrikes", "byExpiry",
                "byStrike")) {
            assertThat(fromJson.get(figure)).as("analyze gex on the JSON: " + figure).isEqualTo(gex.get(figure));
        }
        for (MarketSnapshot s : read) {
            ChainSummary c = s.analytics().chain().orElseThrow(() -> new AssertionError(s + " carries no chain"));
            assertThat(c.asOf().toString()).isEqualTo(gex.get("asOf").asText());
            assertThat(c.spot()).isEqualTo(gex.get("spot").asDouble());
            assertThat(Math.round(c.netGex())).isEqualTo(gex.get("totals").get("netGex").asLong());
            assertThat(Math.round(c.netDex())).isEqualTo(gex.get("totals").get("netDex").asLong());
            assertThat(decimals(c.zeroGamma(), 4)).isEqualTo(gex.get("zeroGamma").get("level").asDouble());
            assertThat(c.callWall()).isPositive();
            assertThat(c.putWall()).isPositive();
        }
        MarketSnapshot last = read.get(2);
        assertThat(last.analytics().vpin()).isBetween(0.0, 1.0);
        assertThat(last.analytics().regime()).isNotEqualTo(VolatilityRegime.UNKNOWN);
        // ES trades carry no quotes: no book, so no order-book imbalance (the Binance replays show OBI)
        assertThat(last.analytics().orderBookImbalance()).isNaN();
    }

    @Test
    void theWorkerCommandReplaysWithAChainAndPrintsItsGexAndZeroGamma(@TempDir Path dir) throws IOException {
        Path home = profileFollowingSpy(dir);
        Files.copy(ROOT.resolve("template.yaml"), home.resolve("template.yaml"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new WorkerCommand().run(List.of("--replay", ES.toString(), "--chain", CSV.toString(), "--profile",
                        "chains", "--home", home.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.OK);
        JsonNode gex = analyzeGex(CSV);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("with the chain [" + CSV + "]")
                .contains(String.format(Locale.ROOT, "GEX %.4g", gex.get("totals").get("netGex").asDouble()))
                .contains(String.format(Locale.ROOT, "zero gamma %.2f", gex.get("zeroGamma").get("level").asDouble()));
    }

    @Test
    void aChainNoInstrumentFollowsIsRefusedAsBadInputSayingWhatToConfigure() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new WorkerCommand().run(List.of("--replay", ES.toString(), "--chain", CSV.toString(), "--home",
                ROOT.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(ExitCode.INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("a chain of SPY that no instrument follows")
                .contains("worker.instruments.<SYMBOL>.chain.underlying: SPY");
    }
}
