package com.alphacast.core.publication;

import com.alphacast.core.distribution.Tier;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Fill;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Something subscribers are told: a new signal, what happened to it afterwards (fill, target or stop, stop moved,
 * close), a day's recap, or the morning briefing. Every kind travels the same distribution path: rendered per
 * platform and tier, delivered once per publication × tier × channel × destination.
 */
public sealed interface Publication {

    /** Stable identity, part of every delivery's idempotency key. */
    String id();

    /** The market time the publication is about. */
    Instant at();

    /** Short name of the kind, for queue messages, logs and the demo's counts. */
    String kind();

    /**
     * The signal this publication is an update to. A tier's update is never delivered before that tier's own
     * signal, and is threaded under it where the platform allows; empty for publications that stand alone.
     */
    default Optional<String> follows() {
        return Optional.empty();
    }

    record NewSignal(Signal signal) implements Publication {
        public NewSignal {
            Objects.requireNonNull(signal, "signal");
        }

        @Override
        public String id() {
            return signal.id();
        }

        @Override
        public Instant at() {
            return signal.marketTime();
        }

        @Override
        public String kind() {
            return "signal";
        }
    }

    /** @param underlying the underlying subscribers know the instrument by (a fill only names the contract) */
    record Filled(Fill fill, String underlying) implements Publication {
        public Filled {
            Objects.requireNonNull(fill, "fill");
            Objects.requireNonNull(underlying, "underlying");
        }

        @Override
        public String id() {
            return "fill:" + fill.orderId() + ":" + fill.time().toEpochMilli();
        }

        @Override
        public Instant at() {
            return fill.time();
        }

        @Override
        public String kind() {
            return "filled";
        }

        @Override
        public Optional<String> follows() {
            return Optional.of(fill.signalId());
        }
    }

    /** The position reached its profit target and was closed there. */
    record TargetHit(TradeExit exit) implements Publication {
        public TargetHit {
            requireReason(exit, TradeExit.ExitReason.TARGET, "TargetHit");
        }

        @Override
        public String id() {
            return "exit:" + exit.signalId();
        }

        @Override
        public Instant at() {
            return exit.closedAt();
        }

        @Override
        public String kind() {
            return "target-hit";
        }

        @Override
        public Optional<String> follows() {
            return Optional.of(exit.signalId());
        }
    }

    /** The position reached its protective stop and was closed there. */
    record StopHit(TradeExit exit) implements Publication {
        public StopHit {
            requireReason(exit, TradeExit.ExitReason.STOP, "StopHit");
        }

        @Override
        public String id() {
            return "exit:" + exit.signalId();
        }

        @Override
        public Instant at() {
            return exit.closedAt();
        }

        @Override
        public String kind() {
            return "stop-hit";
        }

        @Override
        public Optional<String> follows() {
            return Optional.of(exit.signalId());
        }
    }

    /**
     * The protective stop of an open position was moved (e.g. to break-even).
     *
     * @param previousStop the stop subscribers were told before
     * @param newStop      the stop from now on
     */
    record StopMoved(String signalId, String underlying, String instrument, Direction direction, double previousStop,
                     double newStop, Instant at) implements Publication {
        public StopMoved {
            Objects.requireNonNull(signalId, "signalId");
            Objects.requireNonNull(underlying, "underlying");
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(at, "at");
            if (!(previousStop > 0) || !(newStop > 0) || previousStop == newStop) {
                throw new IllegalArgumentException("a stop move needs two different positive stops, were "
                        + previousStop + " and " + newStop);
            }
        }

        @Override
        public String id() {
            return "stop:" + signalId + ":" + at.toEpochMilli();
        }

        @Override
        public String kind() {
            return "stop-moved";
        }

        @Override
        public Optional<String> follows() {
            return Optional.of(signalId);
        }
    }

    /** The position was closed for another reason than its bracket (by hand, at the session's end). */
    record Closed(TradeExit exit) implements Publication {
        public Closed {
            Objects.requireNonNull(exit, "exit");
            if (exit.reason() == TradeExit.ExitReason.TARGET || exit.reason() == TradeExit.ExitReason.STOP) {
                throw new IllegalArgumentException("a close at the " + exit.reason().name().toLowerCase(Locale.ROOT)
                        + " of " + exit.signalId() + " is a " + (exit.reason() == TradeExit.ExitReason.TARGET
                        ? "TargetHit" : "StopHit") + ", not a Closed");
            }
        }

