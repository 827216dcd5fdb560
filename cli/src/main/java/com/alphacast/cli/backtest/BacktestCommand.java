package com.alphacast.cli.backtest;

import com.alphacast.aws.config.ConfigException;
import com.alphacast.aws.config.SettingsLoader;
import com.alphacast.aws.config.StrategyProfilesLoader;
import com.alphacast.cli.Command;
import com.alphacast.cli.ExitCode;
import com.alphacast.core.backtest.BacktestReport;
import com.alphacast.core.backtest.BacktestSession;
import com.alphacast.core.backtest.PaperDesk;
import com.alphacast.core.backtest.TradedInstrument;
import com.alphacast.core.calendar.ShippedCalendars;
import com.alphacast.core.options.activity.UnusualOptionsActivity;
import com.alphacast.core.options.gex.GammaExposure;
import com.alphacast.core.options.gex.GexConvention;
import com.alphacast.core.risk.RiskCheck;
import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.core.settings.InstrumentSettings;
import com.alphacast.core.settings.MarketSettings;
import com.alphacast.core.state.ChainAnalytics;
import com.alphacast.core.state.MarketState;
import com.alphacast.core.strategy.ConflictResolver;
import com.alphacast.core.strategy.Strategy;
import com.alphacast.core.strategy.StrategyCatalog;
import com.alphacast.core.strategy.StrategyDesk;
import com.alphacast.core.strategy.StrategyProfile;
import com.alphacast.core.strategy.volumespike.VolumeSpikeStrategy;
import com.alphacast.core.text.TerminalText;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ./alphacast backtest --data PATH --strategies LIST|all [--from DATE --to DATE] [--profile NAME]
 * [--format json|text] [--out DIR]}: replays recorded sessions in process, in the data's own time, through the
 * worker's market state, the strategies' desk, the risk check and the paper broker (core {@code backtest}), and
 * reports per strategy and overall; writes {@code backtest-report.json} and {@code backtest-equity.png} into
 * {@code --out}. No AWS, no wall clock: the same data and settings give the same report, byte for byte.
 */
public final class BacktestCommand implements Command {

