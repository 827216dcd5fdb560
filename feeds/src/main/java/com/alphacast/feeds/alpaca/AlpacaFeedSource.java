package com.alphacast.feeds.alpaca;

import com.alphacast.feeds.keyed.KeyedFeedSettings;
import com.alphacast.feeds.keyed.KeyedStreamSource;
import com.alphacast.feeds.keyed.KeyedVenueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * US stock trades and quotes from Alpaca's real-time stream ({@link AlpacaProtocol}) on one connection for every
 * symbol, with the connection care of {@link KeyedStreamSource}. Credentials: {@value #KEY_ID_ENV} and
 * {@value #SECRET_ENV}, the names Alpaca's own SDKs read.
 */
public final class AlpacaFeedSource extends KeyedVenueSource {

    /** The IEX feed, which Alpaca's free plan includes; {@code .../v2/sip} for the consolidated tape. */
    public static final URI DEFAULT_STREAM = URI.create("wss://stream.data.alpaca.markets/v2/iex");
    /** Alpaca's market-data REST API (latest quotes). */
    public static final URI DEFAULT_REST = URI.create("https://data.alpaca.markets");
    public static final String KEY_ID_ENV = "APCA_API_KEY_ID";
    public static final String SECRET_ENV = "APCA_API_SECRET_KEY";

    public AlpacaFeedSource(KeyedFeedSettings settings, HttpClient http, Clock clock, RandomGenerator random) {
        super(settings, new AlpacaProtocol(), http, clock, random);
    }
}
