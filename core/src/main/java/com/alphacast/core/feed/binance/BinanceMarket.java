package com.alphacast.core.feed.binance;

import com.alphacast.core.book.DepthProtocol;

import java.util.Locale;

/**
 * The Binance market a depth stream comes from, which decides its sequencing rules: spot diffs carry {@code U}/{@code u}
 * only; USDⓈ-M and COIN-M futures diffs also carry {@code pu} and follow the futures rules.
 */
public enum BinanceMarket {
    SPOT(DepthProtocol.SPOT, "spot"),
    USDM_FUTURES(DepthProtocol.FUTURES, "USD-M futures"),
    COINM_FUTURES(DepthProtocol.FUTURES, "COIN-M futures");

    private final DepthProtocol protocol;
    private final String label;

    BinanceMarket(DepthProtocol protocol, String label) {
        this.protocol = protocol;
        this.label = label;
    }

    public DepthProtocol protocol() {
        return protocol;
    }

    public String label() {
        return label;
    }

    /**
     * The market a REST or WebSocket URL belongs to, from its host and path ({@code fapi}/{@code fstream} USD-M,
     * {@code dapi}/{@code dstream} COIN-M, {@code api/v3} or {@code stream.binance} spot), or null when the text names
     * no Binance endpoint.
     */
    public static BinanceMarket fromUrl(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.contains("fapi.") || u.contains("/fapi/") || u.contains("fstream.")) {
            return USDM_FUTURES;
        }
        if (u.contains("dapi.") || u.contains("/dapi/") || u.contains("dstream.")) {
            return COINM_FUTURES;
        }
        if (u.contains("/api/v3/") || u.contains("stream.binance.") || u.contains("data-stream.binance.")
                || u.contains("api.binance.")) {
            return SPOT;
        }
        return null;
    }
}
