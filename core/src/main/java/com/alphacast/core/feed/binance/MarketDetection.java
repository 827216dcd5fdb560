package com.alphacast.core.feed.binance;

import java.util.Objects;

/**
 * Which Binance market a capture is from, and what said so. The depth updates themselves decide when there are any:
 * futures diffs always carry {@code pu} and spot diffs never do, and the sequencing rules must match the ids the
 * stream carries. A URL decides only when the capture has no depth update; COIN-M is told from USD-M by its URL
 * ({@code dapi}/{@code dstream}) or its delivery-style symbols ({@code BTCUSD_PERP}).
 */
public record MarketDetection(BinanceMarket market, String evidence) {

    public MarketDetection {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(evidence, "evidence");
    }

    /**
     * @param messages the capture's messages (snapshots and stream)
     * @param urlMarket what the capture's URLs said ({@link BinanceCaptureReader#marketFromUrls()}), may be null
     */
    public static MarketDetection of(Iterable<CapturedMessage> messages, BinanceMarket urlMarket) {
        long withPu = 0;
        long withoutPu = 0;
        boolean deliverySymbol = false;
        for (CapturedMessage m : messages) {
            if (m.message() instanceof BinanceMessage.Depth d) {
                if (d.update().previousFinalUpdateId() >= 0) {
                    withPu++;
                } else {
                    withoutPu++;
                }
                deliverySymbol |= d.update().symbol().indexOf('_') >= 0;
            }
        }
        String url = urlMarket == null ? "" : "; URLs say " + urlMarket.label();
        if (withPu > 0) {
            BinanceMarket market = urlMarket == BinanceMarket.COINM_FUTURES || deliverySymbol
                    ? BinanceMarket.COINM_FUTURES : BinanceMarket.USDM_FUTURES;
            return new MarketDetection(market, withPu + " of " + (withPu + withoutPu)
                    + " depth updates carry pu" + (deliverySymbol ? " (delivery-style symbol)" : "") + url);
        }
        if (withoutPu > 0) {
            return new MarketDetection(BinanceMarket.SPOT, "no depth update carries pu" + url);
        }
        if (urlMarket != null) {
            return new MarketDetection(urlMarket, "no depth updates" + url);
        }
        return new MarketDetection(BinanceMarket.SPOT, "no depth updates and no URL: spot rules assumed");
    }
}
