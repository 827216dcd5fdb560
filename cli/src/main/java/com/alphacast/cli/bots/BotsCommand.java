package com.alphacast.cli.bots;

import com.alphacast.bots.command.CommandAccess;
import com.alphacast.bots.command.CommandCatalog;
import com.alphacast.bots.command.CommandParser;
import com.alphacast.bots.command.CommandRouter;
import com.alphacast.bots.command.DeskQueries;
import com.alphacast.bots.command.InMemoryPendingConfirmations;
import com.alphacast.bots.command.InMemorySubscriberRegistry;
import com.alphacast.bots.command.OperatorActions;
import com.alphacast.bots.command.OperatorAudit;
import com.alphacast.bots.command.PendingConfirmations;
import com.alphacast.bots.command.ReplyStyle;
import com.alphacast.bots.command.SubscriberRegistry;
import com.alphacast.bots.command.SubscriptionCommands;
import com.alphacast.bots.command.data.InMemoryTradingDesk;
import com.alphacast.bots.command.data.TradingDesk;
import com.alphacast.bots.discord.DiscordCommandRegistration;
import com.alphacast.bots.discord.DiscordTimestampWindow;
import com.alphacast.bots.inbound.Ed25519Verifier;
import com.alphacast.bots.inbound.InMemorySeenRequests;
import com.alphacast.bots.inbound.SecretToken;
import com.alphacast.bots.render.BriefingComposer;
import com.alphacast.bots.telegram.TelegramCommandRegistration;
import com.alphacast.bots.telegram.TelegramPollingBot;
import com.alphacast.bots.telegram.TelegramTransport;
import com.alphacast.bots.telegram.TelegramUpdateHandler;
import com.alphacast.bots.wiring.BotsConfiguration;
import com.alphacast.aws.AwsClients;
import com.alphacast.aws.config.SecretResolver;
import com.alphacast.cli.Command;
import com.alphacast.cli.chat.ChatConsole;
import com.alphacast.cli.ExitCode;
import com.alphacast.core.settings.Redaction;
import com.alphacast.fakes.Fault;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./alphacast bots ...}: operator commands for the chat bots.
 * <pre>
 *   register-commands [--telegram] [--discord] [--operator-chat ID]   publish the command menus (both configured
 *                                                ones by default); with an operator chat, Telegram gets one menu per
 *                                                audience (subscribers everywhere, every command in that chat)
 *   set-webhook --url URL [--token-ref REF] [--secret-ref REF]   point Telegram at the webhook function
 *   chat --as telegram:USER_ID [--profile demo]   talk to the local stack's webhook function from the console
 *   run [--poll-timeout SECONDS]                 long-polling Telegram bot (self-hosting without a public URL)
 *   explain-update FILE.json [--bot-username NAME]   how a Telegram update or Discord interaction would be routed
 *   verify-discord --public-key HEX --timestamp T --signature HEX --body FILE
 *   bench-fanout [--messages N] [--rate R] [--fault-share S] [--scenario clean|faulty|both] [--concurrency C] [--seed S]
 * </pre>
 * Exit codes: 0 ok (verify-discord: valid), 1 failure (verify-discord: invalid; bench: a target missed),
 * 64 usage, 65 bad input (see {@link ExitCode}).
 */
public final class BotsCommand implements Command {

    static final int OK = ExitCode.OK;
    static final int FAILED = ExitCode.FAILED;
    static final int INPUT_ERROR = ExitCode.INPUT;
    static final int USAGE = ExitCode.USAGE;
    /** Telegram keeps an unacknowledged update for 24 hours, so it may come back that long. */
    private static final Duration TELEGRAM_UPDATE_RETENTION = Duration.ofHours(24);
    private static final List<String> SECRET_VARIABLES = List.of("TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET",
            "DISCORD_BOT_TOKEN", "DISCORD_WEBHOOKS", "X_API_KEY", "X_API_SECRET", "X_ACCESS_TOKEN", "X_ACCESS_TOKEN_SECRET");

    private final Map<String, String> environment;
    private final SubscriberRegistry registry;
    private final TradingDesk desk;
    private final PendingConfirmations confirmations;
    private final Clock clock;

