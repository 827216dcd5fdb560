package com.alphacast.cli.demo;

import com.alphacast.core.calendar.TradingSession;
import com.alphacast.core.feed.trades.TradeCsvReader;
import com.alphacast.core.feed.trades.TradeRow;
import com.alphacast.fakes.chat.LocalChatPlatforms;
import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import com.alphacast.aws.config.ConfigException;
import com.alphacast.aws.config.SettingsLoader;
import com.alphacast.aws.distribution.DynamoDeliveryLedger;
import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.market.DynamoMarketSnapshots;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.aws.trading.DynamoTradingLedger;
import com.alphacast.cli.Command;
import com.alphacast.cli.ExitCode;
import com.alphacast.cli.morning.BriefingRun;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.core.settings.ChannelSettings;
import com.alphacast.core.settings.ReplaySettings;
import com.alphacast.core.settings.TierPolicy;
import com.alphacast.core.text.TerminalText;
import com.alphacast.localcloud.CodeCacheUse;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.LocalCloudOptions;
import com.alphacast.localcloud.WarmUp;
import com.alphacast.localcloud.function.FunctionPackageMissingException;
import com.alphacast.localcloud.function.FunctionStats;
import com.alphacast.localcloud.template.TemplateRefusedException;
import com.alphacast.worker.IngestWorker;
import com.alphacast.worker.replay.ReplayReport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./alphacast demo}: starts the local cloud from template.yaml, replays the demo session through the
 * ingest worker, waits until every queue is drained (delayed tiers included), prints what happened, and
 * shuts everything down. Everything a user can get wrong (options, profile, settings, template, replay file, secrets)
 * is checked before anything starts; the run then owns {@code <home>/.alphacast} ({@link RunLock}) and only replaces
 * the outbox files it created ({@link DemoOutbox}).
 */
public final class DemoCommand implements Command {

    /**
     * Priming rounds per SnapStart function (and rounds of the servers' paths) before the replay: enough for the JIT to
     * compile the request paths every function shares the one JVM for, so the figures are of a warm service, as each
     * function's primed snapshot is on AWS. {@code --warm-up 0} shows the cold start instead.
     */
    static final int WARM_UP_ROUNDS = 200;

    /** Time for the functions to finish after the longest tier delay has passed. */
    static final Duration DRAIN_MARGIN = Duration.ofMinutes(3);

    private final Map<String, String> processEnvironment;

    public DemoCommand() {
        this(System.getenv());
    }

    /** @param processEnvironment where {@code env:NAME} secrets of live sinks come from */
    public DemoCommand(Map<String, String> processEnvironment) {
        this.processEnvironment = Map.copyOf(processEnvironment);
    }

    /** A run that cannot start: one line for the user and the exit code. */
    private static final class Refusal extends RuntimeException {
        private final int code;

        Refusal(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            return demo(args, out, err);
        } catch (Refusal e) {
            err.println("alphacast demo: " + e.getMessage());
            return e.code;
        }
    }

