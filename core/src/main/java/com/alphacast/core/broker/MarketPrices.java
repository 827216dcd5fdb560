package com.alphacast.core.broker;

import com.alphacast.core.market.MarketSnapshot;
import java.time.Instant;
import java.util.Optional;

/** Where the paper broker and position management look up the market. */
public interface MarketPrices {

    /** The last snapshot of {@code symbol} whose bar closed at or before {@code time}. */
    Optional<MarketSnapshot> atOrBefore(String symbol, Instant time);

    /** The newest snapshot of {@code symbol}. */
    Optional<MarketSnapshot> latest(String symbol);
}