    /** Reads configuration from the process environment; roles from ALPHACAST_ROLES; trading data in memory. */
    public BotsCommand() {
        this(System.getenv(), null, null, Clock.systemUTC());
    }

    /**
     * For wiring real data (the lead backs {@code registry} and {@code desk} with DynamoDB) and for tests.
     * Null {@code registry} reads ALPHACAST_ROLES; null {@code desk} uses an empty in-memory desk; /closeall
     * confirmations are held in this process.
     */
    public BotsCommand(Map<String, String> environment, SubscriberRegistry registry, TradingDesk desk, Clock clock) {
        this(environment, registry, desk, new InMemoryPendingConfirmations(), clock);
    }

    /** As above, with /closeall confirmations shared between processes (the lead backs them with DynamoDB). */
    public BotsCommand(Map<String, String> environment, SubscriberRegistry registry, TradingDesk desk,
                       PendingConfirmations confirmations, Clock clock) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.registry = registry;
        this.desk = desk != null ? desk : TradingDesk.of(new InMemoryTradingDesk(clock));
        this.confirmations = Objects.requireNonNull(confirmations, "confirmations");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            usage(err);
            return USAGE;
        }
        String sub = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (sub.equals("help") || sub.equals("--help") || sub.equals("-h") || rest.contains("--help")) {
            usage(out);
            return OK;
        }
        try {
            return switch (sub) {
                case "register-commands" -> registerCommands(new Arguments(rest, List.of("--telegram", "--discord"),
                        List.of("--operator-chat")), out);
                case "chat" -> chat(new Arguments(rest, List.of(), List.of("--as", "--profile")), out, err);
                case "set-webhook" -> setWebhook(new Arguments(rest, List.of(), List.of("--url", "--token-ref", "--secret-ref")), out);
                case "run" -> runBot(new Arguments(rest, List.of(), List.of("--poll-timeout")), out, err);
                case "explain-update" -> explain(new Arguments(rest, List.of(), List.of("--bot-username")), out);
                case "verify-discord" -> verifyDiscord(new Arguments(rest, List.of(),
                        List.of("--public-key", "--timestamp", "--signature", "--body")), out);
                case "bench-fanout" -> benchFanout(new Arguments(rest, List.of(), List.of("--messages", "--rate", "--fault-share",
                        "--scenario", "--concurrency", "--seed", "--max-seconds", "--faults")), out);
                default -> throw new UsageException("unknown bots command '" + sub
                        + "' (expected register-commands, set-webhook, chat, run, explain-update, verify-discord or bench-fanout)");
            };
        } catch (UsageException e) {
            err.println("bots " + sub + ": " + safe(e));
            err.println("Run './alphacast bots --help' for usage.");
            return USAGE;
        } catch (IllegalArgumentException e) {
            err.println("bots " + sub + ": " + safe(e));
            return INPUT_ERROR;
        } catch (NoSuchFileException e) {
            err.println("bots " + sub + ": no such file: " + e.getFile());
            return INPUT_ERROR;
        } catch (IOException e) {
            err.println("bots " + sub + ": " + safe(e));
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("bots " + sub + ": interrupted");
            return FAILED;
        } catch (Exception e) {
            err.println("bots " + sub + ": " + safe(e));
            return FAILED;
        }
    }

    /**
     * An error's message with every configured secret scrubbed: a client library's message may quote a request
     * URL or header, and with it a token.
     */
    private String safe(Exception e) {
        List<String> secrets = new ArrayList<>();
        for (String name : SECRET_VARIABLES) {
            String value = environment.get(name);
            if (value != null) {
                secrets.add(value);
                // Webhook URLs and id:token pairs: each part may appear on its own in a message.
                secrets.addAll(List.of(value.split("[,/:\\s]+")));
            }
        }
        return Redaction.scrub(String.valueOf(e.getMessage()), secrets);
    }

    private int registerCommands(Arguments arguments, PrintStream out) throws Exception {
        arguments.noPositionals();
        BotsConfiguration config = BotsConfiguration.fromEnvironment(environment);
        boolean onlyTelegram = arguments.flag("--telegram");
        boolean onlyDiscord = arguments.flag("--discord");
        boolean telegram = onlyTelegram || !onlyDiscord;
        boolean discord = onlyDiscord || !onlyTelegram;
        CommandRouter router = router();
        int done = 0;
        if (telegram && config.telegram().isPresent()) {
            BotsConfiguration.Telegram settings = config.telegram().get();
            TelegramCommandRegistration registration = new TelegramCommandRegistration(
                    TelegramTransport.client(settings.botToken(), settings.apiBase(), config.timeout()));
            java.util.Optional<String> operatorChat = arguments.option("--operator-chat");
            if (operatorChat.isPresent() && !operatorChat.get().matches("-?[0-9]{1,20}")) {
                throw new IllegalArgumentException("--operator-chat must be a numeric chat id like -1001234567890");
            }
            out.println(operatorChat.isPresent() ? registration.registerPerAudience(router.catalog(), operatorChat)
                    : registration.register(router.catalog()));
            done++;
        } else if (onlyTelegram) {
            throw new IllegalArgumentException("Telegram is not configured: set TELEGRAM_BOT_TOKEN");
        }
        if (discord && config.discord().flatMap(BotsConfiguration.Discord::botToken).isPresent()) {
            BotsConfiguration.Discord settings = config.discord().get();
            String application = settings.applicationId()
                    .orElseThrow(() -> new IllegalArgumentException("set DISCORD_APPLICATION_ID to register Discord commands"));
            out.println(DiscordCommandRegistration.create(settings.apiBase(), settings.botToken().get(), config.timeout())
                    .register(application, router.catalog()));
            done++;
        } else if (onlyDiscord) {
            throw new IllegalArgumentException("Discord is not configured: set DISCORD_BOT_TOKEN and DISCORD_APPLICATION_ID");
        }
        if (done == 0) {
            throw new IllegalArgumentException("nothing to register: set TELEGRAM_BOT_TOKEN and/or DISCORD_BOT_TOKEN + DISCORD_APPLICATION_ID");
        }
        return OK;
    }

    /**
     * setWebhook with the secret and allowed_updates. Token and secret come from TELEGRAM_BOT_TOKEN and
     * TELEGRAM_WEBHOOK_SECRET, or from references ({@code ssm:/name}, {@code secretsmanager:id#key}, {@code env:NAME})
     * such as the parameters the stack's functions read.
     */
    private int setWebhook(Arguments arguments, PrintStream out) throws Exception {
        arguments.noPositionals();
        String url = arguments.required("--url");
        WebhookRegistration.checkedUrl(url);
        SecretResolver secrets = new SecretResolver(environment, () -> new AwsClients(environment).ssm(),
                () -> new AwsClients(environment).secretsManager());
        String token = arguments.option("--token-ref").map(secrets::resolve).map(String::strip)
                .or(() -> Optional.ofNullable(environment.get("TELEGRAM_BOT_TOKEN")))
                .orElseThrow(() -> new IllegalArgumentException("no bot token: set TELEGRAM_BOT_TOKEN or pass --token-ref "
                        + "ssm:/alphacast/telegram/bot-token"));
        String secret = arguments.option("--secret-ref").map(secrets::resolve).map(String::strip)
                .or(() -> Optional.ofNullable(environment.get("TELEGRAM_WEBHOOK_SECRET")))
                .orElseThrow(() -> new IllegalArgumentException("no webhook secret: set TELEGRAM_WEBHOOK_SECRET or pass "
                        + "--secret-ref ssm:/alphacast/telegram/webhook-secret"));
        new SecretToken(secret);
        URI apiBase = URI.create(environment.getOrDefault("TELEGRAM_API_BASE", "https://api.telegram.org"));
        try {
            out.println(new WebhookRegistration(java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                    apiBase, token).register(url, secret));
        } catch (IOException e) {
            throw new IOException("setWebhook failed: " + Redaction.scrub(String.valueOf(e.getMessage()), List.of(token, secret)));
        }
        return OK;
    }

    private int chat(Arguments arguments, PrintStream out, PrintStream err) throws Exception {
        arguments.noPositionals();
        String as = arguments.required("--as");
        if (!as.matches("telegram:[1-9][0-9]{0,15}")) {
            throw new UsageException("--as must be telegram:<numeric user id>, was '" + as + "'");
        }
        Path home = Path.of(System.getProperty("alphacast.home", ".")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(home.resolve("template.yaml"))) {
            throw new IllegalArgumentException("no template.yaml in " + home + " (run from the project root)");
        }
        new ChatConsole(home, arguments.option("--profile").orElse("demo"), environment.getOrDefault("ALPHACAST_ROLES", ""))
                .run(Long.parseLong(as.substring("telegram:".length())),
                        new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)),
                        out, err);
        return OK;
    }

    private int runBot(Arguments arguments, PrintStream out, PrintStream err) throws Exception {
        arguments.noPositionals();
        BotsConfiguration config = BotsConfiguration.fromEnvironment(environment);
        BotsConfiguration.Telegram settings = config.telegram()
                .orElseThrow(() -> new IllegalArgumentException("set TELEGRAM_BOT_TOKEN to run the Telegram bot"));
        int pollTimeout = arguments.intOption("--poll-timeout", 30, 0, 50);
        // Without its own username the bot could not tell /cmd@us from /cmd@them in groups.
        String username = settings.botUsername().isEmpty() ? configuredBotUsername() : settings.botUsername();
        TelegramPollingBot bot = new TelegramPollingBot(
                TelegramTransport.client(settings.botToken(), settings.apiBase(), Duration.ofSeconds(pollTimeout + 15L)),
                new TelegramUpdateHandler(new CommandParser(username), router(),
                        new InMemorySeenRequests(TELEGRAM_UPDATE_RETENTION, InMemorySeenRequests.DEFAULT_CAPACITY, clock)),
                pollTimeout, out::println);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.set(false);
            main.interrupt();
        }));
        bot.start();
        out.println("polling Telegram as @" + username + " (Ctrl-C to stop)");
        bot.run(running::get);
        return OK;
    }

    private int explain(Arguments arguments, PrintStream out) throws IOException {
        Path file = Path.of(arguments.singlePositional("FILE.json"));
        byte[] body = Files.readAllBytes(file);
        String username = arguments.option("--bot-username").orElseGet(this::configuredBotUsername).replace("@", "");
        new UpdateExplainer(router(), username).explain(file.getFileName().toString(), body).forEach(out::println);
        return OK;
    }

    /** TELEGRAM_BOT_USERNAME, else asked from Telegram with getMe when a token is configured, else empty. */
    private String configuredBotUsername() {
        String configured = environment.getOrDefault("TELEGRAM_BOT_USERNAME", "").strip();
        if (!configured.isEmpty()) {
            return configured;
        }
        BotsConfiguration config = BotsConfiguration.fromEnvironment(environment);
        if (config.telegram().isEmpty()) {
            return "";
        }
        BotsConfiguration.Telegram settings = config.telegram().get();
        try {
            return TelegramTransport.client(settings.botToken(), settings.apiBase(), config.timeout())
                    .execute(new org.telegram.telegrambots.meta.api.methods.GetMe()).getUserName();
        } catch (org.telegram.telegrambots.meta.exceptions.TelegramApiException e) {
            throw new IllegalArgumentException("cannot learn the bot's username with getMe ("
                    + Redaction.scrub(String.valueOf(e.getMessage()), List.of(settings.botToken()))
                    + "); pass --bot-username or set TELEGRAM_BOT_USERNAME");
        }
    }

    private int verifyDiscord(Arguments arguments, PrintStream out) throws IOException {
        arguments.noPositionals();
        String key = arguments.required("--public-key");
        String timestamp = arguments.required("--timestamp");
        String signature = arguments.required("--signature");
        byte[] body = Files.readAllBytes(Path.of(arguments.required("--body")));
        Ed25519Verifier.Verification verification = Ed25519Verifier.fromHex(key).verifyDiscord(signature, timestamp, body);
        if (!verification.valid()) {
            out.println("invalid: " + verification.reason());
            return FAILED;
        }
        // the endpoint's own freshness rule: a correctly signed but old request is a replay, not a valid request
        Optional<String> stale = DiscordTimestampWindow.standard().refusal(timestamp, clock.instant());
        out.println(stale.map(reason -> "invalid: " + reason).orElse("valid"));
        return stale.isEmpty() ? OK : FAILED;
    }

    private int benchFanout(Arguments arguments, PrintStream out) throws InterruptedException {
        arguments.noPositionals();
        int messages = arguments.intOption("--messages", 1000, 1, 1_000_000);
        int rate = arguments.intOption("--rate", 30, 1, 100_000);
        double share = arguments.doubleOption("--fault-share", 0.2, 0, 0.9);
        int concurrency = arguments.intOption("--concurrency", 16, 1, 512);
        long seed = arguments.intOption("--seed", 1, 0, Integer.MAX_VALUE);
        int maxSeconds = arguments.intOption("--max-seconds", 900, 1, 86_400);
        String scenario = arguments.option("--scenario").orElse("both");
        if (!List.of("clean", "faulty", "both").contains(scenario)) {
            throw new UsageException("--scenario must be clean, faulty or both, was '" + scenario + "'");
        }
        List<Fault> faults = new ArrayList<>();
        for (String kind : arguments.option("--faults").orElse("429,5xx").split(",")) {
            switch (kind.strip()) {
                case "429" -> faults.add(Fault.rateLimited(1));
                case "5xx" -> {
                    faults.add(Fault.serverError(500));
                    faults.add(Fault.serverError(502));
                }
                default -> throw new UsageException("--faults takes 429 and/or 5xx, comma-separated; got '" + kind.strip() + "'");
            }
        }
        FanoutBench bench = new FanoutBench();
        boolean allMet = true;
        if (!scenario.equals("faulty")) {
            FanoutBench.Result clean = bench.run(new FanoutBench.Options(messages, rate, 0, List.of(), concurrency, seed,
                    Duration.ofSeconds(maxSeconds)));
            FanoutBench.describe(clean).forEach(out::println);
            boolean met = clean.shareOfLimit() >= 0.95 && clean.throttledByLimit() == 0 && clean.lost() == 0
                    && clean.duplicates() == 0 && clean.invalidRequests() == 0;
            out.println("  targets (>= 95% of limit, 0 x 429, 0 lost, 0 duplicates): " + (met ? "met" : "MISSED"));
            allMet &= met;
        }
        if (!scenario.equals("clean")) {
            FanoutBench.Result faulty = bench.run(new FanoutBench.Options(messages, rate, share,
                    faults, concurrency, seed,
                    Duration.ofSeconds(maxSeconds)));
            FanoutBench.describe(faulty).forEach(out::println);
            boolean met = faulty.lost() == 0 && faulty.duplicates() == 0 && faulty.invalidRequests() == 0;
            out.println("  targets (0 lost, 0 duplicates): " + (met ? "met" : "MISSED"));
            allMet &= met;
        }
        return allMet ? OK : FAILED;
    }

    private CommandRouter router() {
        SubscriberRegistry roles = registry != null ? registry
                : InMemorySubscriberRegistry.parse(environment.getOrDefault("ALPHACAST_ROLES", ""));
        return new CommandRouter(
                new CommandAccess(new CommandCatalog(), roles),
                new DeskQueries(desk.positions(), desk.pnl(), desk.signals(), Optional.empty()),
                new OperatorActions(desk.control(), confirmations, new SecureRandom(), SubscriptionCommands.unavailable(),
                        OperatorAudit.none()),
                new ReplyStyle(BriefingComposer.standard(),
                        environment.getOrDefault("ALPHACAST_SUBSCRIBE_URL", "https://alphacast.example/subscribe"),
                        ZoneId.of(environment.getOrDefault("ALPHACAST_TRADING_ZONE", "America/New_York"))),
                clock);
    }

    private static void usage(PrintStream out) {
        out.println("usage: ./alphacast bots <command> [options]");
        out.println();
        out.println("  register-commands [--telegram] [--discord]");
        out.println("        publish the command menus (Telegram setMyCommands, Discord slash commands)");
        out.println("  set-webhook --url https://HOST/telegram/webhook [--token-ref REF] [--secret-ref REF]");
        out.println("        register the webhook function with Telegram: secret_token and allowed_updates (REF: ssm:/name,");
        out.println("        secretsmanager:id#key or env:NAME; default TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET)");
        out.println("  chat --as telegram:USER_ID [--profile demo]");
        out.println("        start the local stack and talk to its Telegram webhook function from this console");
        out.println("  run [--poll-timeout SECONDS]");
        out.println("        run the Telegram bot by long polling (no public URL needed)");
        out.println("  explain-update FILE.json [--bot-username NAME]");
        out.println("        show how a Telegram update or Discord interaction would be routed, and why");
        out.println("  verify-discord --public-key HEX --timestamp T --signature HEX --body FILE");
        out.println("        check a Discord interaction signature (exit 0 valid, 1 invalid)");
        out.println("  bench-fanout [--messages 1000] [--rate 30] [--fault-share 0.2] [--scenario clean|faulty|both]");
        out.println("               [--faults 429,5xx] [--concurrency 16] [--seed 1] [--max-seconds 900]");
        out.println("        fan out Telegram DMs through the loopback fake and print rate, 429s, loss and duplicates");
        out.println();
        out.println("Environment: TELEGRAM_BOT_TOKEN, TELEGRAM_API_BASE, TELEGRAM_BOT_USERNAME, DISCORD_BOT_TOKEN,");
        out.println("DISCORD_APPLICATION_ID, DISCORD_API_BASE, ALPHACAST_ROLES (e.g. telegram:123=admin), see bots/README.md.");
    }

    /** A usage mistake (exit 64). */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** Options of one subcommand: flags, options with a value, positionals. */
    static final class Arguments {
        private final List<String> positionals = new ArrayList<>();
        private final Map<String, String> options = new HashMap<>();
        private final List<String> flags = new ArrayList<>();

        Arguments(List<String> args, List<String> knownFlags, List<String> knownOptions) {
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (knownFlags.contains(arg)) {
                    flags.add(arg);
                } else if (knownOptions.contains(arg)) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(arg + " needs a value");
                    }
                    options.put(arg, args.get(++i));
                } else if (arg.startsWith("--")) {
                    throw new UsageException("unknown option " + arg);
                } else {
                    positionals.add(arg);
                }
            }
        }

        boolean flag(String name) {
            return flags.contains(name);
        }

        java.util.Optional<String> option(String name) {
            return java.util.Optional.ofNullable(options.get(name));
        }

        String required(String name) {
            return option(name).orElseThrow(() -> new UsageException(name + " is required"));
        }

        int intOption(String name, int fallback, int min, int max) {
            return numberOption(name, fallback, min, max, Integer::parseInt, "a whole number");
        }

        double doubleOption(String name, double fallback, double min, double max) {
            return numberOption(name, fallback, min, max, Double::parseDouble, "a number");
        }

        private <N extends Comparable<N>> N numberOption(String name, N fallback, N min, N max,
                                                         java.util.function.Function<String, N> parser, String kind) {
            String value = options.get(name);
            if (value == null) {
                return fallback;
            }
            N parsed;
            try {
                parsed = parser.apply(value);
            } catch (NumberFormatException e) {
                throw new UsageException(name + " must be " + kind + ", was '" + value + "'");
            }
            // NaN compares above every double, so it lands here too.
            if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
                throw new UsageException(name + " must be between " + min + " and " + max + ", was " + parsed);
            }
            return parsed;
        }

        void noPositionals() {
            if (!positionals.isEmpty()) {
                throw new UsageException("unexpected argument '" + positionals.get(0) + "'");
            }
        }

        String singlePositional(String what) {
            if (positionals.size() != 1) {
                throw new UsageException("expected exactly one " + what + ", got " + positionals.size());
            }
            return positionals.get(0);
        }
    }
}