        @Override
        public String id() {
            return "exit:" + exit.signalId();
        }

        @Override
        public Instant at() {
            return exit.closedAt();
        }

        @Override
        public String kind() {
            return "closed";
        }

        @Override
        public Optional<String> follows() {
            return Optional.of(exit.signalId());
        }
    }

    /**
     * One trading session's results.
     *
     * @param netPoints   sum of per-contract points over the closed trades
     * @param netPnl      realized P&amp;L in account currency
     * @param bestPoints  best single trade in points
     * @param worstPoints worst single trade in points
     * @param at          when the recap was produced
     */
    record DailyRecap(LocalDate session, int trades, int wins, double netPoints, double netPnl, double bestPoints,
                      double worstPoints, Instant at) implements Publication {
        public DailyRecap {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(at, "at");
            if (trades < 0 || wins < 0 || wins > trades) {
                throw new IllegalArgumentException("need 0 <= wins <= trades, were wins=" + wins + " trades=" + trades);
            }
        }

        @Override
        public String id() {
            return "recap:" + session;
        }

        @Override
        public String kind() {
            return "daily-recap";
        }

        /** Share of winning trades in [0, 1]; 0 without trades. */
        public double winRate() {
            return trades == 0 ? 0 : (double) wins / trades;
        }
    }

    /**
     * The pre-market briefing of one session. Its text is already validated plain text per tier; renderers only
     * format, escape and split it per platform. When {@code hasChart}, the PNG is read through {@link ChartArchive}
     * under {@link #id()}.
     *
     * @param id          {@code briefing:<session>}
     * @param textByTier  the text each tier receives (every tier the briefing goes to)
     */
    record MorningBriefing(String id, LocalDate session, Instant at, String headline, Map<Tier, String> textByTier,
                           boolean hasChart) implements Publication {
        public MorningBriefing {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(headline, "headline");
            if (!idOf(session).equals(id)) {
                throw new IllegalArgumentException("a morning briefing's id must be " + idOf(session) + ", was " + id);
            }
            if (headline.isBlank()) {
                throw new IllegalArgumentException("briefing " + id + " has a blank headline");
            }
            if (textByTier == null || textByTier.isEmpty()) {
                throw new IllegalArgumentException("briefing " + id + " has no text for any tier");
            }
            textByTier.forEach((tier, text) -> {
                Objects.requireNonNull(tier, "tier");
                if (text == null || text.isBlank()) {
                    throw new IllegalArgumentException("briefing " + id + " has no text for tier " + tier.key());
                }
            });
            textByTier = Collections.unmodifiableMap(new EnumMap<>(textByTier));
        }

        /** The id of the briefing of {@code session}. */
        public static String idOf(LocalDate session) {
            return "briefing:" + session;
        }

        /** The text {@code tier} receives, naming the tier when the briefing has none for it. */
        public String textFor(Tier tier) {
            String text = textByTier.get(tier);
            if (text == null) {
                throw new IllegalArgumentException("briefing " + id + " has no text for tier " + tier.key());
            }
            return text;
        }

        @Override
        public String kind() {
            return "morning-briefing";
        }
    }

    private static void requireReason(TradeExit exit, TradeExit.ExitReason expected, String kind) {
        Objects.requireNonNull(exit, "exit");
        if (exit.reason() != expected) {
            throw new IllegalArgumentException("a " + kind + " needs an exit by " + expected.name().toLowerCase(Locale.ROOT)
                    + ", " + exit.signalId() + " closed by " + exit.reason().name().toLowerCase(Locale.ROOT));
        }
    }

    /** The update a close by {@code exit} publishes: target hit, stop hit, or closed. */
    static Publication closeOf(TradeExit exit) {
        return switch (exit.reason()) {
            case TARGET -> new TargetHit(exit);
            case STOP -> new StopHit(exit);
            case MANUAL, EXPIRY -> new Closed(exit);
        };
    }
}
