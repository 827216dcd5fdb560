package com.alphacast.feeds.binance;

import com.alphacast.core.book.OrderBook;

/**
 * Checks a rebuilt book against the venue's own best bid/offer: a Binance {@code bookTicker} with update id {@code u}
 * must equal the book's top right after the depth event whose final id is {@code u} (docs/analytics-conventions.md,
 * "Order book: Binance depth sync"). A ticker may arrive before or after its depth event, so the tops of the last
 * {@code capacity} applied events and the tickers still waiting for theirs are kept in primitive rings: nothing is
 * allocated per event. Not thread-safe.
 */
final class BookCheckpoints {

    static final int NONE = 0;
    static final int MATCHED = 1;
    static final int MISMATCHED = -1;

    private final int capacity;
    private final long[] appliedIds;
    private final double[] appliedTops;
    private int appliedHead;
    private int appliedSize;
    private final int maxPending;
    private long[] pendingIds;
    private double[] pendingTops;
    private int pendingSize;
    private long matched;
    private long mismatched;
    private long unverifiable;
    private long mismatchId = -1;

    /**
     * @param capacity   applied events remembered
     * @param maxPending tickers that may wait for their depth event (grows to this; while a snapshot is awaited
     *                   every ticker waits)
     */
    BookCheckpoints(int capacity, int maxPending) {
        this.capacity = capacity;
        this.maxPending = maxPending;
        this.appliedIds = new long[capacity];
        this.appliedTops = new double[capacity * 4];
        this.pendingIds = new long[64];
        this.pendingTops = new double[64 * 4];
    }

    /**
     * Forgets the applied tops (a new snapshot starts a new book). Waiting tickers stay: the venue's top at their id
     * is what any correct book shows after that event, however the book got there.
     */
    void reset() {
        appliedSize = 0;
        appliedHead = 0;
    }

    /** Remembers the top after the event ending at {@code finalId}; checks the tickers that were waiting for it. */
    int onApplied(long finalId, OrderBook book) {
        int slot = appliedHead;
        appliedIds[slot] = finalId;
        appliedTops[4 * slot] = book.bestBidPrice();
        appliedTops[4 * slot + 1] = book.bestBidQuantity();
        appliedTops[4 * slot + 2] = book.bestAskPrice();
        appliedTops[4 * slot + 3] = book.bestAskQuantity();
        appliedHead = (appliedHead + 1) % capacity;
        appliedSize = Math.min(appliedSize + 1, capacity);
        int result = NONE;
        int kept = 0;
        for (int i = 0; i < pendingSize; i++) {
            long id = pendingIds[i];
            if (id == finalId) {
                int r = compare(pendingTops[4 * i], pendingTops[4 * i + 1], pendingTops[4 * i + 2],
                        pendingTops[4 * i + 3], appliedTops, 4 * slot, id);
                result = result == MISMATCHED ? MISMATCHED : r;
            } else if (id < finalId) {
                unverifiable++; // its depth event was not one this book applied (inside another event's range)
            } else {
                move(i, kept++);
            }
        }
        pendingSize = kept;
        return result;
    }

    /** A ticker at update id {@code u}; {@code lastApplied} is the book's last applied final id (−1 if none). */
    int onTicker(long u, double bid, double bidQty, double ask, double askQty, long lastApplied) {
        if (u > lastApplied) {
            if (pendingSize == pendingIds.length) {
                if (pendingSize < maxPending) {
                    pendingIds = java.util.Arrays.copyOf(pendingIds, pendingSize * 2);
                    pendingTops = java.util.Arrays.copyOf(pendingTops, pendingSize * 8);
                } else {
                    // give up the older half (they arrived first: the array is in arrival order)
                    int half = pendingSize / 2;
                    System.arraycopy(pendingIds, half, pendingIds, 0, pendingSize - half);
                    System.arraycopy(pendingTops, 4 * half, pendingTops, 0, 4 * (pendingSize - half));
                    pendingSize -= half;
                    unverifiable += half;
                }
            }
            int p = pendingSize++;
            pendingIds[p] = u;
            pendingTops[4 * p] = bid;
            pendingTops[4 * p + 1] = bidQty;
            pendingTops[4 * p + 2] = ask;
            pendingTops[4 * p + 3] = askQty;
            return NONE;
        }
        for (int n = 0; n < appliedSize; n++) {
            int slot = Math.floorMod(appliedHead - 1 - n, capacity);
            long id = appliedIds[slot];
            if (id == u) {
                return compare(bid, bidQty, ask, askQty, appliedTops, 4 * slot, u);
            }
            if (id < u) {
                break;
            }
        }
        unverifiable++;
        return NONE;
    }

    private int compare(double bid, double bidQty, double ask, double askQty, double[] tops, int b, long id) {
        // exact: both sides come from the same decimal strings
        boolean same = Double.compare(bid, tops[b]) == 0 && Double.compare(bidQty, tops[b + 1]) == 0
                && Double.compare(ask, tops[b + 2]) == 0 && Double.compare(askQty, tops[b + 3]) == 0;
        if (same) {
            matched++;
            return MATCHED;
        }
        mismatched++;
        mismatchId = id;
        return MISMATCHED;
    }

    private void move(int from, int to) {
        if (from == to) {
            return;
        }
        pendingIds[to] = pendingIds[from];
        System.arraycopy(pendingTops, 4 * from, pendingTops, 4 * to, 4);
    }

    long matched() {
        return matched;
    }

    long mismatched() {
        return mismatched;
    }

    long unverifiable() {
        return unverifiable;
    }

    long lastMismatchId() {
        return mismatchId;
    }
}
