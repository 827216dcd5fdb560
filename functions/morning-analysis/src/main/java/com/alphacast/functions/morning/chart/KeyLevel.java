package com.alphacast.functions.morning.chart;

import java.util.Objects;

/** A price level drawn across the prior session's panel, named as the briefing names it ("call wall"). */
public record KeyLevel(String label, double price) {
    public KeyLevel {
        Objects.requireNonNull(label, "label");
        if (!Double.isFinite(price) || price <= 0) {
            throw new IllegalArgumentException("key level '" + label + "' needs a positive price, was " + price);
        }
    }
}
