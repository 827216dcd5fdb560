package com.alphacast.feeds.massive;

import com.alphacast.feeds.keyed.KeyedFeedSettings;
import com.alphacast.feeds.keyed.KeyedStreamSource;
import com.alphacast.feeds.keyed.KeyedVenueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * US stock trades and quotes from Massive's (formerly Polygon.io) real-time stocks stream ({@link MassiveProtocol}) on
 * one connection for every symbol, with the connection care of {@link KeyedStreamSource}. Credential:
 * {@value #API_KEY_ENV} (Massive authenticates with the key alone).
 */
public final class MassiveFeedSource extends KeyedVenueSource {

    /** Massive's real-time stocks cluster ({@code wss://delayed.massive.com/stocks} is the 15-minute delayed one). */
    public static final URI DEFAULT_STREAM = URI.create("wss://socket.massive.com/stocks");
    /** Massive's REST API (last NBBO). */
    public static final URI DEFAULT_REST = URI.create("https://api.massive.com");
    public static final String API_KEY_ENV = "MASSIVE_API_KEY";

    public MassiveFeedSource(KeyedFeedSettings settings, HttpClient http, Clock clock, RandomGenerator random) {
        super(settings, new MassiveProtocol(), http, clock, random);
    }
}
