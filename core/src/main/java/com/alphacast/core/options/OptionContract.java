package com.alphacast.core.options;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One option contract in a chain snapshot. Quote fields and greeks are NaN when the feed leaves them blank;
 * {@code gamma} and {@code delta} are the feed's own values (calculations fall back to Black–Scholes when NaN).
 *
 * @param symbol       OCC symbol
 * @param last         last sale price
 * @param bid          bid
 * @param ask          ask
 * @param volume       contracts traded in the session
 * @param openInterest open contracts
 * @param impliedVol   implied volatility as a fraction (0.1647 = 16.47%)
 * @param delta        the feed's delta (puts negative)
 * @param gamma        the feed's gamma
 */
public record OptionContract(OccSymbol symbol, double last, double bid, double ask, long volume, long openInterest,
                             double impliedVol, double delta, double gamma) {

    public OptionContract {
        Objects.requireNonNull(symbol, "symbol");
        if (volume < 0 || openInterest < 0) {
            throw new IllegalArgumentException(symbol + ": volume and open interest must be >= 0");
        }
    }

    public OptionRight right() {
        return symbol.right();
    }

    public LocalDate expiry() {
        return symbol.expiry();
    }

    public double strike() {
        return symbol.strikeValue();
    }

    public boolean isCall() {
        return symbol.right() == OptionRight.CALL;
    }

    /** Mid of bid and ask when both are quoted and the ask is positive; otherwise the last sale; NaN if neither. */
    public double mid() {
        if (bid >= 0 && ask > 0 && ask >= bid) {
            return (bid + ask) / 2;
        }
        return last > 0 ? last : Double.NaN;
    }
}
