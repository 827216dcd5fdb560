package com.alphacast.core.usecase.trading;

import com.alphacast.core.market.BarHistory;
import com.alphacast.core.trading.Position;
import com.alphacast.core.trading.PositionExit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Closes positions whose stop or target the market reached. The exit is always the <em>first</em> bar since
 * the fill that reached a level, read from the recorded bars, so every evaluation (a new bar, a new fill)
 * reaches the same exit whatever order they run in; the close itself is conditional, so it happens once.
 */
public final class PositionExits {

    private final TradingLedger ledger;
    private final BarHistory market;
    private final double multiplier;

    public PositionExits(TradingLedger ledger, BarHistory market, double multiplier) {
        this.ledger = ledger;
        this.market = market;
        this.multiplier = multiplier;
    }

    /** Closes every open position on {@code symbol} that exited in bars ending at or before {@code horizon}. */
    public List<PositionExit> closeExited(String symbol, Instant horizon) {
        List<PositionExit> closed = new ArrayList<>();
        for (Position position : ledger.openPositions()) {
            if (position.underlying().equals(symbol)) {
                closeIfExited(position, horizon).ifPresent(closed::add);
            }
        }
        return closed;
    }

    /** Closes {@code position} if it exited in bars ending at or before {@code horizon}. */
    public Optional<PositionExit> closeIfExited(Position position, Instant horizon) {
        if (!horizon.isAfter(position.openedAt())) {
            return Optional.empty();
        }
        Optional<PositionExit> exit = position.firstExitIn(market.barsBetween(position.underlying(), position.openedAt(), horizon));
        if (exit.isPresent() && ledger.close(position, exit.get(), position.realizedPnl(exit.get(), multiplier))) {
            return exit;
        }
        return Optional.empty();
    }
}
