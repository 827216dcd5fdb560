package com.alphacast.core.marketdata;

import com.alphacast.core.book.BookSynchronizer;
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

    /**
     * A depth event from a source that keeps the instrument's synchronised book itself (Binance: it needs the book to
     * check sequence, crossing and the venue's bookTicker), already applied to {@code sourceBook}. A listener may read
     * that book instead of rebuilding the same levels in a second one: one book per instrument. The book is the
     * source's: read it, never change it, and only during calls from the source's thread. A source starts a new book
     * object whenever it drops one (resynchronisation, reconnect) and hands it on with the snapshot that fills it, so a
     * reader takes a book from its snapshot on and treats an update carrying any other book as a broken sequence. By
     * default the book is ignored and the event handled as {@link #onDepthUpdate(String, long, long, DepthUpdate)}.
     */
    default void onDepthUpdate(String instrument, long exchangeNanos, long receiveNanos, DepthUpdate update,
                               BookSynchronizer sourceBook) {
        onDepthUpdate(instrument, exchangeNanos, receiveNanos, update);
    }

    /** A snapshot the source has already loaded into {@code sourceBook} (as for depth events above). */
    default void onDepthSnapshot(String instrument, long receiveNanos, DepthSnapshot snapshot,
                                 BookSynchronizer sourceBook) {
        onDepthSnapshot(instrument, receiveNanos, snapshot);
    }

    void onOptionChain(String underlying, long exchangeNanos, long receiveNanos, OptionChain chain);

    /** The source's view of an instrument changed (connected, synchronised, stale, gap, disconnected). */
    void onFeedHealth(String source, String instrument, FeedHealth health, long receiveNanos, String reason);
}
