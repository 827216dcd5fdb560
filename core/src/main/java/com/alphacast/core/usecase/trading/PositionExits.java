package com.alphacast.core.usecase.trading;

import com.alphacast.core.market.BarHistory;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.publication.TradeExit;
import com.alphacast.core.trading.Position;
import com.alphacast.core.trading.PositionExit;
import com.alphacast.core.usecase.publication.PublicationRelease;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one owner of stop and target exits. The exit is always the <em>first</em> bar since the fill that reached a
 * level, read from the recorded bars, so every evaluation (a new bar, a new fill) reaches the same exit whatever
 * order they run in. A position that exited gives its risk slot back and its close (with realized P&amp;L) is
 * published <em>before</em> the position is marked closed: each step is idempotent, so a crash part-way leaves the
 * position open and the next evaluation redoes all three, and the risk check's count can never keep a slot for a
 * position the positions table has closed.
 */
public final class PositionExits {

    private final TradingLedger ledger;
    private final BarHistory market;
    private final double multiplier;
    private final RiskSlots slots;
    private final PublicationRelease publications;
    private final ExitWatermark watermark;

    public PositionExits(TradingLedger ledger, BarHistory market, double multiplier, RiskSlots slots,
                         PublicationRelease publications, ExitWatermark watermark) {
        this.ledger = ledger;
        this.market = market;
        this.multiplier = multiplier;
        this.slots = slots;
        this.publications = publications;
        this.watermark = watermark;
    }

    /**
     * Closes every open position on {@code symbol} that exited in bars ending at or before {@code horizon}, then
     * records that exits on {@code symbol} are checked through {@code horizon}: not when a close failed (the retry
     * must finish it first), nor while a slot is held by an approval whose order is not filled yet (its position
     * cannot be checked before it exists; the order function asks for a check once it is).
     */
    public List<PositionExit> closeExited(String symbol, Instant horizon) {
        List<PositionExit> closed = new ArrayList<>();
        for (Position position : ledger.openPositions()) {
            if (position.underlying().equals(symbol)) {
                closeIfExited(position, horizon).ifPresent(closed::add);
            }
        }
        Set<String> opened = new HashSet<>();
        ledger.openPositions().forEach(position -> opened.add(position.signalId()));
        if (opened.containsAll(slots.held())) {
            watermark.checkedThrough(symbol, horizon);
        }
        return closed;
    }

    /** Closes {@code position} if it exited in bars ending at or before {@code horizon}. */
    public Optional<PositionExit> closeIfExited(Position position, Instant horizon) {
        if (!horizon.isAfter(position.openedAt())) {
            return Optional.empty();
        }
        Optional<PositionExit> exit = position.firstExitIn(
                market.barsBetween(position.underlying(), position.openedAt(), horizon));
        if (exit.isEmpty()) {
            return Optional.empty();
        }
        double pnl = position.realizedPnl(exit.get(), multiplier);
        slots.release(exit.get());
        publications.publish(Publication.closeOf(tradeExit(position, exit.get(), pnl)));
        return ledger.close(position, exit.get(), pnl) ? exit : Optional.empty();
    }

    private static TradeExit tradeExit(Position position, PositionExit exit, double pnl) {
        TradeExit.ExitReason reason = switch (exit.reason()) {
            case STOP -> TradeExit.ExitReason.STOP;
            case TARGET -> TradeExit.ExitReason.TARGET;
            case EXPIRY_CUTOFF -> TradeExit.ExitReason.EXPIRY;
        };
        return new TradeExit(position.signalId(), position.underlying(), position.instrument(), position.direction(),
                position.quantity(), position.entryPrice(), exit.price(), reason, position.openedAt(), exit.time(), pnl);
    }
}
