package com.alphacast.feeds.databento;

import com.alphacast.core.book.DepthSnapshot;
import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.marketdata.MarketEventListener;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Turns DBN records into {@link MarketEventListener} calls, with the record's {@code ts_event} as exchange time and the
 * caller's receive time:
 * <ul>
 *   <li>trades (MBP-0): a trade, aggressor from the side ({@code B} buyer, {@code A} seller, {@code N} unknown);</li>
 *   <li>MBP-1 and TBBO: top of book from level 0 (a level without a price is skipped), then a trade when the action is
 *       {@code T}; the book comes first because TBBO's is the book the trade met;</li>
 *   <li>MBP-10: the ten levels as a depth snapshot (levels without a price dropped), then a trade on {@code T};</li>
 *   <li>MBO: a trade on action {@code T} only, whose side is the aggressor's. The {@code F} fills that follow are the
 *       same volume seen from each resting order, so counting them too would double the volume; adds, cancels and
 *       modifies are not turned into a book here (MBP-1/MBP-10 give the book);</li>
 *   <li>instrument definitions: {@code raw_symbol} names the instrument id from then on;</li>
 *   <li>OHLCV bars: no event (the listener contract has no bar; the worker builds its own bars from trades).</li>
 * </ul>
 * Instrument ids are named by the metadata's symbol mappings (the request's raw symbol, e.g. {@code ESH1}), then by
 * definitions; an id named by neither is reported under its number. A naming function turns a raw symbol into the name the
 * consumer knows it by (the worker's {@code ES} for {@code ESH1}).
 */
public final class DbnMarketEvents {

    private final Map<Long, String> symbols = new HashMap<>();
    private final UnaryOperator<String> naming;
    private final double[][] bidPrices = new double[DbnRecord.MBP_10_LEVELS + 1][];
    private final double[][] bidSizes = new double[DbnRecord.MBP_10_LEVELS + 1][];
    private final double[][] askPrices = new double[DbnRecord.MBP_10_LEVELS + 1][];
    private final double[][] askSizes = new double[DbnRecord.MBP_10_LEVELS + 1][];
    private final double[] bidPriceScratch = new double[DbnRecord.MBP_10_LEVELS];
    private final double[] bidSizeScratch = new double[DbnRecord.MBP_10_LEVELS];
    private final double[] askPriceScratch = new double[DbnRecord.MBP_10_LEVELS];
    private final double[] askSizeScratch = new double[DbnRecord.MBP_10_LEVELS];
    private long lastId = -1;
    private String lastSymbol;

    public DbnMarketEvents(DbnMetadata metadata) {
        this(metadata, UnaryOperator.identity());
    }

    /** @param naming raw symbol → the symbol events carry (asked once per instrument, not per record) */
    public DbnMarketEvents(DbnMetadata metadata, UnaryOperator<String> naming) {
        Objects.requireNonNull(metadata, "metadata");
        this.naming = Objects.requireNonNull(naming, "naming");
        for (DbnMetadata.SymbolMapping mapping : metadata.mappings()) {
            for (DbnMetadata.MappingInterval interval : mapping.intervals()) {
                if (metadata.stypeOut() == DbnMetadata.STYPE_INSTRUMENT_ID) {
                    name(interval.symbol(), mapping.rawSymbol());
                } else if (metadata.stypeIn() == DbnMetadata.STYPE_INSTRUMENT_ID) {
                    name(mapping.rawSymbol(), interval.symbol());
                }
            }
        }
        for (int n = 0; n <= DbnRecord.MBP_10_LEVELS; n++) {
            bidPrices[n] = new double[n];
            bidSizes[n] = new double[n];
            askPrices[n] = new double[n];
            askSizes[n] = new double[n];
        }
    }

    private void name(String id, String symbol) {
        try {
            symbols.put(Long.parseLong(id), naming.apply(symbol));
        } catch (NumberFormatException e) {
            // a mapping that does not end in an instrument id (e.g. parent → child symbols) names nothing here
        }
    }

    /** The symbol events for {@code instrumentId} carry. */
    public String symbol(long instrumentId) {
        if (instrumentId == lastId) {
            return lastSymbol;
        }
        String symbol = symbols.computeIfAbsent(instrumentId, String::valueOf);
        lastId = instrumentId;
        lastSymbol = symbol;
        return symbol;
    }

    /** Emits what {@code record} means; returns the symbol it concerned, or null when it emitted nothing. */
    public String emit(DbnRecord record, long receiveNanos, MarketEventListener listener) {
        if (record.isInstrumentDefinition()) {
            String raw = record.rawSymbol();
            symbols.put(record.instrumentId(), naming.apply(raw));
            lastId = -1;
            return null;
        }
        if (record.isOhlcv()) {
            return null;
        }
        String symbol = symbol(record.instrumentId());
        long exchangeNanos = record.tsEvent();
        if (record.isMbo()) {
            if (record.action() != 'T') {
                return null;
            }
            trade(record, symbol, exchangeNanos, receiveNanos, listener);
            return symbol;
        }
        int levels = record.levels();
        if (levels == 1) {
            long bid = record.bidPriceRaw(0);
            long ask = record.askPriceRaw(0);
            if (bid != DbnRecord.UNDEF_PRICE && ask != DbnRecord.UNDEF_PRICE) {
                listener.onTopOfBook(symbol, exchangeNanos, receiveNanos, DbnRecord.price(bid),
                        record.bidSize(0), DbnRecord.price(ask), record.askSize(0));
            }
        } else if (levels > 1) {
            depth(record, symbol, receiveNanos, listener);
        }
        if (record.action() == 'T') {
            trade(record, symbol, exchangeNanos, receiveNanos, listener);
        }
        return symbol;
    }

    private static void trade(DbnRecord record, String symbol, long exchangeNanos, long receiveNanos,
                              MarketEventListener listener) {
        char side = record.side();
        Aggressor aggressor = side == 'B' ? Aggressor.BUY : side == 'A' ? Aggressor.SELL : Aggressor.UNKNOWN;
        // an undefined price reaches the listener as NaN, which its bad-print checks refuse and count
        listener.onTrade(symbol, exchangeNanos, receiveNanos, record.sequence(), DbnRecord.price(record.priceRaw()),
                record.size(), aggressor);
    }

    private void depth(DbnRecord record, String symbol, long receiveNanos, MarketEventListener listener) {
        int bids = 0;
        int asks = 0;
        for (int level = 0; level < record.levels(); level++) {
            long bid = record.bidPriceRaw(level);
            if (bid != DbnRecord.UNDEF_PRICE && record.bidSize(level) > 0) {
                bidPriceScratch[bids] = DbnRecord.price(bid);
                bidSizeScratch[bids++] = record.bidSize(level);
            }
            long ask = record.askPriceRaw(level);
            if (ask != DbnRecord.UNDEF_PRICE && record.askSize(level) > 0) {
                askPriceScratch[asks] = DbnRecord.price(ask);
                askSizeScratch[asks++] = record.askSize(level);
            }
        }
        // per-count arrays reused: the listener may keep a snapshot only for the duration of the call
        System.arraycopy(bidPriceScratch, 0, bidPrices[bids], 0, bids);
        System.arraycopy(bidSizeScratch, 0, bidSizes[bids], 0, bids);
        System.arraycopy(askPriceScratch, 0, askPrices[asks], 0, asks);
        System.arraycopy(askSizeScratch, 0, askSizes[asks], 0, asks);
        listener.onDepthSnapshot(symbol, receiveNanos, new DepthSnapshot(symbol, record.sequence(), bidPrices[bids],
                bidSizes[bids], askPrices[asks], askSizes[asks]));
    }
}
