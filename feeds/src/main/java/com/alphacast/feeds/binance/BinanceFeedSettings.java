package com.alphacast.feeds.binance;

import com.alphacast.core.feed.binance.BinanceMarket;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How one Binance source connects and judges its data.
 *
 * @param name              the source's name in health reports and configuration
 * @param symbols           symbols on this connection (Binance allows up to 1,024 streams per connection)
 * @param depth             subscribe depth diffs and keep books (otherwise trades and bookTicker only)
 * @param depthSpeed        depth diff interval: {@code 100ms}, {@code 1000ms} (spot) or {@code 0ms}, {@code 250ms},
 *                          {@code 500ms} (futures)
 * @param snapshotLevels    levels per side of REST snapshots (Binance: 5 to 5,000 spot, 5 to 1,000 futures)
 * @param heartbeatInterval how often to ping when nothing else was sent
 * @param heartbeatTimeout  no frame or pong for this long: the connection is dead and is replaced
 * @param stalenessWindow   a symbol with no message for this long is stale
 * @param maxConnectionAge  reconnect before Binance's 24-hour connection limit cuts the stream
 */
public record BinanceFeedSettings(String name, BinanceMarket market, List<String> symbols, BinanceEndpoints endpoints,
                                  boolean depth, String depthSpeed, int snapshotLevels, Duration connectTimeout,
                                  Duration heartbeatInterval, Duration heartbeatTimeout, Duration stalenessWindow,
                                  ReconnectBackoff backoff, Duration maxConnectionAge) {

    private static final Set<String> SPOT_SPEEDS = Set.of("100ms", "1000ms");
    private static final Set<String> FUTURES_SPEEDS = Set.of("0ms", "100ms", "250ms", "500ms");
    private static final int MAX_STREAMS_PER_CONNECTION = 1024;

    public BinanceFeedSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(backoff, "backoff");
        symbols = List.copyOf(symbols);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException(name + ": symbols must name at least one symbol");
        }
        for (String s : symbols) {
            if (!s.matches("[A-Za-z0-9_]{1,32}")) {
                throw new IllegalArgumentException(name + ": symbols: '" + s + "' is not a Binance symbol");
            }
        }
        if (symbols.size() * (depth ? 3 : 2) > MAX_STREAMS_PER_CONNECTION) {
            throw new IllegalArgumentException(name + ": symbols: " + symbols.size()
                    + " symbols need more than Binance's " + MAX_STREAMS_PER_CONNECTION + " streams per connection");
        }
        Set<String> speeds = market == BinanceMarket.SPOT ? SPOT_SPEEDS : FUTURES_SPEEDS;
        if (!speeds.contains(depthSpeed)) {
            throw new IllegalArgumentException(name + ": depthSpeed must be one of " + speeds + " for "
                    + market.label() + ", was '" + depthSpeed + "'");
        }
        if (snapshotLevels < 5 || snapshotLevels > 5000) {
            throw new IllegalArgumentException(name + ": snapshotLevels must be in [5, 5000], was " + snapshotLevels);
        }
        positive(name, "connectTimeout", connectTimeout);
        positive(name, "heartbeatInterval", heartbeatInterval);
        positive(name, "heartbeatTimeout", heartbeatTimeout);
        positive(name, "stalenessWindow", stalenessWindow);
        positive(name, "maxConnectionAge", maxConnectionAge);
        if (heartbeatTimeout.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException(name + ": heartbeatTimeout (" + heartbeatTimeout
                    + ") must be longer than heartbeatInterval (" + heartbeatInterval + ")");
        }
        if (maxConnectionAge.compareTo(Duration.ofHours(24)) >= 0) {
            throw new IllegalArgumentException(name + ": maxConnectionAge must be under Binance's 24 h limit, was "
                    + maxConnectionAge);
        }
    }

    private static void positive(String name, String key, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + ": " + key + " must be a positive duration, was " + d);
        }
    }

    /** The public endpoints, 100 ms depth (0 ms on futures), 1,000 levels, 30 s pings, 23 h 50 min connections. */
    public static BinanceFeedSettings defaults(String name, BinanceMarket market, List<String> symbols) {
        return new BinanceFeedSettings(name, market, symbols, BinanceEndpoints.publicEndpoints(market), true,
                market == BinanceMarket.SPOT ? "100ms" : "0ms", 1000, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(75), Duration.ofSeconds(5), ReconnectBackoff.standard(),
                Duration.ofHours(23).plusMinutes(50));
    }

    public BinanceFeedSettings withEndpoints(BinanceEndpoints e) {
        return new BinanceFeedSettings(name, market, symbols, e, depth, depthSpeed, snapshotLevels, connectTimeout,
                heartbeatInterval, heartbeatTimeout, stalenessWindow, backoff, maxConnectionAge);
    }

    public BinanceFeedSettings withTimings(Duration heartbeatInterval, Duration heartbeatTimeout,
                                           Duration stalenessWindow, ReconnectBackoff backoff,
                                           Duration maxConnectionAge) {
        return new BinanceFeedSettings(name, market, symbols, endpoints, depth, depthSpeed, snapshotLevels,
                connectTimeout, heartbeatInterval, heartbeatTimeout, stalenessWindow, backoff, maxConnectionAge);
    }
}
