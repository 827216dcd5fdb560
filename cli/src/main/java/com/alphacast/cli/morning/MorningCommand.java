package com.alphacast.cli.morning;

import com.alphacast.aws.config.ConfigException;
import com.alphacast.aws.config.SettingsLoader;
import com.alphacast.cli.Command;
import com.alphacast.cli.ExitCode;
import com.alphacast.cli.demo.DemoOutbox;
import com.alphacast.cli.demo.RunLock;
import com.alphacast.core.calendar.Exchange;
import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.calendar.ShippedCalendars;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.feed.InputLines;
import com.alphacast.core.feed.cboe.CboeQuoteDataParser;
import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.core.settings.TierPolicy;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.LocalCloudOptions;
import com.alphacast.localcloud.function.FunctionPackageMissingException;
import com.alphacast.localcloud.template.TemplateRefusedException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./alphacast morning}: the briefing of one session, built and published on the local stack from the shipped
 * data. Everything a user can get wrong (options, home, profile, chain file, model settings) is checked before
 * anything starts (64 usage, 65 input naming the file or key). The run then owns {@code <home>/.alphacast} like the
 * demo ({@link RunLock}; the outbox is emptied the same way), starts the template's MorningAnalysisFunction and
 * DistributionFunction from their packages, and lets {@link BriefingRun} fire the pre-market schedule.
 */
public final class MorningCommand implements Command {

    /** The option chain shipped for the briefing (data/demo/README.md). */
    static final String SHIPPED_CHAIN = "data/demo/spy_quotedata_2025-09-25.csv";
    /** Time for the functions to finish after the longest tier delay has passed. */
    static final Duration DRAIN_MARGIN = Duration.ofMinutes(2);

    private final Map<String, String> processEnvironment;
    private final Clock clock;

    public MorningCommand() {
        this(System.getenv(), Clock.systemUTC());
    }

    /**
     * @param processEnvironment where {@code --llm openai|bedrock} read their settings
     * @param clock              what "today" is when no {@code --date} is given
     */
    public MorningCommand(Map<String, String> processEnvironment, Clock clock) {
        this.processEnvironment = Map.copyOf(processEnvironment);
        this.clock = clock;
    }

    /** A run that cannot go on: one line for the user and the exit code. */
    private static final class Refusal extends RuntimeException {
        private final int code;

        Refusal(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(MorningOptions.USAGE);
            return ExitCode.OK;
        }
        try {
            MorningOptions options = MorningOptions.parse(args,
                    Path.of(System.getProperty("alphacast.home", ".")).toAbsolutePath().normalize());
            return morning(options, out, err);
        } catch (MorningOptions.UsageError e) {
            err.println("alphacast morning: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (Refusal e) {
            err.println("alphacast morning: " + e.getMessage());
            return e.code;
        }
    }

    private int morning(MorningOptions options, PrintStream out, PrintStream err) {
        Path home = options.home();
        Path template = home.resolve("template.yaml");
        if (!Files.isRegularFile(template)) {
            throw new Refusal(ExitCode.INPUT, "no template.yaml in " + home + ": run from the repository root or pass "
                    + "--home DIR of a checkout");
        }
        AlphacastSettings settings;
        try {
            settings = new SettingsLoader(Optional.of(home.resolve("config"))).load(options.profile());
        } catch (ConfigException | IllegalArgumentException e) {
            throw new Refusal(ExitCode.INPUT, e.getMessage());
        }
        Path chain = options.chainFile();
        checkChain(chain);
        MarketCalendar calendar = new ShippedCalendars().calendar(Exchange.XNYS);
        LocalDate session = session(options, calendar);

        ModelChoice model;
        try {
            model = ModelChoice.of(options.model(), processEnvironment);
        } catch (ConfigException e) {
            throw new Refusal(ExitCode.INPUT, e.getMessage());
        }
        try (model) {
            Map<String, String> shared = new HashMap<>(model.environment());
            shared.put("ALPHACAST_PROFILE", options.profile());
            shared.put("ALPHACAST_CONFIG_DIR", home.resolve("config").toString());
            shared.put("ALPHACAST_HOME", home.toString());
            LocalCloudOptions cloudOptions = LocalCloudOptions.forTemplate(template)
                    .stackName("morning")
                    .parameter("Profile", options.profile())
                    .parameter("BriefingOptionChainFile", chain.toString())
                    .parameters(model.parameters())
                    .functionEnvironment(shared)
                    .onlyFunctions(BriefingRun.FUNCTION, "DistributionFunction")
                    .build();
            try {
                LocalCloud.check(cloudOptions);
            } catch (FunctionPackageMissingException e) {
                throw new Refusal(ExitCode.FAILED, e.getMessage());
            } catch (TemplateRefusedException | IllegalArgumentException e) {
                throw new Refusal(ExitCode.INPUT, "--profile '" + options.profile() + "': " + e.getMessage());
            }
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
                if (options.format() == MorningOptions.Format.TEXT) {
                    out.printf("Briefing of %s on the local cloud (MorningAnalysisFunction + DistributionFunction,"
                            + " profile '%s'), chain %s ...%n", session, options.profile(), chain);
                }
                BriefingRun.Result result;
                try (LocalCloud cloud = LocalCloud.start(cloudOptions)) {
                    result = new BriefingRun(calendar).run(cloud, session, drainTimeout(settings), outbox,
                            home.resolve(".alphacast").resolve("briefing"));
                } catch (BriefingRun.FunctionFailedException | FunctionPackageMissingException e) {
                    throw new Refusal(ExitCode.FAILED, e.getMessage());
                } catch (IllegalStateException e) {
                    throw new Refusal(ExitCode.FAILED, "the briefing did not go out: " + e.getMessage());
                }
                BriefingPrinter printer = new BriefingPrinter(out, home);
                if (options.format() == MorningOptions.Format.JSON) {
                    printer.json(result, model.describe());
                } else {
                    printer.text(result, model.describe());
                }
                return ExitCode.OK;
            }
        }
    }

    /** The chain is read as strictly as {@code analyze gex} reads it, so a bad file is named before anything starts. */
    private static void checkChain(Path chain) {
        if (!Files.isRegularFile(chain) || !Files.isReadable(chain)) {
            throw new Refusal(ExitCode.INPUT, "--chain " + chain + ": not a readable file");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(chain)); Reader reader = InputLines.utf8(in)) {
            new CboeQuoteDataParser().parse(reader, chain.toString());
        } catch (IOException e) {
            throw new Refusal(ExitCode.INPUT, "--chain " + chain + ": cannot read (" + e.getMessage() + ")");
        } catch (InputFormatException e) {
            throw new Refusal(ExitCode.INPUT, "--chain: " + e.getMessage());
        }
    }

    private LocalDate session(MorningOptions options, MarketCalendar calendar) {
        if (options.date().isPresent()) {
            LocalDate date = options.date().get();
            if (!calendar.covers(date)) {
                throw new MorningOptions.UsageError("--date " + date + " is outside the years the NYSE calendar covers");
            }
            return date;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), calendar.exchange().zone());
        return calendar.session(today).isPresent() ? today : calendar.nextSession(today).date();
    }

    /** The longest tier delay plus {@link #DRAIN_MARGIN}: delayed tiers are waited for, not cut off. */
    private static Duration drainTimeout(AlphacastSettings settings) {
        return DRAIN_MARGIN.plusSeconds(settings.distribution().tiers().values().stream()
                .mapToInt(TierPolicy::delaySeconds).max().orElse(0));
    }
}
