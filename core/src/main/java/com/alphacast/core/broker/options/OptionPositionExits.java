package com.alphacast.core.broker.options;

import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.calendar.MarketSession;
import com.alphacast.core.options.OccSymbol;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.OptionContract;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.core.trading.Position;
import com.alphacast.core.trading.PositionExit;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Closes option positions on the premium: the position's stop and target are premium levels, checked against the
 * side of the quote it would close at (the bid for a long, the ask for a short). A contract expiring on the
 * session's day is closed {@code zeroDteExitMinutesBeforeClose} minutes before the calendar's close (early closes
 * included), whatever the premium, so no paper position is ever left to settle.
 */
public final class OptionPositionExits {

    private final OptionPaperBroker broker;
    private final OptionFillRules rules;
    private final MarketCalendar calendar;

    public OptionPositionExits(OptionPaperBroker broker, OptionFillRules rules, MarketCalendar calendar) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** When a contract expiring on its expiry date must be closed; empty if that day has no session. */
    public Optional<Instant> expiryCutoff(OccSymbol symbol) {
        return calendar.session(symbol.expiry()).map(MarketSession::closes)
                .map(close -> close.minus(Duration.ofMinutes(rules.zeroDteExitMinutesBeforeClose())));
    }

    /**
     * Whether the chain snapshot taken at {@code time} takes {@code position} out, and at what price (the closing
     * side of the quote, slipped as a fill would be). Snapshots before the position opened never do.
     */
    public Optional<PositionExit> exitAt(Position position, OptionChain chain, Instant time) {
        if (time.isBefore(position.openedAt())) {
            return Optional.empty();
        }
        OccSymbol symbol = OccSymbol.parse(position.instrument());
        Optional<OptionContract> quoted = chain.contracts().stream().filter(c -> c.symbol().equals(symbol)).findFirst();
        Direction closingSide = position.direction() == Direction.LONG ? Direction.SHORT : Direction.LONG;
        boolean cutoff = expiryCutoff(symbol).map(at -> !time.isBefore(at)).orElse(false);
        boolean noBid = quoted.isPresent() && closingSide == Direction.SHORT
                && !hasClosingQuote(quoted.get(), closingSide);
        if (cutoff && noBid) {
            // quoted with no bid at the cutoff: nobody pays anything for it, so the long is closed as worthless rather
            // than left open into expiry or retried on every bar
            return Optional.of(new PositionExit(position.signalId(), ExitReason.EXPIRY_CUTOFF, 0.0, time));
        }
        if (quoted.isEmpty() || !hasClosingQuote(quoted.get(), closingSide)) {
            if (cutoff) {
                // absent from the chain, or a short with no ask to buy back at: a data problem an operator must see
                // (the bar is retried, then dead-lettered) rather than a close at an invented price
                throw new IllegalStateException(position.signalId() + ": " + symbol + " reached its expiry cutoff at "
                        + time + " with no quote to close at");
            }
            return Optional.empty();
        }
        OptionContract contract = quoted.get();
        double closeAt = broker.executionPrice(contract, closingSide);
        double mark = closingSide == Direction.SHORT ? contract.bid() : contract.ask();
        double sign = position.direction().sign();
        if (sign * (mark - position.stop()) <= 0) {
            return Optional.of(new PositionExit(position.signalId(), ExitReason.STOP, closeAt, time));
        }
        if (sign * (mark - position.target()) >= 0) {
            return Optional.of(new PositionExit(position.signalId(), ExitReason.TARGET, closeAt, time));
        }
        if (cutoff) {
            return Optional.of(new PositionExit(position.signalId(), ExitReason.EXPIRY_CUTOFF, closeAt, time));
        }
        return Optional.empty();
    }

    private static boolean hasClosingQuote(OptionContract contract, Direction closingSide) {
        return closingSide == Direction.SHORT ? contract.bid() > 0 : contract.ask() > 0;
    }
}
