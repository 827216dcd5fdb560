package com.alphacast.cli.worker;

import com.alphacast.aws.config.ConfigException;
import com.alphacast.aws.config.SettingsLoader;
import com.alphacast.aws.market.DynamoMarketSnapshots;
import com.alphacast.cli.Command;
import com.alphacast.cli.ExitCode;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.market.MarketAnalytics;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.core.settings.InstrumentSettings;
import com.alphacast.core.settings.ReplaySettings;
import com.alphacast.core.text.TerminalText;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.LocalCloudOptions;
import com.alphacast.localcloud.template.TemplateRefusedException;
import com.alphacast.worker.IngestWorker;
import com.alphacast.worker.LiveSession;
import com.alphacast.worker.WorkerReportText;
import com.alphacast.worker.replay.ReplayReport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./alphacast worker --replay PATH}: the ingest worker on the local cloud's tables and queues (storage only;
 * the functions are the demo's business), replaying a recorded trades CSV, Binance capture or Databento DBN file through every
 * analytic, then the worker's report (I/O back-pressure included) and the newest snapshot of each instrument as
 * the functions read it back.
 */
public final class WorkerCommand implements Command {

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
            return worker(args, out);
        } catch (Refusal e) {
            err.println("alphacast worker: " + e.getMessage());
            return e.code;
        }
    }

    private int worker(List<String> args, PrintStream out) {
        Path home = Path.of(System.getProperty("alphacast.home", ".")).toAbsolutePath().normalize();
        String profile = null;
        String speed = "max";
        String replay = null;
        List<String> chains = new ArrayList<>();
        boolean live = false;
        long seconds = 0;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> {
                    out.println("usage: ./alphacast worker --replay PATH [--chain FILE]... [--profile NAME]"
                            + " [--speed max|realtime|Nx] [--home DIR]");
                    out.println("       ./alphacast worker --live [--profile NAME] [--seconds N] [--home DIR]");
                    out.println("  Runs the ingest worker on the local cloud's tables and queues, replaying PATH (a trades");
                    out.println("  CSV, a Binance capture, a Lean equity zip or a Databento .dbn/.dbn.zst, format detected) with");
                    out.println("  config/<profile>.yaml's");
                    out.println("  instruments (default profile: demo), and prints its report and the snapshots it wrote.");
                    out.println("  --live runs the instruments' live sources (default profile: production, Binance spot and");
                    out.println("  USD-M futures, public, no key) under the failover supervisor until Ctrl-C or --seconds N.");
                    out.println("  --chain FILE replays a recorded CBOE option chain (quotedata.csv export or delayed-quotes");
                    out.println("  JSON) first, to every instrument whose worker.instruments.<SYMBOL>.chain.underlying names");
                    out.println("  it, so the snapshots carry its GEX, zero gamma and walls. Live, instruments with a chain");
                    out.println("  source poll CBOE during the NYSE session.");
                    out.println("  BINANCE_SPOT_WS_URL/_REST_URL and BINANCE_FUTURES_WS_URL/_REST_URL override the venue,");
                    out.println("  CBOE_URL the CBOE delayed-quotes base URL.");
                    return ExitCode.OK;
                }
                case "--live" -> live = true;
                case "--replay", "--chain", "--profile", "--speed", "--home", "--seconds" -> {
                    if (i + 1 >= args.size()) {
                        throw new Refusal(ExitCode.USAGE, arg + " needs a value");
                    }
                    String value = args.get(++i);
                    switch (arg) {
                        case "--replay" -> replay = value;
                        case "--chain" -> chains.add(value);
                        case "--profile" -> profile = value;
                        case "--speed" -> speed = value;
                        case "--seconds" -> seconds = seconds(value);
                        default -> home = path(arg, value);
                    }
                }
                default -> throw new Refusal(ExitCode.USAGE, "unknown option '" + TerminalText.excerpt(arg)
                        + "' (see ./alphacast worker --help)");
            }
        }
        if (live == (replay != null)) {
            throw new Refusal(ExitCode.USAGE, "give either a recording to replay (--replay PATH) or --live "
                    + "(see ./alphacast worker --help)");
        }
        if (profile == null) {
            profile = live ? "production" : "demo";
        }
        Path file = live ? null : path("--replay", replay);
        if (!live && (!Files.isRegularFile(file) || !Files.isReadable(file))) {
            throw new Refusal(ExitCode.INPUT, "--replay '" + TerminalText.excerpt(replay) + "' is not a readable file");
        }
        if (live && !chains.isEmpty()) {
            throw new Refusal(ExitCode.USAGE, "--chain goes with --replay; live, chains are polled from CBOE "
                    + "(worker.instruments.<SYMBOL>.chain)");
        }
        List<Path> chainFiles = new ArrayList<>();
        for (String chain : chains) {
            Path chainFile = path("--chain", chain);
            if (!Files.isRegularFile(chainFile) || !Files.isReadable(chainFile)) {
                throw new Refusal(ExitCode.INPUT, "--chain '" + TerminalText.excerpt(chain)
                        + "' is not a readable file");
            }
            chainFiles.add(chainFile);
        }
        Path template = home.resolve("template.yaml");
        if (!Files.isRegularFile(template)) {
            throw new Refusal(ExitCode.INPUT, "no template.yaml in " + home + ": run from the repository root or pass "
                    + "--home DIR of a checkout");
        }
        AlphacastSettings settings;
        double multiplier;
        try {
            settings = new SettingsLoader(Optional.of(home.resolve("config"))).load(profile);
            multiplier = ReplaySettings.parseSpeed(speed);
        } catch (ConfigException | IllegalArgumentException e) {
            throw new Refusal(ExitCode.INPUT, e.getMessage());
        }
        LocalCloudOptions options = LocalCloudOptions.forTemplate(template).stackName("worker")
                .parameter("Profile", "demo").withoutFunctions().build();
        try (LocalCloud cloud = LocalCloud.start(options)) {
            Map<String, String> env = new HashMap<>();
            env.put("ALPHACAST_PROFILE", profile);
            env.put("ALPHACAST_CONFIG_DIR", home.resolve("config").toString());
            env.put("ALPHACAST_HOME", home.toString());
            env.put("MARKET_SNAPSHOTS_TABLE", cloud.tableName("MarketSnapshotsTable"));
            env.put("REJECTED_SIGNALS_TABLE", cloud.tableName("RejectedSignalsTable"));
            env.put("SIGNALS_QUEUE_URL", cloud.queueUrl("SignalsQueue"));
            env.put("MARKET_BARS_QUEUE_URL", cloud.queueUrl("MarketBarsQueue"));
            env.put("CONTROL_TABLE", cloud.tableName("ControlTable")); // live: feed status records
            env.put("AWS_REGION", cloud.region());
            env.put("AWS_ACCESS_KEY_ID", "local");
            env.put("AWS_SECRET_ACCESS_KEY", "local");
            env.put("AWS_ENDPOINT_URL_DYNAMODB", cloud.dynamoDbEndpoint().toString());
            env.put("AWS_ENDPOINT_URL_SQS", cloud.sqsEndpoint().toString());
            for (String venue : List.of("BINANCE_SPOT_WS_URL", "BINANCE_SPOT_REST_URL", "BINANCE_FUTURES_WS_URL",
                    "BINANCE_FUTURES_REST_URL", "CBOE_URL")) {
                String value = System.getenv(venue);
                if (value != null && !value.isBlank()) {
                    env.put(venue, value);
                }
            }
            if (live) {
                runLive(env, settings, profile, seconds, out);
            } else {
                out.printf("worker: profile '%s', replaying %s%s at speed %s on the local cloud%n", profile, file,
                        chainFiles.isEmpty() ? "" : " with the chain" + (chainFiles.size() > 1 ? "s " : " ")
                                + chainFiles, speed);
                ReplayReport report;
                try (IngestWorker worker = IngestWorker.start(env)) {
                    report = worker.replay(file, chainFiles, multiplier);
                } catch (InputFormatException | IllegalArgumentException e) {
                    // a recording or chain that cannot be read or that no instrument follows: the input's fault
                    throw new Refusal(ExitCode.INPUT, e.getMessage());
                }
                out.println(WorkerReportText.of(report));
            }
            out.printf("signals waiting in SignalsQueue: %d%n", cloud.messageCount("SignalsQueue"));
            DynamoMarketSnapshots snapshots = new DynamoMarketSnapshots(cloud.dynamoDb(),
                    cloud.tableName("MarketSnapshotsTable"), Duration.ofDays(1));
            out.println("newest snapshot per instrument, as read back from MarketSnapshotsTable:");
            for (InstrumentSettings instrument : settings.worker().instruments()) {
                snapshots.latest(instrument.symbol()).ifPresentOrElse(s -> out.println("  " + describe(s)),
                        () -> out.printf("  %s: none%n", instrument.symbol()));
            }
            return ExitCode.OK;
        } catch (TemplateRefusedException e) {
            throw new Refusal(ExitCode.INPUT, e.getMessage());
        }
    }

    /** Live until {@code seconds} have passed (0: until the process is interrupted), then the sources close. */
    private static void runLive(Map<String, String> env, AlphacastSettings settings, String profile, long seconds,
                                PrintStream out) {
        out.printf("worker: profile '%s', live %s on the local cloud%s%n", profile, settings.worker().symbols(),
                seconds > 0 ? " for " + seconds + " s" : " until Ctrl-C");
        try (IngestWorker worker = IngestWorker.start(env); LiveSession.Running running = worker.live()) {
            Thread.sleep(seconds > 0 ? seconds * 1000 : Long.MAX_VALUE);
            out.printf("worker: %d market events, %d bars, %d signals%n", running.state().events(),
                    running.pipeline().barsClosed(), running.pipeline().signals());
        } catch (IllegalArgumentException e) {
            throw new Refusal(ExitCode.INPUT, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long seconds(String value) {
        try {
            long n = Long.parseLong(value);
            if (n > 0 && n <= 86_400 * 365L) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Refusal(ExitCode.USAGE, "--seconds must be a whole number of seconds > 0, was '"
                + TerminalText.excerpt(value) + "'");
    }

    private static String describe(MarketSnapshot s) {
        MarketAnalytics a = s.analytics();
        String chain = a.chain().map(c -> String.format(Locale.ROOT,
                " | GEX %.4g DEX %.4g zero gamma %.2f call wall %.2f put wall %.2f unusual %d", c.netGex(),
                c.netDex(), c.zeroGamma(), c.callWall(), c.putWall(), c.unusualContracts())).orElse("");
        return String.format(Locale.ROOT, "%s bar %s close %s vol %d | %s VPIN %.3f OBI %.3f microprice %.6g "
                        + "spread %.6g | vol %.3f %s | volume z %.2f x%.2f%s | sweeps %d rejected prints %d%s",
                s.symbol(), s.bar().start(), s.bar().close(), s.bar().volume(), a.health(), a.vpin(),
                a.orderBookImbalance(), a.microprice(), a.spread(), a.realizedVolatility(), a.regime(),
                a.volumeZScore(), a.volumeRatio(), a.unusualVolume() ? " unusual" : "", a.sweeps(), a.rejectedPrints(),
                chain);
    }

    private static Path path(String option, String value) {
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new Refusal(ExitCode.USAGE, option + " '" + TerminalText.excerpt(value) + "' is not a valid path");
        }
    }
}
