package com.alphacast.aws.config;

import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.calendar.Exchange;
import com.alphacast.core.calendar.TradingSession;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.settings.SubscriptionSettings;
import com.alphacast.core.settings.TierAccess;
import com.alphacast.core.subscription.Plan;
import com.alphacast.core.subscription.PriceList;
import com.alphacast.core.risk.RiskLimits;
import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.core.broker.options.OptionFillRules;
import com.alphacast.core.settings.BrokerSettings;
import com.alphacast.core.settings.ChainSourceSettings;
import com.alphacast.core.settings.ChannelSettings;
import com.alphacast.core.settings.DistributionSettings;
import com.alphacast.core.settings.InstrumentSettings;
import com.alphacast.core.settings.MarketSettings;
import com.alphacast.core.settings.Redaction;
import com.alphacast.core.settings.ReplaySettings;
import com.alphacast.core.settings.TierPolicy;
import com.alphacast.core.settings.VolumeSpikeSettings;
import com.alphacast.core.settings.WorkerSettings;
import com.alphacast.core.settings.WorkerStrategies;
import com.alphacast.core.text.TerminalText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Loads and validates {@code config/<profile>.yaml}. Every key is optional and has the documented default
 * (see {@code config/README.md}); an unknown key or a bad value stops loading with a message naming the
 * file and the key. The directory comes from {@code ALPHACAST_CONFIG_DIR}; without it the profile is read
 * from the classpath ({@code config/} is bundled into the function and worker jars).
 */
public final class SettingsLoader {

    public static final String CONFIG_DIR_VARIABLE = "ALPHACAST_CONFIG_DIR";

    private final Optional<Path> directory;

    public SettingsLoader(Optional<Path> directory) {
        this.directory = directory;
    }

    /** The loader an environment asks for: {@code ALPHACAST_CONFIG_DIR} if set, else the classpath. */
    public static SettingsLoader fromEnvironment(Map<String, String> environment) {
        return new SettingsLoader(Optional.ofNullable(environment.get(CONFIG_DIR_VARIABLE))
                .filter(s -> !s.isBlank()).map(Path::of));
    }

    public AlphacastSettings load(String profile) {
        if (profile == null || !profile.matches("[a-z0-9][a-z0-9-]*")) {
            throw new ConfigException("profile must be a lower-case name like 'demo', got " + Redaction.preview(profile));
        }
        String name = "config/" + profile + ".yaml";
        String text;
        String file;
        if (directory.isPresent()) {
            Path path = directory.get().resolve(profile + ".yaml");
            file = path.toString();
            if (!Files.isRegularFile(path)) {
                throw new ConfigException(file + ": no such settings file for profile '" + profile + "'");
            }
            try {
                text = Files.readString(path, StandardCharsets.UTF_8);
            } catch (CharacterCodingException e) {
                throw new ConfigException(file + ": not valid UTF-8 text; save the settings file as UTF-8", e);
            } catch (IOException e) {
                throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
            }
        } else {
            file = "classpath:" + name;
            try (InputStream in = SettingsLoader.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new ConfigException(file + ": no such settings file for profile '" + profile + "'");
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
            }
        }
        return parse(profile, file, text);
    }

