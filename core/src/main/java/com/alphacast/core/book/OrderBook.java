package com.alphacast.core.book;

import java.util.Objects;

/**
 * A price-level order book (aggregated quantity per price, no individual orders), for feeds such as Binance depth
 * streams. Top-of-book measures follow docs/analytics-conventions.md ("Order book: OBI, microprice, spread"):
 * <ul>
 *   <li>{@code OBI = (bidQty − askQty) / (bidQty + askQty)} in [−1, 1] at the top of book;</li>
 *   <li>depth-weighted OBI over the top k levels, level i (0 = best) weighted {@code decay^i}
 *       ({@code decay = 1} sums plain depth);</li>
 *   <li>{@code microprice = (askPx × bidQty + bidPx × askQty) / (bidQty + askQty)};</li>
 *   <li>spread {@code askPx − bidPx} and mid.</li>
 * </ul>
 * Measures on an empty side are NaN. Updates are O(log n) search plus a short array move near the top and allocate
 * nothing at steady depth. Not thread-safe: one book per consumer thread.
 */
public final class OrderBook {

    private final String symbol;
    private final PriceLevels bids;
    private final PriceLevels asks;

    public OrderBook(String symbol, int expectedDepth) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.bids = new PriceLevels(true, expectedDepth);
        this.asks = new PriceLevels(false, expectedDepth);
    }

    public OrderBook(String symbol) {
        this(symbol, 1024);
    }

    public String symbol() {
        return symbol;
    }

    public void clear() {
        bids.clear();
        asks.clear();
    }

    /** Sets the aggregate quantity at a price level; quantity 0 deletes the level. */
    public void update(BookSide side, double price, double quantity) {
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException(symbol + ": level price must be positive and finite, was " + price);
        }
        if (!(quantity >= 0) || Double.isInfinite(quantity)) {
            throw new IllegalArgumentException(symbol + ": level quantity must be finite and >= 0, was " + quantity);
        }
        (side == BookSide.BID ? bids : asks).set(price, quantity);
    }

    public void updateBid(double price, double quantity) {
        update(BookSide.BID, price, quantity);
    }

    public void updateAsk(double price, double quantity) {
        update(BookSide.ASK, price, quantity);
    }

    public int depth(BookSide side) {
        return (side == BookSide.BID ? bids : asks).size();
    }

    /** Price {@code level} levels from the top (0 = best), NaN if the side is not that deep. */
    public double price(BookSide side, int level) {
        return (side == BookSide.BID ? bids : asks).price(level);
    }

    public double quantity(BookSide side, int level) {
        return (side == BookSide.BID ? bids : asks).quantity(level);
    }

    public double quantityAt(BookSide side, double price) {
        return (side == BookSide.BID ? bids : asks).quantityAt(price);
    }

    public double bestBidPrice() {
        return bids.price(0);
    }

    public double bestBidQuantity() {
        return bids.quantity(0);
    }

    public double bestAskPrice() {
        return asks.price(0);
    }

    public double bestAskQuantity() {
        return asks.quantity(0);
    }

    public boolean isCrossed() {
        return bids.size() > 0 && asks.size() > 0 && bestBidPrice() >= bestAskPrice();
    }

    public double spread() {
        return bestAskPrice() - bestBidPrice();
    }

    public double mid() {
        return (bestAskPrice() + bestBidPrice()) / 2;
    }

    /** Top-of-book order-book imbalance in [−1, 1]. */
    public double imbalance() {
        double b = bestBidQuantity();
        double a = bestAskQuantity();
        return (b - a) / (b + a);
    }

    /** Depth-weighted imbalance over the top {@code levels} levels of each side, level i weighted {@code decay^i}. */
    public double depthImbalance(int levels, double decay) {
        if (levels < 1) {
            throw new IllegalArgumentException("levels must be at least 1, was " + levels);
        }
        if (!(decay > 0) || decay > 1) {
            throw new IllegalArgumentException("decay must be in (0, 1], was " + decay);
        }
        if (bids.size() == 0 || asks.size() == 0) {
            return Double.NaN;
        }
        double b = 0;
        double a = 0;
        double w = 1;
        for (int i = 0; i < levels; i++) {
            if (i < bids.size()) {
                b += w * bids.quantity(i);
            }
            if (i < asks.size()) {
                a += w * asks.quantity(i);
            }
            w *= decay;
        }
        return (b - a) / (b + a);
    }

    /** Quantity-weighted microprice at the top of book. */
    public double microprice() {
        double b = bestBidQuantity();
        double a = bestAskQuantity();
        return (bestAskPrice() * b + bestBidPrice() * a) / (b + a);
    }

    /** An immutable copy of the top of book (allocates; for reporting, not the hot path). */
    public TopOfBook top(long updateId) {
        return new TopOfBook(symbol, updateId, bestBidPrice(), bestBidQuantity(), bestAskPrice(), bestAskQuantity());
    }
}
