package com.alphacast.core.book;

/**
 * Best bid and ask with their quantities, as of a book update id (a Binance {@code bookTicker} message has exactly
 * this shape). Prices and quantities are NaN for an empty side.
 */
public record TopOfBook(String symbol, long updateId, double bidPrice, double bidQuantity, double askPrice,
                        double askQuantity) {

    /** Same best prices and quantities (exact comparison: both sides come from the same decimal strings). */
    public boolean sameLevelsAs(TopOfBook other) {
        return Double.compare(bidPrice, other.bidPrice) == 0 && Double.compare(bidQuantity, other.bidQuantity) == 0
                && Double.compare(askPrice, other.askPrice) == 0 && Double.compare(askQuantity, other.askQuantity) == 0;
    }

    /** {@code (bidQty − askQty) / (bidQty + askQty)} (conventions, "Order book"); NaN if a side is empty. */
    public double imbalance() {
        return (bidQuantity - askQuantity) / (bidQuantity + askQuantity);
    }

    /** {@code (askPx × bidQty + bidPx × askQty) / (bidQty + askQty)}; NaN if a side is empty. */
    public double microprice() {
        return (askPrice * bidQuantity + bidPrice * askQuantity) / (bidQuantity + askQuantity);
    }

    public double spread() {
        return askPrice - bidPrice;
    }
}