    static final String REPORT_FILE = "backtest-report.json";
    static final String CHART_FILE = "backtest-equity.png";
    private static final Duration DEFAULT_CONFLICT_WINDOW = Duration.ofMinutes(30);

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            return backtest(args, out);
        } catch (BacktestRefusal e) {
            err.println("alphacast backtest: " + e.getMessage());
            return e.code();
        }
    }

    private int backtest(List<String> args, PrintStream out) {
        Path home = Path.of(System.getProperty("alphacast.home", ".")).toAbsolutePath().normalize();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> {
                    usage(out);
                    return ExitCode.OK;
                }
                case "--data", "--strategies", "--from", "--to", "--profile", "--format", "--out", "--home" -> {
                    if (i + 1 >= args.size()) {
                        throw usage(arg + " needs a value");
                    }
                    if (options.put(arg, args.get(++i)) != null) {
                        throw usage(arg + " is given twice");
                    }
                }
                default -> throw usage("unknown option '" + TerminalText.excerpt(arg) + "'");
            }
        }
        if (options.containsKey("--home")) {
            home = Path.of(options.get("--home")).toAbsolutePath().normalize();
        }
        if (!options.containsKey("--data")) {
            throw usage("--data PATH is required (a recording or a directory of recordings)");
        }
        if (!options.containsKey("--strategies")) {
            throw usage("--strategies LIST|all is required (known: " + known() + ")");
        }
        String format = options.getOrDefault("--format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw usage("--format must be json or text, was '" + TerminalText.excerpt(format) + "'");
        }
        LocalDate from = date(options, "--from");
        LocalDate to = date(options, "--to");
        if (from != null && to != null && to.isBefore(from)) {
            throw usage("--to " + to + " is before --from " + from);
        }
        List<String> strategies = strategies(options.get("--strategies"));
        String profile = options.getOrDefault("--profile", "backtest");
        Path data = resolve(home, options.get("--data"));
        Path outDir = resolve(home, options.getOrDefault("--out", ".alphacast/backtest"));

        Map<String, String> environment = Map.of(SettingsLoader.CONFIG_DIR_VARIABLE, home.resolve("config").toString());
        AlphacastSettings settings;
        Optional<StrategyProfile> configured;
        try {
            settings = new SettingsLoader(Optional.of(home.resolve("config"))).load(profile);
            configured = settings.worker().strategies().profile()
                    .map(name -> new StrategyProfilesLoader().load(environment, name));
        } catch (ConfigException | IllegalArgumentException e) {
            throw new BacktestRefusal(ExitCode.INPUT, e.getMessage());
        }
        RecordedSessions sessions = RecordedSessions.at(data);

        ZoneId zone = settings.worker().strategies().exchange().zone();
        StrategyCatalog catalog = new StrategyCatalog(new ShippedCalendars().calendar(
                settings.worker().strategies().exchange()), new GammaExposure(GexConvention.DEFAULT));
        Optional<StrategyProfile> selected = selection(configured, strategies);
        Map<String, StrategyDesk> desks = new HashMap<>();
        List<TradedInstrument> traded = new ArrayList<>();
        try {
            for (InstrumentSettings instrument : settings.worker().instruments()) {
                desks.put(instrument.symbol(), desk(settings, instrument, catalog, selected, strategies));
                double multiplier = instrument.symbol().equals(settings.market().symbol())
                        ? settings.market().contractMultiplier() : 1;
                traded.add(new TradedInstrument(instrument.symbol(), instrument.tickSize(), multiplier));
            }
        } catch (IllegalArgumentException e) {
            throw new BacktestRefusal(ExitCode.INPUT, e.getMessage());
        }
        PaperDesk paper = new PaperDesk(new RiskCheck(settings.risk()), traded, settings.broker().slippageTicks(), zone);
        BacktestSession session = new BacktestSession(desks, strategies, paper);
        MarketState state = new MarketState(settings.worker(), settings.volumeSpike(),
                new ChainAnalytics(new GammaExposure(GexConvention.DEFAULT), UnusualOptionsActivity.DEFAULT), session);
        SessionDates dates = new SessionDates(state, zone, from, to);
        sessions.replay(dates, settings.worker().instruments());
        // the feeds ended DISCONNECTED: the bars still open close silenced and are never traded, as in a replay
        state.finish(dates.lastNanos());
        BacktestReport report = session.finish();

        BacktestRun run = new BacktestRun(display(home, data), sessions.files().stream()
                .map(file -> display(data, file)).toList(), profile, configured.map(StrategyProfile::name),
                strategies, from, to, settings.worker().symbols(), sessions.dropped(), report, zone);
        String json = BacktestJson.render(run);
        byte[] png = EquityChart.png(run);
        try {
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve(REPORT_FILE), json, StandardCharsets.UTF_8);
            Files.write(outDir.resolve(CHART_FILE), png);
        } catch (IOException e) {
            throw new BacktestRefusal(ExitCode.INPUT, "--out " + outDir + ": cannot write the report: " + e.getMessage());
        }
        if (format.equals("json")) {
            out.print(json);
        } else {
            out.print(BacktestText.render(run));
            out.println("report: " + outDir.resolve(REPORT_FILE));
            out.println("chart:  " + outDir.resolve(CHART_FILE));
        }
        return ExitCode.OK;
    }

    /** Every strategy name the backtest knows: the profile strategies and the per-instrument volume spike. */
    static List<String> known() {
        List<String> names = new ArrayList<>(StrategyCatalog.NAMES);
        names.add(VolumeSpikeStrategy.NAME);
        return List.copyOf(names);
    }

    private static List<String> strategies(String list) {
        if (list.trim().equals("all")) {
            return known();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String part : list.split(",", -1)) {
            String name = part.trim();
            if (!known().contains(name)) {
                throw usage("--strategies names unknown strategy '" + TerminalText.excerpt(name) + "'; known: "
                        + String.join(", ", known()) + ", or all");
            }
            if (!names.add(name)) {
                throw usage("--strategies names " + name + " twice");
            }
        }
        return List.copyOf(names);
    }

    /**
     * The profile the catalog builds: the settings' strategy profile (order, conflict window, parameters) narrowed
     * to the asked strategies, those it does not list appended with their documented defaults; empty when only the
     * volume spike is asked for.
     */
    private static Optional<StrategyProfile> selection(Optional<StrategyProfile> configured, List<String> asked) {
        List<String> order = new ArrayList<>();
        configured.ifPresent(p -> p.order().stream().filter(asked::contains).forEach(order::add));
        asked.stream().filter(name -> !order.contains(name) && !name.equals(VolumeSpikeStrategy.NAME))
                .forEach(order::add);
        if (order.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, String>> parameters = new HashMap<>();
        configured.ifPresent(p -> p.parameters().forEach((name, values) -> {
            if (order.contains(name)) {
                parameters.put(name, values);
            }
        }));
        return Optional.of(new StrategyProfile(configured.map(StrategyProfile::name).orElse("defaults"),
                configured.map(StrategyProfile::source).orElse(StrategyProfilesLoader.FILE), order,
                configured.map(StrategyProfile::conflictWindow).orElse(DEFAULT_CONFLICT_WINDOW), parameters));
    }

    private static StrategyDesk desk(AlphacastSettings settings, InstrumentSettings instrument, StrategyCatalog catalog,
                                     Optional<StrategyProfile> selected, List<String> asked) {
        List<Strategy> strategies = new ArrayList<>(selected.map(catalog::build).orElse(List.of()));
        List<String> order = new ArrayList<>(selected.map(StrategyProfile::order).orElse(List.of()));
        MarketSettings market = instrument.market(settings.market(), settings.market().contractMultiplier());
        if (asked.contains(VolumeSpikeStrategy.NAME)) {
            strategies.add(new VolumeSpikeStrategy(market, settings.volumeSpike()));
            order.add(VolumeSpikeStrategy.NAME);
        }
        Duration window = selected.map(StrategyProfile::conflictWindow).orElse(Duration.ZERO);
        // as in the worker: signals on the configured contract, levels on its tick
        return new StrategyDesk(strategies, new ConflictResolver(window, order))
                .tradedAs(market.instrument(), market.tickSize());
    }

    private static LocalDate date(Map<String, String> options, String option) {
        String text = options.get(option);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw usage(option + " must be a date like 2013-10-07, was '" + TerminalText.excerpt(text) + "'");
        }
    }

    private static Path resolve(Path home, String path) {
        Path given = Path.of(path);
        return (given.isAbsolute() ? given : home.resolve(given)).normalize();
    }

    /** A path as the report shows it: relative to {@code base} when inside it, so reports do not name the machine. */
    private static String display(Path base, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path root = base.toAbsolutePath().normalize();
        if (absolute.equals(root)) {
            return absolute.getFileName().toString();
        }
        return absolute.startsWith(root) ? root.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
    }

    private static BacktestRefusal usage(String message) {
        return new BacktestRefusal(ExitCode.USAGE, message + " (see ./alphacast backtest --help)");
    }

    private static void usage(PrintStream out) {
        out.println("usage: ./alphacast backtest --data PATH --strategies LIST|all [--from DATE --to DATE]");
        out.println("                            [--profile NAME] [--format json|text] [--out DIR] [--home DIR]");
        out.println("  Replays recorded sessions (a file, or every .zip/.csv/.capture/.jsonl/.gz under a directory:");
        out.println("  Lean equity zips, trades CSVs, Binance captures) in simulated time through the worker's");
        out.println("  analytics, the strategies, the risk check and the paper broker, and reports per strategy and");
        out.println("  overall: signals, win rate, average R, P&L, max drawdown, Sharpe (per trade, on R), exposure.");
        out.println("  --strategies: comma-separated names or all; known: " + String.join(", ", known()));
        out.println("  --from/--to:  first/last session date (exchange time), inclusive");
        out.println("  --profile:    settings profile config/<NAME>.yaml (default backtest): instruments, risk limits,");
        out.println("                broker slippage and the strategy profile whose parameters the strategies use");
        out.println("  --out:        where backtest-report.json and backtest-equity.png go (default .alphacast/backtest)");
        out.println("  Exit codes: 64 usage, 65 bad input (the file and line are named).");
    }
}
