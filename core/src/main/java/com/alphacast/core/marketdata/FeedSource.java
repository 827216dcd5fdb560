package com.alphacast.core.marketdata;

/**
 * One market-data source (a venue's WebSocket, a REST poller, a recorded file). {@link #start} returns at once;
 * events then arrive on the source's own thread until {@link #close}.
 */
public interface FeedSource extends AutoCloseable {

    /** Stable name used in health reports, logs and configuration (e.g. {@code binance-spot}). */
    String name();

    void start(MarketEventListener listener);

    @Override
    void close();
}
