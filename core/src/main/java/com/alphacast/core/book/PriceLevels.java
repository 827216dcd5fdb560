package com.alphacast.core.book;

import java.util.Arrays;

/**
 * One side of a price-level book as two parallel sorted arrays. The best price is kept at the END of the arrays (bids
 * ascending, asks descending), because nearly all updates touch the top of the book: inserting or deleting there
 * moves only the few levels above it. Lookup is a binary search. Arrays grow by doubling and never shrink, so a book
 * at steady depth updates without allocating.
 */
final class PriceLevels {

    private final boolean bids;
    private double[] prices;
    private double[] quantities;
    private int size;

    PriceLevels(boolean bids, int initialCapacity) {
        this.bids = bids;
        this.prices = new double[Math.max(16, initialCapacity)];
        this.quantities = new double[prices.length];
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    /** Sets the quantity at a price; 0 deletes the level (deleting an absent level is a no-op, as on Binance). */
    void set(double price, double quantity) {
        int at = find(price);
        if (at >= 0) {
            if (quantity == 0) {
                System.arraycopy(prices, at + 1, prices, at, size - at - 1);
                System.arraycopy(quantities, at + 1, quantities, at, size - at - 1);
                size--;
            } else {
                quantities[at] = quantity;
            }
            return;
        }
        if (quantity == 0) {
            return;
        }
        int insert = -at - 1;
        if (size == prices.length) {
            prices = Arrays.copyOf(prices, size * 2);
            quantities = Arrays.copyOf(quantities, size * 2);
        }
        System.arraycopy(prices, insert, prices, insert + 1, size - insert);
        System.arraycopy(quantities, insert, quantities, insert + 1, size - insert);
        prices[insert] = price;
        quantities[insert] = quantity;
        size++;
    }

    /** Binary search in the side's order (ascending keys: price for bids, −price for asks). */
    private int find(double price) {
        double key = bids ? price : -price;
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            double midKey = bids ? prices[mid] : -prices[mid];
            if (midKey < key) {
                low = mid + 1;
            } else if (midKey > key) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    /** Price of the level {@code depth} away from the top (0 = best). */
    double price(int depth) {
        return depth < size ? prices[size - 1 - depth] : Double.NaN;
    }

    double quantity(int depth) {
        return depth < size ? quantities[size - 1 - depth] : Double.NaN;
    }

    /** Quantity at an exact price, 0 if there is no such level. */
    double quantityAt(double price) {
        int at = find(price);
        return at >= 0 ? quantities[at] : 0;
    }
}
