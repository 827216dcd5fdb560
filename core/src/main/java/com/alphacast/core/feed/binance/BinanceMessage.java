package com.alphacast.core.feed.binance;

import com.alphacast.core.book.DepthSnapshot;
import com.alphacast.core.book.DepthUpdate;
import com.alphacast.core.book.TopOfBook;
import com.alphacast.core.classification.Aggressor;

/** A Binance market-data message, decoded. */
public sealed interface BinanceMessage {

    String symbol();

    /** REST depth snapshot ({@code GET /api/v3/depth}). */
    record Snapshot(DepthSnapshot snapshot) implements BinanceMessage {
        @Override
        public String symbol() {
            return snapshot.symbol();
        }
    }

    /** {@code depthUpdate} diff event. */
    record Depth(DepthUpdate update) implements BinanceMessage {
        @Override
        public String symbol() {
            return update.symbol();
        }
    }

    /** {@code bookTicker}: best bid/ask as of update id {@code u}. */
    record BookTicker(TopOfBook top) implements BinanceMessage {
        @Override
        public String symbol() {
            return top.symbol();
        }
    }

    /**
     * {@code aggTrade}, or a single {@code trade} (then {@code aggregateTradeId} is the trade id {@code t}). {@code buyerIsMaker} ({@code m}) true means the resting order was the buyer's, so the
     * aggressor was the seller (conventions, "Order book").
     */
    record AggTrade(String symbol, long aggregateTradeId, long tradeTimeMillis, double price, double quantity,
                    boolean buyerIsMaker) implements BinanceMessage {
        public Aggressor aggressor() {
            return buyerIsMaker ? Aggressor.SELL : Aggressor.BUY;
        }
    }

    /** Any other event type (kline, trade, ...), kept so nothing is silently lost. */
    record Other(String symbol, String eventType) implements BinanceMessage {
    }
}
