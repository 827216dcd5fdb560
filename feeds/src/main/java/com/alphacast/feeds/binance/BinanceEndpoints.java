package com.alphacast.feeds.binance;

import com.alphacast.core.feed.binance.BinanceMarket;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Where a Binance market's combined WebSocket streams and REST depth snapshots are served. The public endpoints need
 * no key; tests point both at loopback servers.
 */
public record BinanceEndpoints(URI webSocketBase, URI restBase) {

    public BinanceEndpoints {
        Objects.requireNonNull(webSocketBase, "webSocketBase");
        Objects.requireNonNull(restBase, "restBase");
    }

    /** The venue's public endpoints for {@code market}. */
    public static BinanceEndpoints publicEndpoints(BinanceMarket market) {
        return switch (market) {
            case SPOT -> new BinanceEndpoints(URI.create("wss://stream.binance.com:9443"),
                    URI.create("https://api.binance.com"));
            case USDM_FUTURES -> new BinanceEndpoints(URI.create("wss://fstream.binance.com"),
                    URI.create("https://fapi.binance.com"));
            case COINM_FUTURES -> new BinanceEndpoints(URI.create("wss://dstream.binance.com"),
                    URI.create("https://dapi.binance.com"));
        };
    }

    /** The combined-stream URL: per symbol, depth diffs at {@code depthSpeed} (if wanted), trades and bookTicker. */
    public URI streamUri(List<String> symbols, boolean depth, String depthSpeed) {
        StringJoiner streams = new StringJoiner("/");
        for (String s : symbols) {
            String lower = s.toLowerCase(Locale.ROOT);
            if (depth) {
                streams.add(lower + "@depth@" + depthSpeed);
            }
            streams.add(lower + "@trade");
            streams.add(lower + "@bookTicker");
        }
        return URI.create(trimmed(webSocketBase) + "/stream?streams=" + streams);
    }

    /** The REST depth snapshot of {@code symbol} with {@code limit} levels per side. */
    public URI depthUri(BinanceMarket market, String symbol, int limit) {
        String path = switch (market) {
            case SPOT -> "/api/v3/depth";
            case USDM_FUTURES -> "/fapi/v1/depth";
            case COINM_FUTURES -> "/dapi/v1/depth";
        };
        return URI.create(trimmed(restBase) + path + "?symbol=" + symbol.toUpperCase(Locale.ROOT) + "&limit="
                + limit);
    }

    private static String trimmed(URI base) {
        String s = base.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
