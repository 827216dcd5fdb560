package com.alphacast.cli.demo;

import com.alphacast.aws.config.ConfigException;
import com.alphacast.aws.config.SettingsLoader;
import com.alphacast.aws.distribution.DynamoDeliveryLedger;
import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.market.DynamoMarketSnapshots;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.aws.trading.DynamoTradingLedger;
import com.alphacast.cli.Command;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.core.settings.ReplaySettings;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.LocalCloudOptions;
import com.alphacast.localcloud.function.FunctionPackageMissingException;
import com.alphacast.localcloud.function.FunctionStats;
import com.alphacast.worker.IngestWorker;
import com.alphacast.worker.replay.ReplayReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code ./alphacast demo}: starts the local cloud from template.yaml, replays the demo session through the
 * ingest worker, waits until every queue is drained (delayed tiers included), prints what happened, and
 * shuts everything down.
 */
public final class DemoCommand implements Command {

    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(3);

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path home = Path.of(System.getProperty("alphacast.home", ".")).toAbsolutePath().normalize();
        String profile = "demo";
        String speed = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> {
                    out.println("usage: ./alphacast demo [--profile NAME] [--speed max|realtime|Nx] [--home DIR]");
                    out.println("  Replays the demo session (config/<profile>.yaml, replay.file) through the worker,");
                    out.println("  the risk, order, position and distribution functions on the local cloud, then prints a summary.");
                    return 0;
                }
                case "--profile", "--speed", "--home" -> {
                    if (i + 1 >= args.size()) {
                        err.println(arg + " needs a value");
                        return 64;
                    }
                    String value = args.get(++i);
                    if (arg.equals("--profile")) {
                        profile = value;
                    } else if (arg.equals("--speed")) {
                        speed = value;
                    } else {
                        home = Path.of(value).toAbsolutePath().normalize();
                    }
                }
                default -> {
                    err.println("unknown option '" + arg + "' (see ./alphacast demo --help)");
                    return 64;
                }
            }
        }
        double multiplier;
        AlphacastSettings settings;
        try {
            settings = new SettingsLoader(Optional.of(home.resolve("config"))).load(profile);
            multiplier = ReplaySettings.parseSpeed(speed == null ? settings.replay().speed() : speed);
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("alphacast demo: " + e.getMessage());
            return 2;
        }
        Path template = home.resolve("template.yaml");
        Path outbox = home.resolve(settings.distribution().outboxDirectory());
        clearOutbox(outbox);

        Map<String, String> shared = new HashMap<>();
        shared.put("ALPHACAST_PROFILE", profile);
        shared.put("ALPHACAST_CONFIG_DIR", home.resolve("config").toString());
        shared.put("ALPHACAST_HOME", home.toString());

        out.printf("Alphacast demo: profile '%s', %s on the local cloud (embedded DynamoDB + ElasticMQ)%n", profile, template);
        long started = System.nanoTime();
        try (LocalCloud cloud = LocalCloud.start(LocalCloudOptions.forTemplate(template)
                .stackName("demo")
                .parameter("Profile", profile)
                .functionEnvironment(shared)
                .build())) {
            out.printf("local cloud up in %.1f s: DynamoDB %s, SQS %s%n",
                    (System.nanoTime() - started) / 1e9, cloud.dynamoDbEndpoint(), cloud.sqsEndpoint());

            Map<String, String> workerEnv = new HashMap<>(shared);
            workerEnv.put("MARKET_SNAPSHOTS_TABLE", cloud.tableName("MarketSnapshotsTable"));
            workerEnv.put("SIGNALS_QUEUE_URL", cloud.queueUrl("SignalsQueue"));
            workerEnv.put("MARKET_BARS_QUEUE_URL", cloud.queueUrl("MarketBarsQueue"));
            workerEnv.put("AWS_REGION", cloud.region());
            workerEnv.put("AWS_ACCESS_KEY_ID", "local");
            workerEnv.put("AWS_SECRET_ACCESS_KEY", "local");
            workerEnv.put("AWS_ENDPOINT_URL_DYNAMODB", cloud.dynamoDbEndpoint().toString());
            workerEnv.put("AWS_ENDPOINT_URL_SQS", cloud.sqsEndpoint().toString());

            ReplayReport replay;
            try (IngestWorker worker = IngestWorker.start(workerEnv)) {
                out.printf("replaying %s at speed %s ...%n", settings.replay().file(),
                        Double.isInfinite(multiplier) ? "max" : multiplier + "x");
                replay = worker.replay(multiplier);
            }
            out.println("replay done; waiting for the functions to drain their queues"
                    + " (lower tiers are delayed by design) ...");
            cloud.awaitIdle(IDLE_TIMEOUT);

            PipelineSummary summary = collect(cloud, settings, replay, outbox);
            new SummaryPrinter(out).print(summary);
            out.printf("%nDone in %.1f s; the local cloud is shut down.%n", (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (FunctionPackageMissingException e) {
            // The functions run from their built packages; say which one is missing and how to build it.
            err.println("alphacast demo: " + e.getMessage());
            return 1;
        }
    }

    private static PipelineSummary collect(LocalCloud cloud, AlphacastSettings settings, ReplayReport replay,
                                           Path outbox) {
        JsonCodec json = new JsonCodec();
        var db = cloud.dynamoDb();
        var decisions = new DynamoRiskLedger(db, cloud.tableName("SignalsTable"), cloud.tableName("ControlTable"), json)
                .allDecisions();
        var trading = new DynamoTradingLedger(db, cloud.tableName("OrdersTable"), cloud.tableName("PositionsTable"));
        var lastMarket = new DynamoMarketSnapshots(db, cloud.tableName("MarketSnapshotsTable"), Duration.ofDays(1))
                .latest(settings.market().symbol());
        var deliveries = new DynamoDeliveryLedger(db, cloud.tableName("DeliveriesTable"), Duration.ofMinutes(1),
                Duration.ofDays(1)).all();
        List<Path> files = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            Path file = outbox.resolve(channel.key() + ".jsonl");
            if (Files.exists(file)) {
                files.add(file);
            }
        }
        Map<String, FunctionStats> functions = new LinkedHashMap<>();
        for (String function : List.of("RiskCheckFunction", "OrderFunction", "PositionExitFunction", "DistributionFunction")) {
            functions.put(function, cloud.functionStats(function));
        }
        Map<String, Integer> deadLetters = new LinkedHashMap<>();
        for (String queue : List.of("SignalsDeadLetterQueue", "OrdersDeadLetterQueue", "MarketBarsDeadLetterQueue",
                "DeliveriesDeadLetterQueue")) {
            deadLetters.put(queue, cloud.messageCount(queue));
        }
        return new PipelineSummary(replay, decisions, trading.executions(), trading.openPositions(),
                trading.closedPositions(), lastMarket,
                deliveries, files, functions,
                deadLetters, settings.market().contractMultiplier());
    }

    private static void clearOutbox(Path outbox) {
        if (!Files.isDirectory(outbox)) {
            return;
        }
        try (Stream<Path> files = Files.walk(outbox)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the previous demo's outbox " + outbox, e);
        }
    }
}