    private int demo(List<String> args, PrintStream out, PrintStream err) {
        Path home = Path.of(System.getProperty("alphacast.home", ".")).toAbsolutePath().normalize();
        String profile = "demo";
        String speed = null;
        int warmUpRounds = WARM_UP_ROUNDS;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> {
                    out.println("usage: ./alphacast demo [--profile NAME] [--speed max|realtime|Nx] [--warm-up ROUNDS]"
                            + " [--home DIR]");
                    out.println("  Replays the demo session (config/<profile>.yaml, replay.file) through the worker,");
                    out.println("  the risk, order, position and distribution functions on the local cloud, then prints a summary.");
                    out.println("  --warm-up: priming rounds per function before the replay (default " + WARM_UP_ROUNDS
                            + "; 0: start cold).");
                    return ExitCode.OK;
                }
                case "--profile", "--speed", "--home", "--warm-up" -> {
                    if (i + 1 >= args.size()) {
                        throw new Refusal(ExitCode.USAGE, arg + " needs a value");
                    }
                    String value = args.get(++i);
                    if (arg.equals("--profile")) {
                        profile = value;
                    } else if (arg.equals("--speed")) {
                        speed = value;
                    } else if (arg.equals("--warm-up")) {
                        warmUpRounds = warmUpRounds(value);
                    } else {
                        try {
                            home = Path.of(value).toAbsolutePath().normalize();
                        } catch (InvalidPathException e) {
                            throw new Refusal(ExitCode.USAGE, "--home '" + TerminalText.excerpt(value)
                                    + "' is not a valid path");
                        }
                    }
                }
                default -> throw new Refusal(ExitCode.USAGE, "unknown option '" + TerminalText.excerpt(arg)
                        + "' (see ./alphacast demo --help)");
            }
        }
        // Everything is validated before anything is started, created or deleted.
        Path template = home.resolve("template.yaml");
        if (!Files.isRegularFile(template)) {
            throw new Refusal(ExitCode.INPUT, "no template.yaml in " + home + ": run from the repository root or pass "
                    + "--home DIR of a checkout");
        }
        double multiplier;
        AlphacastSettings settings;
        try {
            settings = new SettingsLoader(Optional.of(home.resolve("config"))).load(profile);
            multiplier = ReplaySettings.parseSpeed(speed == null ? settings.replay().speed() : speed);
        } catch (ConfigException | IllegalArgumentException e) {
            throw new Refusal(ExitCode.INPUT, e.getMessage());
        }
        try (LocalChatPlatforms chat = LocalChatPlatforms.start(); DemoBriefing briefing = DemoBriefing.start(home)) {
            Map<String, String> shared = new HashMap<>(briefing.environment());
            shared.put("ALPHACAST_PROFILE", profile);
            shared.put("ALPHACAST_CONFIG_DIR", home.resolve("config").toString());
            shared.put("ALPHACAST_HOME", home.toString());
            shared.putAll(localSecrets(settings));
            shared.putAll(chat.functionEnvironment());
            shared.put("ALPHACAST_ROLES", DemoBotTranscript.ROLES);
            shared.put("ALPHACAST_CHAT_DAYS_BACK", Long.toString(sessionDaysBack(home, settings)));
            LocalCloudOptions options = LocalCloudOptions.forTemplate(template)
                    .stackName("demo")
                    .parameter("Profile", profile)
                    // A replay at max speed delivers a session's bars in under a second, so at the position limit
                    // the risk check can be further ahead of the position function (two cold execution
                    // environments on a busy machine) than production's 5 s bound allows; the demo's decisions must
                    // be the same every run, so it waits up to the template's maximum instead (the first two signals
                    // of a risk-check batch wait that long; later ones only what the batch's time leaves, so a
                    // position function stalled for as long could still change a run's decisions).
                    .parameter("ExitCheckWaitSeconds", "20")
                    .parameters(briefing.parameters())
                    .functionEnvironment(shared)
                    .warmUpRounds(warmUpRounds)
                    .build();
            try {
                LocalCloud.check(options);
            } catch (FunctionPackageMissingException e) {
                // The functions run from their built packages; say which one is missing and how to build it.
                throw new Refusal(ExitCode.FAILED, e.getMessage());
            } catch (TemplateRefusedException | IllegalArgumentException e) {
                throw new Refusal(ExitCode.INPUT, "--profile '" + profile + "': " + e.getMessage());
            }
            Path replayFile = home.resolve(settings.replay().file());
            if (!Files.isRegularFile(replayFile) || !Files.isReadable(replayFile)) {
                throw new Refusal(ExitCode.INPUT, settings.source() + ": replay.file '" + settings.replay().file()
                        + "' is not a readable file (" + replayFile + ")");
            }
            Duration drainTimeout = drainTimeout(settings);

            RunLock lock;
            try {
                lock = RunLock.acquire(home.resolve(".alphacast"));
            } catch (RunLock.HeldException e) {
                throw new Refusal(ExitCode.BUSY, e.getMessage());
            }
            try (lock) {
                Path outbox;
                try {
                    outbox = DemoOutbox.prepare(home, settings.distribution().outboxDirectory());
                } catch (DemoOutbox.NotOursException e) {
                    throw new Refusal(ExitCode.INPUT, e.getMessage());
                }
                return replay(out, profile, template, options, shared, settings, multiplier, drainTimeout, outbox, chat,
                        briefing);
            }
        }
    }

    /** The longest tier delay (up to 900 s) plus {@link #DRAIN_MARGIN}: delayed tiers are waited for, not cut off. */
    static Duration drainTimeout(AlphacastSettings settings) {
        return DRAIN_MARGIN.plusSeconds(settings.distribution().tiers().values().stream()
                .mapToInt(TierPolicy::delaySeconds).max().orElse(0));
    }

    /**
     * Secrets for live sinks, from this process's environment. A local run never calls real AWS, so SSM and Secrets
     * Manager references are refused rather than resolved.
     */
    /**
     * How many days before today the replayed session's trading day is, so the bots answer /pnl as of that session
     * (its first trade decides; the worker reads the file's times as UTC). 0 when the file is missing or has no trade.
     */
    private static long sessionDaysBack(Path home, AlphacastSettings settings) {
        Path file = home.resolve(settings.replay().file());
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return 0; // reported, with the stack check first, where the replay file is checked
        }
        List<TradeRow> rows;
        try (Reader reader = Files.newBufferedReader(file)) {
            rows = new TradeCsvReader(settings.market().symbol(), ZoneOffset.UTC).read(reader, settings.replay().file());
        } catch (IOException | InputFormatException e) {
            throw new Refusal(ExitCode.INPUT, "replay.file '" + settings.replay().file() + "': " + e.getMessage());
        }
        if (rows.isEmpty()) {
            return 0;
        }
        TradingSession session = settings.market().session();
        // The router's today is the calendar date in the exchange's zone, so count to that, not to the session day.
        return Math.max(0, ChronoUnit.DAYS.between(session.tradingDay(rows.get(0).trade().time()),
                LocalDate.ofInstant(Instant.now(), session.zone())));
    }

    private Map<String, String> localSecrets(AlphacastSettings settings) {
        Map<String, String> secrets = new HashMap<>();
        for (Channel key : Channel.values()) { // in declaration order, so the same channel is always named first
            ChannelSettings channel = settings.distribution().channels().get(key);
            if (channel == null || channel.sink() != ChannelSettings.SinkKind.LIVE || channel.credentialRef().isEmpty()) {
                continue;
            }
            String reference = channel.credentialRef().get();
            String where = settings.source() + ": distribution.channels." + key.key() + ".credential";
            if (reference.startsWith("env:")) {
                String name = reference.substring(4);
                String value = processEnvironment.get(name);
                if (value == null || value.isBlank()) {
                    throw new Refusal(ExitCode.INPUT, where + " is '" + reference + "' but " + name
                            + " is not set: export it, or use sink: outbox");
                }
                secrets.put(name, value);
            } else {
                throw new Refusal(ExitCode.INPUT, where + " is '" + reference + "', a secret in AWS; the demo runs "
                        + "locally and never calls real AWS: use --profile demo, or a profile whose live sinks take "
                        + "env: credentials");
            }
        }
        return secrets;
    }

    private int replay(PrintStream out, String profile, Path template, LocalCloudOptions options,
                       Map<String, String> shared, AlphacastSettings settings, double multiplier,
                       Duration drainTimeout, Path outbox, LocalChatPlatforms chat, DemoBriefing briefing) {
        out.printf("Alphacast demo: profile '%s', %s on the local cloud (embedded DynamoDB + ElasticMQ)%n", profile, template);
        long started = System.nanoTime();
        try (LocalCloud cloud = LocalCloud.start(options)) {
            out.printf("local cloud up in %.1f s: DynamoDB %s, SQS %s%n",
                    (System.nanoTime() - started) / 1e9, cloud.dynamoDbEndpoint(), cloud.sqsEndpoint());
            cloud.warmUp().ifPresent(warmUp -> out.println(warmUpLine(warmUp)));

            Map<String, String> workerEnv = new HashMap<>(shared);
            workerEnv.put("MARKET_SNAPSHOTS_TABLE", cloud.tableName("MarketSnapshotsTable"));
            workerEnv.put("REJECTED_SIGNALS_TABLE", cloud.tableName("RejectedSignalsTable"));
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
            } catch (InputFormatException e) {
                throw new Refusal(ExitCode.INPUT, "replay.file: " + e.getMessage());
            }
            out.printf("replay done; waiting up to %d s for the functions to drain their queues"
                    + " (lower tiers are delayed by design) ...%n", drainTimeout.toSeconds());
            try {
                cloud.awaitIdle(drainTimeout);
            } catch (IllegalStateException e) {
                throw new Refusal(ExitCode.FAILED, "the pipeline did not drain within " + drainTimeout.toSeconds()
                        + " s (the longest tier delay plus " + DRAIN_MARGIN.toSeconds() + " s): " + e.getMessage());
            }

            PipelineSummary summary = collect(cloud, settings, replay, outbox);
            new SummaryPrinter(out).print(summary);
            out.println(cloud.warmUp().map(DemoCommand::warmUpLine)
                    .orElse("  no warm-up before the replay (--warm-up 0): the figures include every function's cold start"));
            // A filled code cache stops the JIT: the figures after that would measure the interpreter.
            out.println("  " + CodeCacheUse.ofThisJvm().describe());
            try {
                DemoBotTranscript.print(out, new DemoBotTranscript(chat, Clock.systemUTC())
                        .run(cloud, settings.market().instrument(), settings.market().symbol()));
            } catch (IOException e) {
                throw new Refusal(ExitCode.FAILED, "the bot transcript could not be taken: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Refusal(ExitCode.FAILED, "interrupted while taking the bot transcript");
            }
            try {
                briefing.run(cloud, settings.market().symbol(), drainTimeout, outbox, template.getParent(), out);
            } catch (BriefingRun.FunctionFailedException | IllegalStateException e) {
                throw new Refusal(ExitCode.FAILED, "the closing briefing did not go out: " + e.getMessage());
            }
            out.printf("%nDone in %.1f s; the local cloud is shut down.%n", (System.nanoTime() - started) / 1e9);
            return ExitCode.OK;
        } catch (FunctionPackageMissingException e) {
            // Checked before the lock was taken; a package deleted since then is reported the same way.
            throw new Refusal(ExitCode.FAILED, e.getMessage());
        }
    }

    /** How many rounds, in how many environments, and how long: part of the start-up, not of the figures. */
    static String warmUpLine(WarmUp warmUp) {
        return String.format(Locale.ROOT, "  warm-up before the replay (not in the figures): %d priming rounds per"
                        + " SnapStart function (reads of keys on no record, writes refused by their condition, empty"
                        + " SQS batches, the distribution's rendering into a scratch outbox, the runtime reading an empty"
                        + " event and writing an empty result) in %d"
                        + " execution environments and %d rounds of the servers' paths on scratch queues (standard,"
                        + " delayed and FIFO batches) and a scratch table (transactions, puts, updates, reads),"
                        + " %.1f s of the start-up (functions %.1f s beside message path %.1f s then table path"
                        + " %.1f s, then %.1f s for the JIT to settle)",
                warmUp.rounds(), warmUp.environments(), warmUp.rounds(), warmUp.total().toMillis() / 1e3,
                warmUp.functions().toMillis() / 1e3, warmUp.messagePath().toMillis() / 1e3,
                warmUp.tablePath().toMillis() / 1e3, warmUp.compiler().toMillis() / 1e3);
    }

    private static int warmUpRounds(String value) {
        int rounds;
        try {
            rounds = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new Refusal(ExitCode.USAGE, "--warm-up '" + TerminalText.excerpt(value) + "' is not a whole number");
        }
        if (rounds < 0 || rounds > LocalCloudOptions.MAX_WARM_UP_ROUNDS) {
            throw new Refusal(ExitCode.USAGE, "--warm-up must be within 0.." + LocalCloudOptions.MAX_WARM_UP_ROUNDS
                    + ", was " + rounds);
        }
        return rounds;
    }

    private static PipelineSummary collect(LocalCloud cloud, AlphacastSettings settings, ReplayReport replay,
                                           Path outbox) {
        JsonCodec json = new JsonCodec();
        var db = cloud.dynamoDb();
        var riskLedger = new DynamoRiskLedger(db, cloud.tableName("SignalsTable"), cloud.tableName("ControlTable"), json);
        var decisions = riskLedger.allDecisions();
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
                deadLetters, settings.market().contractMultiplier(),
                PremiumPaths.of(decisions, riskLedger.queueArrivals(), deliveries));
    }
}
