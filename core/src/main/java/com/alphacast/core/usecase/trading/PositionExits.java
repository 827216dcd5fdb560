package com.alphacast.core.usecase.trading;

import com.alphacast.core.broker.MarketPrices;
import com.alphacast.core.broker.options.OptionPremiumExits;
import com.alphacast.core.market.Bar;
import com.alphacast.core.market.BarHistory;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.publication.TradeExit;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.core.trading.Position;
import com.alphacast.core.trading.PositionExit;
import com.alphacast.core.usecase.publication.PublicationRelease;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one owner of stop and target exits. The exit is always the <em>first</em> bar since the fill that reached a
 * level, read from the recorded bars, so every evaluation (a new bar, a new fill) reaches the same exit whatever
 * order they run in. A position that exited gives its risk slot back and its close (with realized P&amp;L) is
 * published <em>before</em> the position is marked closed: each step is idempotent, so a crash part-way leaves the
 * position open and the next evaluation redoes all three, and the risk check's count can never keep a slot for a
 * position the positions table has closed. An operator's close request ({@link #closeOnRequest}) goes the same way.
 *
 * <p>A position holding an option contract (the order function filled a signal's option leg) is judged by
 * {@link OptionPremiumExits} instead: its premium stop and target on the stored chains at each bar since the fill,
 * and the expiry cutoff; its P&amp;L uses the contract's multiplier.
 */
public final class PositionExits {

    private final TradingLedger ledger;
    private final BarHistory market;
    private final MarketPrices prices;
    private final double multiplier;
    private final RiskSlots slots;
    private final PublicationRelease publications;
    private final ExitWatermark watermark;
    private final Optional<OptionPremiumExits> options;
    /**
     * Per open position (the whole record, so a changed stop or target starts over): the horizon up to which its
     * bars were read and held no exit. Kept by this instance only (one per function container); a new container
     * starts from each fill again, which is slower, never wrong.
     */
    private final Map<Position, Instant> checkedWithoutExit = new HashMap<>();

    /** Exits of positions on the instrument itself only (no option positions are expected). */
    public PositionExits(TradingLedger ledger, BarHistory market, MarketPrices prices, double multiplier,
                         RiskSlots slots, PublicationRelease publications, ExitWatermark watermark) {
        this(ledger, market, prices, multiplier, slots, publications, watermark, Optional.empty());
    }

    /** @param options how positions holding an option contract exit; without it they are judged on the bars */
    public PositionExits(TradingLedger ledger, BarHistory market, MarketPrices prices, double multiplier,
                         RiskSlots slots, PublicationRelease publications, ExitWatermark watermark,
                         Optional<OptionPremiumExits> options) {
        this.options = options;
        this.ledger = ledger;
        this.market = market;
        this.prices = prices;
        this.multiplier = multiplier;
        this.slots = slots;
        this.publications = publications;
        this.watermark = watermark;
    }

    /**
     * Closes every open position on {@code symbol} that exited in bars ending at or before {@code horizon}, then
     * records which positions on {@code symbol} are checked through {@code horizon}: those open when this check read
     * them. Nothing is recorded when a close failed (the retry must finish it first). An approval whose position was
     * not open yet (its order not filled) is not named, so the risk check keeps waiting for it; the order function asks
     * for a check once it is filled.
     *
     * <p>Reads per call: the open positions once, the symbol's bars once (from the earliest bar any of its positions
     * still has to check; each position then judges only the bars after its own last check).
     */
    public List<PositionExit> closeExited(String symbol, Instant horizon) {
        List<Position> open = ledger.openPositions();
        checkedWithoutExit.keySet().retainAll(open);
        List<Position> onSymbol = open.stream().filter(position -> position.underlying().equals(symbol)).toList();
        List<Bar> bars = uncheckedBars(symbol, onSymbol, horizon);
        List<PositionExit> closed = new ArrayList<>();
        for (Position position : onSymbol) {
            Optional<PositionExit> exit = exitIn(position, horizon, bars);
            if (exit.isPresent() && close(position, exit.get())) {
                closed.add(exit.get());
            }
        }
        Set<String> checked = new HashSet<>();
        onSymbol.forEach(position -> checked.add(position.signalId()));
        watermark.checked(symbol, new ExitCheck(horizon, checked));
        return closed;
    }

    /** Closes {@code position} if it exited in bars ending at or before {@code horizon}. */
    public Optional<PositionExit> closeIfExited(Position position, Instant horizon) {
        Optional<PositionExit> exit = bracketExit(position, horizon);
        return exit.isPresent() && close(position, exit.get()) ? exit : Optional.empty();
    }

    /**
     * Closes the position {@code request} names if it is still open, priced by the latest snapshot stored at or
     * before the request: at its stop or target when the bars up to that snapshot reached one (that exit came
     * first), otherwise at the snapshot's last price as an operator close. The slot is given back and the close
     * published as for any exit, so a redelivered request, or a second /closeall, finds it closed and does nothing.
     *
     * @return the exit when this call closed the position; empty when it was not open (any more)
     * @throws IllegalStateException when no snapshot of the position's underlying is stored at all (nothing to
     *                               price the close with; the request is retried)
     */
    public Optional<PositionExit> closeOnRequest(CloseRequest request) {
        Optional<Position> open = ledger.openPositions().stream()
                .filter(position -> position.signalId().equals(request.signalId())).findFirst();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        Position position = open.get();
        MarketSnapshot latest = prices.atOrBefore(position.underlying(), request.requestedAt())
                .orElseThrow(() -> new IllegalStateException("no market snapshot of " + position.underlying()
                        + " at or before " + request.requestedAt() + " to close " + position.signalId() + " at"));
        Instant horizon = latest.bar().end();
        Optional<OptionPremiumExits> option = optionExits(position);
        PositionExit exit = bracketExit(position, horizon).orElseGet(() -> option.isPresent()
                ? option.get().closeAt(position, horizon)
                : new PositionExit(position.signalId(), ExitReason.OPERATOR, latest.lastPrice(),
                horizon.isAfter(position.openedAt()) ? horizon : position.openedAt()));
        return close(position, exit) ? Optional.of(exit) : Optional.empty();
    }

    /**
     * The first exit in the bars from the position's fill to {@code horizon}. Bars this instance already found no
     * exit in are not read again: a bar is stored before it is announced and never changes, so only the bars
     * starting at or after the last horizon checked can hold the first exit. Without that, every bar re-read every
     * bar since each open position's fill (quadratic in the bars a position stays open).
     */
    private Optional<PositionExit> bracketExit(Position position, Instant horizon) {
        return exitIn(position, horizon, uncheckedBars(position.underlying(), List.of(position), horizon));
    }

    /** Where {@code position} has still to look for its exit: from its fill, or from the horizon it was last found quiet. */
    private Instant uncheckedFrom(Position position) {
        return checkedWithoutExit.getOrDefault(position, position.openedAt());
    }

    /**
     * One read of {@code symbol}'s bars for all of {@code positions}: from the earliest point any of them has still to
     * check up to {@code horizon}; none when every one is checked through it already.
     */
    private List<Bar> uncheckedBars(String symbol, List<Position> positions, Instant horizon) {
        Instant earliest = null;
        for (Position position : positions) {
            Instant from = uncheckedFrom(position);
            if (horizon.isAfter(from) && (earliest == null || from.isBefore(earliest))) {
                earliest = from;
            }
        }
        return earliest == null ? List.of() : market.barsBetween(symbol, earliest, horizon);
    }

    /**
     * The first exit of {@code position} in {@code bars} (its underlying's, in time order, read from at or before
     * where this position has still to look), judging only the bars that start where it has still to look.
     */
    private Optional<PositionExit> exitIn(Position position, Instant horizon, List<Bar> bars) {
        Instant from = uncheckedFrom(position);
        if (!horizon.isAfter(from)) {
            return Optional.empty();
        }
        int first = 0;
        while (first < bars.size() && bars.get(first).start().isBefore(from)) {
            first++;
        }
        List<Bar> unchecked = bars.subList(first, bars.size());
        Optional<OptionPremiumExits> option = optionExits(position);
        Optional<PositionExit> exit = option.isPresent() ? option.get().firstExit(position, unchecked)
                : position.firstExitIn(unchecked);
        if (exit.isEmpty()) {
            checkedWithoutExit.merge(position, horizon, (before, now) -> now.isAfter(before) ? now : before);
        }
        return exit;
    }

    private Optional<OptionPremiumExits> optionExits(Position position) {
        return options.filter(o -> o.holds(position));
    }

    /** Slot back, close published, then the position marked closed: each step idempotent, in this order. */
    private boolean close(Position position, PositionExit exit) {
        double pnl = position.realizedPnl(exit, optionExits(position).map(o -> o.multiplier(position))
                .orElse(multiplier));
        slots.release(exit);
        publications.publish(Publication.closeOf(tradeExit(position, exit, pnl)));
        return ledger.close(position, exit, pnl);
    }

    private static TradeExit tradeExit(Position position, PositionExit exit, double pnl) {
        TradeExit.ExitReason reason = switch (exit.reason()) {
            case STOP -> TradeExit.ExitReason.STOP;
            case TARGET -> TradeExit.ExitReason.TARGET;
            case EXPIRY_CUTOFF -> TradeExit.ExitReason.EXPIRY;
            case OPERATOR -> TradeExit.ExitReason.MANUAL;
        };
        return new TradeExit(position.signalId(), position.underlying(), position.instrument(), position.direction(),
                position.quantity(), position.entryPrice(), exit.price(), reason, position.openedAt(), exit.time(), pnl);
    }
}
