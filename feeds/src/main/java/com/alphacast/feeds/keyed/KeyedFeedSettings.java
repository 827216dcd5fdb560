package com.alphacast.feeds.keyed;

import com.alphacast.feeds.binance.ReconnectBackoff;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one keyed equities source (Alpaca, Massive) connects and judges its data.
 *
 * @param name              the source's name in health reports and configuration ({@code alpaca}, {@code massive})
 * @param symbols           US equity tickers on this connection (trades and quotes of each)
 * @param webSocketUri      the venue's stream URL (a loopback server in tests)
 * @param restBase          the venue's REST API, asked for each symbol's latest quote after every subscription
 * @param credentials       what the source authenticates with; never logged
 * @param heartbeatInterval how often to ping
 * @param heartbeatTimeout  no frame or pong for this long: the connection is dead and is replaced
 * @param stalenessWindow   a symbol with no trade or quote for this long is stale
 * @param backoff           delay between reconnection attempts after a lost connection
 * @param refusalDelay      the least wait after the venue refused the connection (bad credentials, connection limit):
 *                          retrying sooner cannot succeed and looks like abuse to the venue
 */
public record KeyedFeedSettings(String name, List<String> symbols, URI webSocketUri, URI restBase,
                                StreamCredentials credentials,
                                Duration connectTimeout, Duration heartbeatInterval, Duration heartbeatTimeout,
                                Duration stalenessWindow, ReconnectBackoff backoff, Duration refusalDelay) {

    public KeyedFeedSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(webSocketUri, "webSocketUri");
        Objects.requireNonNull(restBase, "restBase");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(backoff, "backoff");
        symbols = List.copyOf(symbols);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException(name + ": symbols must name at least one ticker");
        }
        for (String s : symbols) {
            // US tickers: letters, with '.' or '/' for share classes (BRK.B); nothing that could break a message
            if (!s.matches("[A-Z][A-Z0-9./]{0,15}")) {
                throw new IllegalArgumentException(name + ": symbols: '" + s + "' is not a US equity ticker");
            }
        }
        String scheme = webSocketUri.getScheme();
        if (!"wss".equals(scheme) && !"ws".equals(scheme)) {
            throw new IllegalArgumentException(name + ": webSocketUri must be a ws:// or wss:// URL, was "
                    + webSocketUri);
        }
        if (!"https".equals(restBase.getScheme()) && !"http".equals(restBase.getScheme())) {
            throw new IllegalArgumentException(name + ": restBase must be an http:// or https:// URL, was " + restBase);
        }
        positive(name, "connectTimeout", connectTimeout);
        positive(name, "heartbeatInterval", heartbeatInterval);
        positive(name, "heartbeatTimeout", heartbeatTimeout);
        positive(name, "stalenessWindow", stalenessWindow);
        positive(name, "refusalDelay", refusalDelay);
        if (heartbeatTimeout.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException(name + ": heartbeatTimeout (" + heartbeatTimeout
                    + ") must be longer than heartbeatInterval (" + heartbeatInterval + ")");
        }
    }

    private static void positive(String name, String key, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + ": " + key + " must be a positive duration, was " + d);
        }
    }

    /** 10 s connect, 20 s pings, 60 s heartbeat timeout, 5 s staleness, standard backoff, 60 s after a refusal. */
    public static KeyedFeedSettings defaults(String name, List<String> symbols, URI webSocketUri, URI restBase,
                                             StreamCredentials credentials) {
        return new KeyedFeedSettings(name, symbols, webSocketUri, restBase, credentials, Duration.ofSeconds(10),
                Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofSeconds(5), ReconnectBackoff.standard(),
                Duration.ofSeconds(60));
    }

    public KeyedFeedSettings withTimings(Duration heartbeatInterval, Duration heartbeatTimeout,
                                         Duration stalenessWindow, ReconnectBackoff backoff, Duration refusalDelay) {
        return new KeyedFeedSettings(name, symbols, webSocketUri, restBase, credentials, connectTimeout,
                heartbeatInterval, heartbeatTimeout, stalenessWindow, backoff, refusalDelay);
    }
}
