package com.alphacast.bots.command;

import com.alphacast.bots.command.data.DailyPnl;
import com.alphacast.bots.command.data.PnlHistory;
import com.alphacast.bots.command.data.PositionBook;
import com.alphacast.bots.command.data.SignalHistory;
import com.alphacast.bots.command.data.TradingControl;
import com.alphacast.bots.command.data.TradingStatus;
import com.alphacast.bots.render.Briefing;
import com.alphacast.bots.render.BriefingComposer;
import com.alphacast.bots.render.Fact;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Position;
import com.alphacast.core.usecase.feed.FeedStatusRecords;
import com.alphacast.core.usecase.feed.RecordedFeedStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Answers commands from any platform. Authorization is deny-by-default: a command must be in the
 * {@link CommandCatalog} and the caller's role (from the {@link SubscriberRegistry}) must reach its
 * minimum role. Destructive operator commands ask for a confirmation code first.
 */
public final class CommandRouter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneId.of("UTC"));
    /**
     * A feed record not written for this long is flagged: the worker rewrites every instrument's status each minute
     * (ingest-worker {@code FeedAlertOutbox}), so five missed rewrites mean it stopped, whatever health the record shows.
     */
    static final Duration FEED_RECORD_OLD_AFTER = Duration.ofMinutes(5);

    private final CommandCatalog catalog;
    private final SubscriberRegistry registry;
    private final PositionBook positions;
    private final PnlHistory pnl;
    private final SignalHistory signals;
    private final TradingControl control;
    private final BriefingComposer composer;
    private final Clock clock;
    private final RandomGenerator random;
    private final String subscribeLink;
    private final ZoneId tradingZone;
    private final PendingConfirmations confirmations;
    private final SubscriptionCommands subscriptions;
    private final Duration confirmationWindow = Duration.ofSeconds(60);
    private final OperatorAudit audit;
    private final Optional<FeedStatusRecords> feeds;

    /**
     * @param clock today for /pnl, times shown, confirmation expiry and audit times (may be set back for replays of
     *              past sessions)
     */
    public CommandRouter(CommandAccess access, DeskQueries queries, OperatorActions operators, ReplyStyle replies,
                         Clock clock) {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(operators, "operators");
        Objects.requireNonNull(replies, "replies");
        this.catalog = access.catalog();
        this.registry = access.registry();
        this.positions = queries.positions();
        this.pnl = queries.pnl();
        this.signals = queries.signals();
        this.feeds = queries.feeds();
        this.control = operators.control();
        this.confirmations = operators.confirmations();
        this.random = operators.confirmationCodes();
        this.subscriptions = operators.subscriptions();
        this.audit = operators.audit();
        this.composer = replies.composer();
        this.subscribeLink = replies.subscribeLink();
        this.tradingZone = replies.tradingZone();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public CommandCatalog catalog() {
        return catalog;
    }

    public Routing route(Caller caller, ParsedText parsed) {
        Routing routing = decide(caller, parsed);
        if (parsed instanceof ParsedText.Command command && catalog.find(command.name())
                .filter(spec -> spec.minimumRole() == Role.ADMIN).isPresent()) {
            audit.record(caller, routing, clock.instant());
        }
        return routing;
    }

    private Routing decide(Caller caller, ParsedText parsed) {
        if (parsed instanceof ParsedText.ForOtherBot other) {
            return Routing.ignored(Routing.Verdict.IGNORED_OTHER_BOT,
                    "ignored: /" + other.command() + " is addressed to another bot (@" + other.botUsername() + ")");
        }
        if (parsed instanceof ParsedText.AddresseeUnverified unverified) {
            return Routing.ignored(Routing.Verdict.ADDRESSEE_UNVERIFIED, "cannot tell: /" + unverified.command()
                    + " is addressed to @" + unverified.addressee() + " and the bot username not configured"
                    + " (set TELEGRAM_BOT_USERNAME or pass --bot-username), so it is not obeyed");
        }
        if (parsed instanceof ParsedText.NotACommand not) {
            return Routing.ignored(Routing.Verdict.NOT_A_COMMAND, "not a command: " + not.reason());
        }
        ParsedText.Command command = (ParsedText.Command) parsed;
        Role role = registry.roleOf(caller.platform(), caller.userId());
        Optional<CommandCatalog.Spec> spec = catalog.find(command.name());
        if (spec.isEmpty()) {
            return new Routing(Routing.Verdict.UNKNOWN_COMMAND, command.name(), command.arguments(), role,
                    "unknown command /" + command.name(), Optional.of(CommandReply.text(unknown(command.name(), role))));
        }
        if (!role.atLeast(spec.get().minimumRole())) {
            String text = spec.get().minimumRole() == Role.ADMIN
                    ? "/" + command.name() + " is for operators only."
                    : "/" + command.name() + " needs a " + spec.get().minimumRole().name().toLowerCase(Locale.ROOT)
                    + " subscription or higher. See /subscribe.";
            return new Routing(Routing.Verdict.UNAUTHORIZED, command.name(), command.arguments(), role,
                    "unauthorized: /" + command.name() + " needs " + spec.get().minimumRole().name().toLowerCase(Locale.ROOT)
                            + ", caller " + caller.platform().key() + ":" + caller.userId() + " is "
                            + role.name().toLowerCase(Locale.ROOT),
                    Optional.of(CommandReply.text(text)));
        }
        try {
            return handle(caller, role, command);
        } catch (InvalidArgument e) {
            return new Routing(Routing.Verdict.INVALID_ARGUMENTS, command.name(), command.arguments(), role,
                    "invalid arguments for /" + command.name() + ": " + e.getMessage(), Optional.of(CommandReply.text(e.getMessage())));
        }
    }

    private Routing handle(Caller caller, Role role, ParsedText.Command command) {
        List<String> args = command.arguments();
        String who = caller.platform().key() + ":" + caller.userId();
        if (command.name().equals("closeall")) {
            return closeAll(role, who, command);
        }
        CommandReply reply = switch (command.name()) {
            case "start" -> CommandReply.text("Welcome to Alphacast: trading signals with entries, stops and targets, "
                    + "delivered as they happen.\n" + tierLine(role) + "\nSend /help for the commands you can use.");
            case "help" -> CommandReply.text(catalog.availableTo(role).stream()
                    .map(spec -> "/" + spec.name() + spec.argument().map(a -> " [" + a.name() + "]").orElse("")
                            + " — " + spec.description())
                    .collect(Collectors.joining("\n", "Commands you can use:\n", "")));
            case "tier" -> CommandReply.text(tierLine(role));
            case "subscribe" -> CommandReply.text(role == Role.PREMIUM || role == Role.ADMIN
                    ? "You already have every detail (premium). Manage your subscription: " + subscribeLink
                    : "Premium: contract, entry, stop, target, size and rationale in real time.\n"
                    + "Basic: underlying, direction and entry zone.\nSubscribe or upgrade: " + subscribeLink);
            case "status" -> CommandReply.text(status(role));
            case "signals" -> CommandReply.text(recentSignals(role, intArgument(args, "n", 5, 1, 20)));
            case "pnl" -> CommandReply.text(pnl(intArgument(args, "days", 7, 1, 365)));
            case "positions" -> CommandReply.text(positions());
            case "halt" -> {
                String reason = args.isEmpty() ? "halted from chat" : String.join(" ", args);
                boolean wasHalted = control.status().halted();
                TradingStatus status = control.halt(who, reason);
                yield CommandReply.text(wasHalted
                        ? "Trading was already halted since " + TIME.format(status.since()) + " (" + status.reason() + ")."
                        : "Trading halted: no new orders. Reason: " + reason + ". Send /resume to allow orders again.");
            }
            case "resume" -> {
                boolean wasHalted = control.status().halted();
                control.resume(who);
                yield CommandReply.text(wasHalted ? "Trading resumed: new orders allowed." : "Trading was not halted.");
            }
            case "grant", "revoke", "refund" -> {
                try {
                    yield subscriptions.answer(caller, command.name(), args);
                } catch (IllegalArgumentException e) {
                    throw new InvalidArgument(e.getMessage());
                }
            }
            default -> throw new IllegalStateException("catalogued command without a handler: " + command.name());
        };
        return new Routing(Routing.Verdict.HANDLED, command.name(), args, role, "handled /" + command.name() + " for "
                + role.name().toLowerCase(Locale.ROOT) + " " + who, Optional.of(reply));
    }

    private Routing closeAll(Role role, String who, ParsedText.Command command) {
        Instant now = clock.instant();
        if (command.arguments().isEmpty()) {
            int open = positions.openPositions().size();
            if (open == 0) {
                return new Routing(Routing.Verdict.HANDLED, "closeall", List.of(), role, "handled /closeall: nothing open",
                        Optional.of(CommandReply.text("No open positions to close.")));
            }
            String code = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
            confirmations.issue(who, code, now.plus(confirmationWindow));
            return new Routing(Routing.Verdict.CONFIRMATION_REQUIRED, "closeall", List.of(), role,
                    "confirmation required: /closeall would close " + open + " positions",
                    Optional.of(new CommandReply("This closes all " + open + " open positions at market. To confirm, send /closeall "
                            + code + " within " + confirmationWindow.toSeconds() + " seconds.",
                            List.of(new CommandReply.Button("Confirm: close " + open, "/closeall " + code)))));
        }
        if (command.arguments().size() != 1 || !confirmations.consume(who, command.arguments().get(0), now)) {
            throw new InvalidArgument("That confirmation code is wrong or expired. Send /closeall again to get a new one.");
        }
        int closed = control.closeAll(who);
        return new Routing(Routing.Verdict.HANDLED, "closeall", command.arguments(), role, "handled /closeall: closing "
                + closed + " positions for " + who, Optional.of(CommandReply.text("Closing " + closed + " open positions.")));
    }

    private String tierLine(Role role) {
        return switch (role) {
            case ADMIN -> "You are an operator: every detail plus the operator commands.";
            case PREMIUM -> "Your tier: premium (every detail in real time).";
            case BASIC -> "Your tier: basic (underlying, direction and entry zone). Upgrade: /subscribe";
            case FREE -> "Your tier: free (teasers and results). Upgrade: /subscribe";
            case UNKNOWN -> "You are not subscribed yet. See /subscribe.";
        };
    }

    private String status(Role role) {
        TradingStatus status = control.status();
        String state = status.halted()
                ? "Trading is HALTED since " + TIME.format(status.since()) + ": " + status.reason()
                : "Trading is running" + (status.changedBy().isPresent() ? " since " + TIME.format(status.since()) : "") + ".";
        if (role.atLeast(Role.PREMIUM)) {
            state += "\nOpen positions: " + positions.openPositions().size();
        }
        if (role == Role.ADMIN) {
            state += "\n" + feedLines();
        }
        return state;
    }

    /** Operators only: each instrument's active source, health, since when and why, old records flagged. */
    private String feedLines() {
        if (feeds.isEmpty()) {
            return "Feeds: no feed status board is wired here.";
        }
        List<RecordedFeedStatus> records = feeds.get().recorded();
        if (records.isEmpty()) {
            return "Feeds: no status on record (no worker has written one).";
        }
        Instant now = clock.instant();
        StringBuilder text = new StringBuilder("Feeds:");
        for (RecordedFeedStatus record : records) {
            var status = record.status();
            text.append("\n").append(status.instrument()).append(" · ").append(status.source()).append(" · ")
                    .append(status.health()).append(" since ")
                    .append(TIME.format(Instant.ofEpochSecond(0, status.sinceNanos())));
            if (!status.reason().isEmpty()) {
                text.append(" · ").append(status.reason());
            }
            Duration age = record.age(now);
            if (age.compareTo(FEED_RECORD_OLD_AFTER) > 0) {
                text.append(" · OLD RECORD: last written ").append(TIME.format(record.recordedAt())).append(", ")
                        .append(age.toMinutes()).append(" min ago; is the worker running?");
            }
        }
        return text.toString();
    }

    private String recentSignals(Role role, int count) {
        Tier tier = role.atLeast(Role.PREMIUM) ? Tier.PREMIUM : role == Role.BASIC ? Tier.BASIC : Tier.FREE;
        List<Signal> recent = signals.recent(tier, count);
        if (recent.isEmpty()) {
            return "No signals yet.";
        }
        StringBuilder text = new StringBuilder("Latest " + recent.size() + " signals (" + tier.key() + " detail):");
        for (Signal signal : recent) {
            Briefing briefing = composer.compose(new Publication.NewSignal(signal), tier);
            text.append("\n").append(TIME.format(signal.marketTime())).append(" · ").append(briefing.headline());
            for (Fact fact : briefing.facts()) {
                text.append(" · ").append(fact.label()).append(" ").append(fact.value());
            }
        }
        return text.toString();
    }

    private String pnl(int days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), tradingZone);
        List<DailyPnl> history = pnl.between(today.minusDays(days - 1L), today);
        if (history.isEmpty()) {
            return "No closed trades in the last " + days + (days == 1 ? " day." : " days.");
        }
        StringBuilder text = new StringBuilder("Realized P&L, last " + days + (days == 1 ? " day" : " days") + ":");
        double total = 0;
        int trades = 0;
        int wins = 0;
        for (DailyPnl day : history) {
            text.append("\n").append(day.date()).append(": ").append(money(day.realized())).append(" (")
                    .append(day.trades()).append(day.trades() == 1 ? " trade)" : " trades)");
            total += day.realized();
            trades += day.trades();
            wins += day.wins();
        }
        text.append("\nTotal: ").append(money(total)).append(" over ").append(trades).append(" trades, ")
                .append(trades == 0 ? "0" : Math.round(100.0 * wins / trades)).append("% winners");
        return text.toString();
    }

    private String positions() {
        List<Position> open = positions.openPositions();
        if (open.isEmpty()) {
            return "No open positions.";
        }
        StringBuilder text = new StringBuilder("Open positions (" + open.size() + "):");
        for (Position position : open) {
            text.append("\n").append(position.direction()).append(' ').append(position.quantity()).append(' ')
                    .append(position.instrument()).append(" @ ").append(price(position.entryPrice()))
                    .append(" · stop ").append(price(position.stop())).append(" · target ").append(price(position.target()))
                    .append(" · opened ").append(TIME.format(position.openedAt()));
        }
        return text.toString();
    }

    private String unknown(String name, Role role) {
        List<CommandCatalog.Spec> available = catalog.availableTo(role);
        String suggestion = available.stream().map(CommandCatalog.Spec::name)
                .filter(candidate -> distance(candidate, name) <= 2).findFirst()
                .map(candidate -> " Did you mean /" + candidate + "?").orElse("");
        return "I don't know /" + name + "." + suggestion + " Commands you can use: "
                + available.stream().map(spec -> "/" + spec.name()).collect(Collectors.joining(" ")) + " (details: /help)";
    }

    private static int intArgument(List<String> args, String name, int fallback, int min, int max) {
        if (args.isEmpty()) {
            return fallback;
        }
        if (args.size() > 1) {
            throw new InvalidArgument("Expected at most one argument [" + name + "], got " + args.size() + ".");
        }
        try {
            int value = Integer.parseInt(args.get(0));
            if (value < min || value > max) {
                throw new InvalidArgument("[" + name + "] must be between " + min + " and " + max + ", was " + value + ".");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidArgument("[" + name + "] must be a whole number between " + min + " and " + max
                    + ", was '" + args.get(0) + "'.");
        }
    }

    private static String money(double value) {
        return (value < 0 ? "-$" : "+$") + BigDecimal.valueOf(Math.abs(value)).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String price(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return (decimal.scale() < 2 ? decimal.setScale(2, RoundingMode.UNNECESSARY) : decimal).toPlainString();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static final class InvalidArgument extends RuntimeException {
        InvalidArgument(String message) {
            super(message);
        }
    }
}
