package com.alphacast.core.marketdata;

import com.alphacast.core.book.DepthSnapshot;
import com.alphacast.core.book.DepthUpdate;
import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.options.OptionChain;

/**
 * Receives normalized market events from a feed source, on that source's own thread. Times are epoch
 * nanoseconds: {@code exchangeNanos} as stamped by the venue, {@code receiveNanos} when the bytes reached us.
 * Trades and top-of-book updates arrive as primitives so the hot path allocates nothing per event; a depth
 * update or snapshot may be a buffer the source reuses, valid only during the call.
 */
public interface MarketEventListener {

    /** @param aggressor who crossed the spread when the venue says so, {@link Aggressor#UNKNOWN} otherwise */
    void onTrade(String instrument, long exchangeNanos, long receiveNanos, long tradeId, double price, double size,
                 Aggressor aggressor);

    void onTopOfBook(String instrument, long exchangeNanos, long receiveNanos, double bidPrice, double bidSize,
                     double askPrice, double askSize);

    void onDepthUpdate(String instrument, long exchangeNanos, long receiveNanos, DepthUpdate update);

    void onDepthSnapshot(String instrument, long receiveNanos, DepthSnapshot snapshot);

    void onOptionChain(String underlying, long exchangeNanos, long receiveNanos, OptionChain chain);

    /** The source's view of an instrument changed (connected, synchronised, stale, gap, disconnected). */
    void onFeedHealth(String source, String instrument, FeedHealth health, long receiveNanos, String reason);
}
