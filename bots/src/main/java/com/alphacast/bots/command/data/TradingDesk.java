package com.alphacast.bots.command.data;

import java.util.Objects;

/** The data the command router reads and the levers it pulls, bundled for wiring. */
public record TradingDesk(PositionBook positions, PnlHistory pnl, SignalHistory signals, TradingControl control) {

    public TradingDesk {
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(pnl, "pnl");
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(control, "control");
    }

    public static TradingDesk of(InMemoryTradingDesk desk) {
        return new TradingDesk(desk, desk, desk, desk);
    }
}
