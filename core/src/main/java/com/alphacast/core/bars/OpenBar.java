package com.alphacast.core.bars;

import com.alphacast.core.market.Bar;

/**
 * The bar currently being filled by a bar builder. Mutable on purpose: the builders sit on the per-trade hot path
 * and must not allocate anything except the completed {@link Bar} they hand back.
 */
final class OpenBar {

    private final String symbol;
    private boolean open;
    private long startMillis;
    private long lastMillis;
    private double openPrice;
    private double high;
    private double low;
    private double close;
    private long volume;
    private double notional;
    private int trades;

    OpenBar(String symbol) {
        this.symbol = symbol;
    }

    boolean isOpen() {
        return open;
    }

    long startMillis() {
        return startMillis;
    }

    long volume() {
        return volume;
    }

    double notional() {
        return notional;
    }

    void start(long startMillis, long epochMillis, double price, long size) {
        open = true;
        this.startMillis = startMillis;
        lastMillis = epochMillis;
        openPrice = price;
        high = price;
        low = price;
        close = price;
        volume = size;
        notional = price * size;
        trades = 1;
    }

    void add(long epochMillis, double price, long size) {
        if (price > high) {
            high = price;
        }
        if (price < low) {
            low = price;
        }
        close = price;
        volume += size;
        notional += price * size;
        trades++;
        if (epochMillis > lastMillis) {
            lastMillis = epochMillis;
        }
    }

    /** Completes the bar with the given exclusive end time and clears this accumulator. */
    Bar close(long endMillis) {
        Bar bar = new Bar(symbol, startMillis, endMillis, openPrice, high, low, close, volume, trades);
        open = false;
        return bar;
    }

    /** Activity-based bars (volume, dollar) end just after their last trade: Bar.endMillis is exclusive. */
    Bar closeAfterLastTrade() {
        return close(lastMillis + 1);
    }

    static void requireValid(double price, long size) {
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("price must be positive and finite, was " + price);
        }
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive, was " + size);
        }
    }
}
