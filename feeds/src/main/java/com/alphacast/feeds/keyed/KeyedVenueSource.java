package com.alphacast.feeds.keyed;

import com.alphacast.core.marketdata.FeedSource;
import com.alphacast.core.marketdata.MarketEventListener;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * A venue's keyed equities source: its {@link StreamProtocol} on one {@link KeyedStreamSource} connection for every
 * symbol, which does all the connection care. A venue's subclass only names its protocol and its endpoints.
 */
public abstract class KeyedVenueSource implements FeedSource {

    private final KeyedStreamSource stream;

    protected KeyedVenueSource(KeyedFeedSettings settings, StreamProtocol protocol, HttpClient http, Clock clock,
                               RandomGenerator random) {
        this.stream = new KeyedStreamSource(settings, protocol, http, clock, random);
    }

    @Override
    public final String name() {
        return stream.name();
    }

    @Override
    public final void start(MarketEventListener listener) {
        stream.start(listener);
    }

    /** The connection and session underneath, for status reads on its feed thread. */
    public final KeyedStreamSource stream() {
        return stream;
    }

    @Override
    public final void close() {
        stream.close();
    }
}
