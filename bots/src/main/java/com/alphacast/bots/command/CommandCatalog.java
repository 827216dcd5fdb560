package com.alphacast.bots.command;

import java.util.List;
import java.util.Optional;

/**
 * Every command the bots understand, who may use it and how it is described. The single source for the
 * router's authorization, /help, Telegram's setMyCommands and Discord's slash-command registration.
 */
public final class CommandCatalog {

    /**
     * @param name        lower case, without slash (Telegram: 1-32 of a-z, 0-9, _)
     * @param description shown in the platforms' command menus (Telegram 1-256 chars, Discord 1-100)
     * @param minimumRole least trusted role allowed to use it (deny by default: not listed = unknown)
     * @param argument    optional argument name and description, e.g. "days" / "number of days (1-365)"
     */
    public record Spec(String name, String description, Role minimumRole, Optional<Argument> argument) {}

    /** @param integer whether the argument is a whole number (Discord option type 4) rather than text (3) */
    public record Argument(String name, String description, boolean integer) {}

    private final List<Spec> specs;

    /** The full catalogue. */
    public CommandCatalog() {
        this(STANDARD);
    }

    private CommandCatalog(List<Spec> specs) {
        this.specs = List.copyOf(specs);
    }

    private static final List<Spec> STANDARD = List.of(
            new Spec("start", "Welcome and what this bot does", Role.UNKNOWN, Optional.empty()),
            new Spec("help", "Commands you can use", Role.UNKNOWN, Optional.empty()),
            new Spec("tier", "Your subscription tier", Role.UNKNOWN, Optional.empty()),
            new Spec("subscribe", "How to subscribe or upgrade", Role.UNKNOWN, Optional.empty()),
            new Spec("status", "Whether trading is running or halted", Role.FREE, Optional.empty()),
            new Spec("signals", "Recent signals at your tier's detail", Role.FREE,
                    Optional.of(new Argument("n", "How many signals (1-20, default 5)", true))),
            new Spec("pnl", "Realized P&L per day", Role.BASIC,
                    Optional.of(new Argument("days", "How many days back (1-365, default 7)", true))),
            new Spec("positions", "Open positions with stops and targets", Role.PREMIUM, Optional.empty()),
            new Spec("halt", "Operators: stop new orders (kill switch)", Role.ADMIN,
                    Optional.of(new Argument("reason", "Why trading is halted", false))),
            new Spec("resume", "Operators: allow new orders again", Role.ADMIN, Optional.empty()),
            new Spec("closeall", "Operators: close every open position (asks to confirm)", Role.ADMIN,
                    Optional.of(new Argument("code", "Confirmation code from the first /closeall", false))),
            new Spec("grant", "Operators: give a user a tier for some days (user tier days)", Role.ADMIN,
                    Optional.of(new Argument("details", "user tier days, e.g. telegram:123 premium 30", false))),
            new Spec("revoke", "Operators: end a user's subscription now", Role.ADMIN,
                    Optional.of(new Argument("user", "telegram:123 or discord:456", false))),
            new Spec("refund", "Operators: refund a Stars payment and end what it bought", Role.ADMIN,
                    Optional.of(new Argument("charge", "telegram_payment_charge_id of the payment", false))));

    /** This catalogue without {@code name}: a deployment that cannot carry a command out does not offer it. */
    public CommandCatalog without(String name) {
        if (find(name).isEmpty()) {
            throw new IllegalArgumentException("no command /" + name + " in the catalogue");
        }
        return new CommandCatalog(specs.stream().filter(spec -> !spec.name().equals(name)).toList());
    }

    public List<Spec> all() {
        return specs;
    }

    public Optional<Spec> find(String name) {
        return specs.stream().filter(spec -> spec.name().equals(name)).findFirst();
    }

    /** The commands a role may use, in catalogue order. */
    public List<Spec> availableTo(Role role) {
        return specs.stream().filter(spec -> role.atLeast(spec.minimumRole())).toList();
    }
}
