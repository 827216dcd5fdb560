package com.alphacast.core.book;

import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link DepthUpdate} a decoder refills for every message: levels go into arrays that only grow, so decoding and
 * applying a diff allocates nothing once the buffer has seen the widest message. Valid until the next refill;
 * receivers that keep an update keep {@link #copy()}. Not thread-safe.
 */
public final class DepthUpdateBuffer implements DepthUpdate {

    private String symbol = "";
    private long eventTimeMillis;
    private long firstUpdateId;
    private long finalUpdateId;
    private long previousFinalUpdateId = -1;
    private double[] bids = new double[64];
    private double[] asks = new double[64];
    private int bidCount;
    private int askCount;

    /** Forgets the bid levels (a message's bid list starts). */
    public void clearBids() {
        bidCount = 0;
    }

    /** Forgets the ask levels (a message's ask list starts). */
    public void clearAsks() {
        askCount = 0;
    }

    public void addBid(double price, double quantity) {
        if (2 * bidCount + 2 > bids.length) {
            bids = Arrays.copyOf(bids, bids.length * 2);
        }
        bids[2 * bidCount] = price;
        bids[2 * bidCount + 1] = quantity;
        bidCount++;
    }

    public void addAsk(double price, double quantity) {
        if (2 * askCount + 2 > asks.length) {
            asks = Arrays.copyOf(asks, asks.length * 2);
        }
        asks[2 * askCount] = price;
        asks[2 * askCount + 1] = quantity;
        askCount++;
    }

    /**
     * Sets the ids the levels added since the last clear belong to.
     *
     * @throws IllegalArgumentException when {@code finalUpdateId < firstUpdateId}, as {@link ImmutableDepthUpdate}
     */
    public void ids(String symbol, long eventTimeMillis, long firstUpdateId, long finalUpdateId,
                    long previousFinalUpdateId) {
        if (finalUpdateId < firstUpdateId) {
            throw new IllegalArgumentException("final update id " + finalUpdateId + " < first " + firstUpdateId);
        }
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.eventTimeMillis = eventTimeMillis;
        this.firstUpdateId = firstUpdateId;
        this.finalUpdateId = finalUpdateId;
        this.previousFinalUpdateId = previousFinalUpdateId;
    }

    @Override
    public String symbol() {
        return symbol;
    }

    @Override
    public long eventTimeMillis() {
        return eventTimeMillis;
    }

    @Override
    public long firstUpdateId() {
        return firstUpdateId;
    }

    @Override
    public long finalUpdateId() {
        return finalUpdateId;
    }

    @Override
    public long previousFinalUpdateId() {
        return previousFinalUpdateId;
    }

    @Override
    public int bidCount() {
        return bidCount;
    }

    @Override
    public double bidPrice(int level) {
        return bids[2 * level];
    }

    @Override
    public double bidQuantity(int level) {
        return bids[2 * level + 1];
    }

    @Override
    public int askCount() {
        return askCount;
    }

    @Override
    public double askPrice(int level) {
        return asks[2 * level];
    }

    @Override
    public double askQuantity(int level) {
        return asks[2 * level + 1];
    }

    @Override
    public ImmutableDepthUpdate copy() {
        double[] bp = new double[bidCount];
        double[] bq = new double[bidCount];
        for (int i = 0; i < bidCount; i++) {
            bp[i] = bids[2 * i];
            bq[i] = bids[2 * i + 1];
        }
        double[] ap = new double[askCount];
        double[] aq = new double[askCount];
        for (int i = 0; i < askCount; i++) {
            ap[i] = asks[2 * i];
            aq[i] = asks[2 * i + 1];
        }
        return new ImmutableDepthUpdate(symbol, eventTimeMillis, firstUpdateId, finalUpdateId, previousFinalUpdateId,
                bp, bq, ap, aq);
    }
}
