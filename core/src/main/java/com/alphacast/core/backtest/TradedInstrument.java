package com.alphacast.core.backtest;

/**
 * How a backtest prices one instrument: its tick (for the paper broker's slippage) and currency per point per
 * contract (for P&amp;L).
 */
public record TradedInstrument(String symbol, double tickSize, double multiplier) {

    public TradedInstrument {
        if (!(tickSize > 0) || !(multiplier > 0)) {
            throw new IllegalArgumentException(symbol + ": tick size and multiplier must be positive, were " + tickSize
                    + " and " + multiplier);
        }
    }
}