    /** Parses settings text; {@code file} is only used in error messages. */
    public AlphacastSettings parse(String profile, String file, String text) {
        Object document;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false); // a key given twice is a mistake, not "the last one wins"
            document = new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            // SnakeYAML's message quotes the offending line, which may hold a pasted secret: keep the problem and
            // its position only, and not the exception as cause.
            throw new ConfigException(file + ": not valid YAML: " + TerminalText.excerpt(yamlProblem(e), 400));
        }
        if (document != null && !(document instanceof Map)) {
            throw new ConfigException(file + ": expected a mapping of sections at the top level");
        }
        ConfigSection root = ConfigSection.root(file, document == null ? Map.of() : (Map<?, ?>) document);
        AlphacastSettings settings;
        try {
            MarketSettings market = market(root.section("market"));
            settings = new AlphacastSettings(profile, file, market, replay(root.section("replay")),
                    volumeSpike(root.section("strategy").section("volumeSpike")), risk(root.section("risk")),
                    broker(root.section("broker")), distribution(root.section("distribution")),
                    subscriptions(root.section("subscriptions")),
                    worker(root.section("worker"), market));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
        root.rejectUnknownKeys();
        return settings;
    }

    private static String yamlProblem(YAMLException e) {
        if (e instanceof MarkedYAMLException marked) {
            Mark mark = marked.getProblemMark();
            return (marked.getProblem() == null ? "unreadable" : marked.getProblem())
                    + (mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1));
        }
        return e.getClass().getSimpleName();
    }

    private static MarketSettings market(ConfigSection s) {
        ZoneId zone;
        LocalTime open;
        try {
            zone = ZoneId.of(s.text("timeZone", "America/New_York"));
        } catch (DateTimeException e) {
            throw s.error("timeZone", "unknown time zone " + Redaction.preview(s.text("timeZone", "America/New_York")));
        }
        try {
            open = LocalTime.parse(s.text("sessionOpen", "18:00"));
        } catch (DateTimeException e) {
            throw s.error("sessionOpen", "expected a time like 18:00");
        }
        return new MarketSettings(s.text("symbol", "ES"), s.text("instrument", "ESU1"),
                s.decimal("tickSize", 0.25, 1e-9, 1e6), s.decimal("contractMultiplier", 50, 1e-9, 1e9),
                new TradingSession(zone, open));
    }

    private static ReplaySettings replay(ConfigSection s) {
        String speed = s.text("speed", "max");
        try {
            ReplaySettings.parseSpeed(speed);
        } catch (IllegalArgumentException e) {
            throw s.error("speed", e.getMessage());
        }
        return new ReplaySettings(s.text("file", ReplaySettings.NO_FILE), speed);
    }

    /** Without a {@code worker.instruments} mapping the worker follows the market's symbol from a replay. */
    private static WorkerSettings worker(ConfigSection s, MarketSettings market) {
        int capacity = s.integer("ioQueueCapacity", 4096, 1, 1_000_000);
        int correlationBars = s.integer("correlationBars", 30, 3, 100_000);
        int stalenessMillis = s.integer("stalenessMillis", 5_000, 100, 3_600_000);
        int failbackSeconds = s.integer("failbackSeconds", 30, 0, 86_400);
        ConfigSection instruments = s.section("instruments");
        List<InstrumentSettings> list = new ArrayList<>();
        for (String symbol : instruments.keys()) {
            if (!symbol.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,39}")) {
                throw instruments.error(symbol, "an instrument symbol is 1-40 letters, digits, '.', '_' or '-'");
            }
            list.add(instrument(instruments.section(symbol), symbol, symbol, market.tickSize()));
        }
        if (list.isEmpty()) {
            list.add(instrument(instruments.section(market.symbol()), market.symbol(), market.instrument(),
                    market.tickSize()));
        }
        return new WorkerSettings(list, capacity, correlationBars, Duration.ofMillis(stalenessMillis),
                Duration.ofSeconds(failbackSeconds), strategies(s.section("strategies")));
    }

    /** The profile is checked against config/strategy-profiles.yaml when the worker builds its desks. */
    private static WorkerStrategies strategies(ConfigSection s) {
        Optional<String> profile = Optional.empty();
        if (s.has("profile")) {
            String name = s.text("profile", "");
            if (!name.matches("[a-z0-9][a-z0-9-]{0,39}")) {
                throw s.error("profile", "a strategy profile is a lower-case name like 'aggressive', got "
                        + TerminalText.excerpt(Redaction.preview(name)));
            }
            profile = Optional.of(name);
        }
        String exchange = s.choice("exchange", "xnys", "xnys", "xnas", "xcme");
        return new WorkerStrategies(profile, Exchange.valueOf(exchange.toUpperCase(Locale.ROOT)));
    }

    private static InstrumentSettings instrument(ConfigSection s, String symbol, String defaultInstrument,
                                                 double defaultTick) {
        List<String> sources = s.has("sources") ? s.strings("sources") : List.of("replay");
        if (sources.isEmpty()) {
            throw s.error("sources", "list at least one source, the primary first");
        }
        for (String source : sources) {
            if (!source.matches("[a-z0-9][a-z0-9-]{0,39}")) {
                throw s.error("sources", "a source name is lower-case letters, digits and '-', got "
                        + TerminalText.excerpt(Redaction.preview(source)));
            }
        }
        if (sources.stream().distinct().count() != sources.size()) {
            throw s.error("sources", "a source is listed twice");
        }
        double low = s.decimal("regimeLow", 0.10, 0, 100);
        double high = s.decimal("regimeHigh", 0.25, 0, 100);
        if (!(low < high)) {
            throw s.error("regimeHigh", "must be above regimeLow (" + low + "), got " + high);
        }
        DepthProtocol protocol = s.choice("depthProtocol", "spot", "spot", "futures").equals("spot")
                ? DepthProtocol.SPOT : DepthProtocol.FUTURES;
        boolean optionChain = s.flag("optionChain", false);
        Optional<ChainSourceSettings> chain = s.has("chain") ? Optional.of(chain(s.section("chain")))
                : Optional.empty();
        if (chain.isPresent() && s.has("optionChain") && !optionChain) {
            throw s.error("optionChain", "is false but a chain source is configured (chain analytics are kept for "
                    + "every instrument with a chain; remove optionChain)");
        }
        return new InstrumentSettings(symbol, s.text("instrument", defaultInstrument),
                s.decimal("tickSize", defaultTick, 1e-12, 1e6), s.decimal("lotSize", 1, 1e-12, 1e9), sources,
                protocol, s.integer("badPrintWindow", 21, 3, 10_000), s.decimal("badPrintBand", 0.01, 1e-6, 1),
                s.decimal("vpinBucketVolume", 500, 1, 1e15), s.integer("vpinWindow", 50, 1, 10_000),
                s.integer("volatilityBars", 30, 2, 100_000), s.decimal("periodsPerYear", 252 * 390, 1, 1e9),
                low, high, optionChain || chain.isPresent(), chain);
    }

    /** {@code chain: {source: cboe, underlying: SPY, intervalSeconds: 60}}. */
    private static ChainSourceSettings chain(ConfigSection s) {
        String source = s.choice("source", ChainSourceSettings.CBOE, ChainSourceSettings.CBOE);
        if (!s.has("underlying")) {
            throw s.error("underlying", "required: the underlying as CBOE names it (SPY, or _SPX for an index)");
        }
        String underlying = s.text("underlying", "");
        if (!underlying.matches(ChainSourceSettings.UNDERLYING_PATTERN)) {
            throw s.error("underlying", "must be a CBOE symbol like SPY, or _SPX for an index (upper case), got '"
                    + TerminalText.excerpt(Redaction.preview(underlying)) + "'");
        }
        int interval = s.integer("intervalSeconds", (int) ChainSourceSettings.DEFAULT_INTERVAL.toSeconds(),
                (int) ChainSourceSettings.MIN_INTERVAL.toSeconds(), 86_400);
        return new ChainSourceSettings(source, underlying, Duration.ofSeconds(interval));
    }

    private static VolumeSpikeSettings volumeSpike(ConfigSection s) {
        return new VolumeSpikeSettings(
                s.integer("barSeconds", 60, 1, 86_400),
                s.integer("baselineBars", 20, 2, 10_000),
                s.decimal("minVolumeRatio", 3.0, 0, 1e6),
                s.decimal("minZScore", 2.5, 0, 1e6),
                s.integer("minBodyTicks", 2, 0, 1_000_000),
                s.integer("stopTicks", 8, 1, 1_000_000),
                s.decimal("rewardToRisk", 2.0, 0.01, 1_000),
                s.integer("quantity", 1, 1, 1_000_000),
                s.integer("cooldownBars", 5, 0, 1_000_000));
    }

    private static RiskLimits risk(ConfigSection s) {
        return new RiskLimits(
                s.integer("maxOpenPositions", 3, 0, 100_000),
                s.integer("maxSignalsPerDay", 10, 0, 1_000_000),
                s.integer("maxQuantity", 10, 1, 1_000_000),
                s.decimal("minRewardToRisk", 1.5, 0, 1_000),
                s.integer("maxSignalAgeSeconds", 120, 1, 86_400));
    }

    private static BrokerSettings broker(ConfigSection s) {
        ConfigSection options = s.section("options");
        OptionFillRules defaults = BrokerSettings.DEFAULT_OPTIONS;
        OptionFillRules rules = new OptionFillRules(
                options.integer("slippageTicks", defaults.slippageTicks(), 0, 1_000),
                options.decimal("maxSpreadFraction", defaults.maxSpreadFraction(), 0.0001, 10),
                options.integer("minOpenInterest", (int) defaults.minOpenInterest(), 0, 100_000_000),
                options.integer("zeroDteExitMinutesBeforeClose", defaults.zeroDteExitMinutesBeforeClose(), 0, 390));
        return new BrokerSettings(s.choice("kind", "paper", "paper"), s.integer("slippageTicks", 1, 0, 1_000), rules);
    }

    private static DistributionSettings distribution(ConfigSection s) {
        String outbox = s.text("outboxDirectory", ".alphacast/outbox");
        try {
            DistributionSettings.checkOutboxDirectory(outbox);
        } catch (IllegalArgumentException e) {
            throw s.error("outboxDirectory", e.getMessage());
        }
        ConfigSection tiers = s.section("tiers");
        Map<Tier, TierPolicy> policies = new EnumMap<>(Tier.class);
        int[] defaultDelays = {0, 300, 900};
        for (String key : tiers.keys()) {
            try {
                Tier.fromKey(key);
            } catch (IllegalArgumentException e) {
                throw tiers.error(key, e.getMessage());
            }
        }
        for (Tier tier : Tier.values()) {
            ConfigSection t = tiers.section(tier.key());
            int delay = t.integer("delaySeconds", defaultDelays[tier.ordinal()], 0, 900);
            ConfigSection destinations = t.section("destinations");
            Map<Channel, List<String>> byChannel = new EnumMap<>(Channel.class);
            for (String key : destinations.keys()) {
                try {
                    Channel.fromKey(key);
                } catch (IllegalArgumentException e) {
                    throw destinations.error(key, e.getMessage());
                }
            }
            for (Channel channel : Channel.values()) {
                List<String> list = destinations.strings(channel.key());
                if (!list.isEmpty()) {
                    byChannel.put(channel, list);
                }
            }
            policies.put(tier, new TierPolicy(delay, byChannel));
        }
        ConfigSection channels = s.section("channels");
        for (String key : channels.keys()) {
            try {
                Channel.fromKey(key);
            } catch (IllegalArgumentException e) {
                throw channels.error(key, e.getMessage());
            }
        }
        Map<Channel, ChannelSettings> sinks = new EnumMap<>(Channel.class);
        Map<Channel, String> defaultBase = Map.of(Channel.TELEGRAM, "https://api.telegram.org",
                Channel.DISCORD, "https://discord.com/api/v10", Channel.X, "https://api.x.com");
        for (Channel channel : Channel.values()) {
            ConfigSection c = channels.section(channel.key());
            ChannelSettings.SinkKind kind = ChannelSettings.SinkKind.valueOf(
                    c.choice("sink", "outbox", "outbox", "live").toUpperCase(Locale.ROOT));
            Optional<String> credential = c.secretReference("credential");
            if (kind == ChannelSettings.SinkKind.LIVE && credential.isEmpty()) {
                throw c.error("credential", "a live " + channel.key() + " sink needs a credential reference");
            }
            sinks.put(channel, new ChannelSettings(kind, credential, c.text("apiBaseUrl", defaultBase.get(channel))));
        }
        return new DistributionSettings(outbox, policies, sinks);
    }

    /** {@code subscriptions.plans.<tier>.<days>d: <stars>}, {@code subscriptions.access.<tier>.*}, ... */
    private static SubscriptionSettings subscriptions(ConfigSection s) {
        ConfigSection plansSection = s.section("plans");
        List<Plan> plans = new ArrayList<>();
        for (String tierKey : plansSection.keys()) {
            Tier tier = paidTier(plansSection, tierKey);
            ConfigSection periods = plansSection.section(tierKey);
            for (String period : periods.keys()) {
                if (!period.matches("[1-9][0-9]{0,3}d")) {
                    throw periods.error(period, "a period is a number of days like 30d");
                }
                int days = Integer.parseInt(period.substring(0, period.length() - 1));
                int stars = periods.integer(period, 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
                if (stars <= 0) {
                    throw periods.error(period, "a price is a positive number of Telegram Stars (XTR), got " + stars);
                }
                try {
                    plans.add(new Plan(tier, days, stars));
                } catch (IllegalArgumentException e) {
                    throw periods.error(period, e.getMessage());
                }
            }
        }
        ConfigSection accessSection = s.section("access");
        Map<Tier, TierAccess> access = new EnumMap<>(Tier.class);
        for (String tierKey : accessSection.keys()) {
            Tier tier = paidTier(accessSection, tierKey);
            ConfigSection a = accessSection.section(tierKey);
            access.put(tier, new TierAccess(optionalText(a, "telegramChat"), optionalText(a, "discordRole")));
        }
        int inviteHours = s.integer("inviteLinkHours", 24, 1, 24 * 30);
        Optional<String> guild = optionalText(s, "discordGuild");
        if (guild.isEmpty() && access.values().stream().anyMatch(a -> a.discordRole().isPresent())) {
            throw s.error("discordGuild", "tier roles (access.<tier>.discordRole) need the guild id they belong to");
        }
        return new SubscriptionSettings(new PriceList(plans), access, Duration.ofHours(inviteHours), guild,
                optionalText(s, "operatorChat"));
    }

    private static Tier paidTier(ConfigSection section, String key) {
        Tier tier;
        try {
            tier = Tier.fromKey(key);
        } catch (IllegalArgumentException e) {
            throw section.error(key, e.getMessage() + "; only premium and basic are sold");
        }
        if (tier == Tier.FREE) {
            throw section.error(key, "the free tier is not sold and guards no chat; only premium and basic");
        }
        return tier;
    }

    private static Optional<String> optionalText(ConfigSection s, String key) {
        if (!s.has(key)) {
            return Optional.empty();
        }
        String value = s.text(key, "");
        if (!value.matches("-?[0-9]{1,20}")) {
            throw s.error(key, "expected a numeric id (quote it), got " + Redaction.preview(value));
        }
        return Optional.of(value);
    }
}
