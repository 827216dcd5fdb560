package com.alphacast.core.feed.trades;

import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.market.Quote;
import com.alphacast.core.market.Trade;

import java.util.Objects;

/**
 * One row of a trades file: the print, the aggressor side if the feed carries it, and the prevailing quote if the feed
 * carries one (needed by the quote rule and Lee–Ready).
 *
 * @param trade     the print
 * @param aggressor the feed's aggressor side, {@link Aggressor#UNKNOWN} if absent
 * @param quote     prevailing quote, or {@code null}
 * @param line      1-based line in the source, for error messages further downstream
 */
public record TradeRow(Trade trade, Aggressor aggressor, Quote quote, long line) {

    public TradeRow {
        Objects.requireNonNull(trade, "trade");
        Objects.requireNonNull(aggressor, "aggressor");
    }
}
