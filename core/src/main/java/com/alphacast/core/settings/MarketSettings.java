package com.alphacast.core.settings;

import com.alphacast.core.calendar.TradingSession;

/**
 * The instrument the worker trades and how its prices and days are counted.
 *
 * @param symbol             feed symbol (e.g. {@code ES})
 * @param instrument         tradable contract signals name (e.g. {@code ESU1})
 * @param tickSize           minimum price increment
 * @param contractMultiplier currency per point per contract (ES: 50)
 * @param session            how timestamps map to trading days
 */
public record MarketSettings(String symbol, String instrument, double tickSize, double contractMultiplier,
                             TradingSession session) {
}
