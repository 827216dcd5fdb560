package com.alphacast.functions.morning.chart;

import java.time.Instant;
import java.util.Objects;

/** One point of the prior session's price line (a bar's close at its start). */
public record PricePoint(Instant at, double price) {
    public PricePoint {
        Objects.requireNonNull(at, "at");
        if (!Double.isFinite(price) || price <= 0) {
            throw new IllegalArgumentException("price at " + at + " must be positive, was " + price);
        }
    }
}
