package com.alphacast.feeds.binance;

import com.alphacast.core.book.AppliedUpdateListener;
import com.alphacast.core.book.BookSynchronizer;
import com.alphacast.core.book.DepthSnapshot;
import com.alphacast.core.book.DepthUpdate;
import com.alphacast.core.book.OrderBook;
import com.alphacast.core.book.SyncState;
import com.alphacast.core.book.TopOfBook;
import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.book.UpdateOutcome;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.feed.binance.BinanceMarket;
import com.alphacast.core.feed.binance.BinanceMessage;
import com.alphacast.core.feed.binance.BinanceMessageParser;
import com.alphacast.core.feed.binance.BinanceStreamDecoder;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.marketdata.MarketEventListener;
import com.alphacast.feeds.quality.InputProblem;
import com.alphacast.feeds.quality.InputQuality;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns Binance market-data messages for a set of symbols into {@link MarketEventListener} events, keeping each
 * symbol's book by its market's rules ({@link BookSynchronizer}): the one code path both the live WebSocket source
 * and the recorded-capture replay run.
 *
 * <p>What the listener sees: every snapshot the book loads and every depth event except duplicates (in arrival order,
 * so a consumer running its own {@link BookSynchronizer} with the same rules reaches the same book), trades and
 * tickers that pass validation, and a health change whenever a symbol's health changes. A symbol is {@code LIVE} only
 * while its book is synchronised (for depth) or data flows (trades and tickers only); a sequence gap, a crossed book
 * or a book that disagrees with the venue's own bookTicker at the same update id makes it {@code STALE} and asks for a
 * new snapshot; silence longer than the staleness window makes it {@code STALE} until data resumes with unbroken
 * sequence numbers. Bad input is counted and logged with the frame's position ({@link InputQuality}), never thrown.
 * Not thread-safe: call it from the source's feed thread only.
 */
public final class BinanceStreamSession {

    /** Fetches a depth snapshot for a symbol and hands it back with {@link #onSnapshot}; replay needs none. */
    @FunctionalInterface
    public interface SnapshotRequests {
        void request(String symbol, String reason);

        SnapshotRequests NONE = (symbol, reason) -> { };
    }

    private static final int CHECKPOINT_RING = 1024;
    private static final int MAX_BUFFERED = 10_000;

    private final String source;
    private final BinanceMarket market;
    private final boolean depth;
    private final MarketEventListener listener;
    private final SnapshotRequests snapshots;
    private final InputQuality quality;
    private final BinanceStreamDecoder decoder = new BinanceStreamDecoder();
    private final BinanceMessageParser snapshotParser = new BinanceMessageParser();
    private final Map<String, SymbolFeed> symbols = new LinkedHashMap<>();

    /**
     * @param symbols the symbols subscribed (any case); messages for others are counted as unknown
     * @param depth   whether depth diffs are subscribed, so health waits for a synchronised book
     */
    public BinanceStreamSession(String source, BinanceMarket market, Collection<String> symbols, boolean depth,
                                MarketEventListener listener, SnapshotRequests snapshots, InputQuality quality) {
        this.source = Objects.requireNonNull(source, "source");
        this.market = Objects.requireNonNull(market, "market");
        this.depth = depth;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.quality = Objects.requireNonNull(quality, "quality");
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException(source + ": no symbols to follow");
        }
        for (String s : symbols) {
            String symbol = s.toUpperCase(Locale.ROOT);
            this.symbols.put(symbol, new SymbolFeed(symbol));
        }
    }

    /**
     * One text frame (raw or combined-stream envelope) received at {@code receiveNanos}; position for logs. Decoded
     * in place ({@link BinanceStreamDecoder}): a depth update, trade or ticker allocates nothing on its way to the
     * listener.
     */
    public void onFrame(CharSequence json, long receiveNanos, long position) {
        boolean demoted = quality.demoted();
        quality.frame();
        try {
            decoder.decode(json, null, source, position);
        } catch (InputFormatException e) {
            report(InputProblem.MALFORMED_FRAME, position, e.getMessage(), receiveNanos);
            return;
        }
        onDecoded(decoder, receiveNanos, position);
        if (demoted != quality.demoted()) {
            publishAll(receiveNanos);
        }
    }

    /**
     * A message decoded by a {@link BinanceStreamDecoder} (the live frames above, and the replay streaming a capture
     * through core's reader); the decoder's state is read during this call only.
     */
    public void onDecoded(BinanceStreamDecoder m, long receiveNanos, long position) {
        SymbolFeed s = symbolOf(m.symbol(), receiveNanos, position);
        if (s == null) {
            return;
        }
        switch (m.kind()) {
            case DEPTH -> onDepth(s, m.depth(), receiveNanos, position);
            case BOOK_TICKER -> onTicker(s, m.updateId(), m.bidPrice(), m.bidQuantity(), m.askPrice(),
                    m.askQuantity(), receiveNanos, position);
            case TRADE -> onTrade(s, m.tradeId(), m.tradeTimeMillis(), m.price(), m.quantity(), m.aggressor(),
                    receiveNanos, position);
            case SNAPSHOT -> onSnapshot(s, m.snapshot(), receiveNanos);
            case OTHER -> report(InputProblem.UNKNOWN_EVENT, position, "event type " + m.eventType(), receiveNanos);
        }
        publish(s, receiveNanos);
    }

    /** A REST depth snapshot body for {@code symbol}. */
    public void onSnapshotBody(String symbol, String json, long receiveNanos) {
        BinanceMessage message;
        try {
            message = snapshotParser.parse(json, symbol, source + " snapshot", 1, 0);
        } catch (InputFormatException e) {
            report(InputProblem.MALFORMED_FRAME, 0, "snapshot of " + symbol + ": " + e.getMessage(), receiveNanos);
            SymbolFeed s = symbols.get(symbol.toUpperCase(Locale.ROOT));
            if (s != null) {
                s.snapshotPending = false;
                requestSnapshot(s, "unreadable snapshot");
            }
            return;
        }
        onMessage(message, receiveNanos, 0);
    }

    /**
     * A message held as a value (a REST snapshot body; the replay of several capture files, merged by receive time
     * in memory): the same handling as {@link #onDecoded}.
     */
    public void onMessage(BinanceMessage message, long receiveNanos, long position) {
        SymbolFeed s = symbolOf(message.symbol(), receiveNanos, position);
        if (s == null) {
            return;
        }
        if (message instanceof BinanceMessage.Depth d) {
            onDepth(s, d.update(), receiveNanos, position);
        } else if (message instanceof BinanceMessage.BookTicker t) {
            TopOfBook top = t.top();
            onTicker(s, top.updateId(), top.bidPrice(), top.bidQuantity(), top.askPrice(), top.askQuantity(),
                    receiveNanos, position);
        } else if (message instanceof BinanceMessage.AggTrade t) {
            onTrade(s, t.aggregateTradeId(), t.tradeTimeMillis(), t.price(), t.quantity(), t.aggressor(),
                    receiveNanos, position);
        } else if (message instanceof BinanceMessage.Snapshot snap) {
            onSnapshot(s, snap.snapshot(), receiveNanos);
        } else if (message instanceof BinanceMessage.Other o) {
            report(InputProblem.UNKNOWN_EVENT, position, "event type " + o.eventType(), receiveNanos);
        }
        publish(s, receiveNanos);
    }

    /** The symbol's feed, marked as heard from; null (counted) for a symbol not subscribed. */
    private SymbolFeed symbolOf(String symbol, long receiveNanos, long position) {
        SymbolFeed s = symbols.get(symbol);
        if (s == null) {
            report(InputProblem.UNKNOWN_EVENT, position, "message for unsubscribed symbol " + symbol, receiveNanos);
            return null;
        }
        s.lastMessageNanos = receiveNanos;
        if (s.silent) {
            s.silent = false;
        }
        return s;
    }

    private void onDepth(SymbolFeed s, DepthUpdate update, long receiveNanos, long position) {
        if (!depth) {
            report(InputProblem.UNKNOWN_EVENT, position, "depth update on a source without depth", receiveNanos);
            return;
        }
        if (s.sync.isLive() && update.finalUpdateId() <= s.sync.lastUpdateId()) {
            InputProblem p = update.finalUpdateId() == s.sync.lastUpdateId()
                    ? InputProblem.DUPLICATE_ID : InputProblem.OUT_OF_ORDER_ID;
            report(p, position, s.symbol + " depth u=" + update.finalUpdateId() + " already applied (last "
                    + s.sync.lastUpdateId() + ")", receiveNanos);
            return;
        }
        listener.onDepthUpdate(s.symbol, update.eventTimeMillis() * 1_000_000L, receiveNanos, update);
        UpdateOutcome outcome = s.sync.onUpdate(update);
        if (outcome == UpdateOutcome.GAP) {
            String reason = "sequence gap at " + position + ": expected " + s.sync.lastGapExpected() + ", got "
                    + s.sync.lastGapReceived();
            report(InputProblem.SEQUENCE_GAP, position, s.symbol + " " + reason, receiveNanos);
            s.resyncing = true;
            s.staleReason = reason;
            requestSnapshot(s, reason);
        } else if (outcome == UpdateOutcome.BUFFERED && s.sync.state() == SyncState.AWAITING_SNAPSHOT) {
            requestSnapshot(s, "depth events buffered, no snapshot yet");
        }
        afterBookChange(s, position, receiveNanos);
    }

    private void onSnapshot(SymbolFeed s, DepthSnapshot snapshot, long receiveNanos) {
        s.snapshotPending = false;
        if (!depth) {
            return;
        }
        if (s.sync.isLive() && snapshot.lastUpdateId() <= s.sync.lastUpdateId()) {
            return; // older than the live book: the synchroniser would ignore it, and so must the listener
        }
        s.checkpoints.reset();
        listener.onDepthSnapshot(s.symbol, receiveNanos, snapshot);
        s.sync.onSnapshot(snapshot);
        if (s.sync.state() == SyncState.STALE) {
            s.resyncing = true;
            s.staleReason = "sequence gap in the events buffered after snapshot " + snapshot.lastUpdateId()
                    + ": expected " + s.sync.lastGapExpected() + ", got " + s.sync.lastGapReceived();
            report(InputProblem.SEQUENCE_GAP, 0, s.symbol + " " + s.staleReason, receiveNanos);
            requestSnapshot(s, s.staleReason);
        }
        afterBookChange(s, 0, receiveNanos);
    }

    /** Acts on what the applied events revealed (crossed book, checkpoint mismatch): drop the book and resync. */
    private void afterBookChange(SymbolFeed s, long position, long receiveNanos) {
        if (s.brokenReason != null) {
            String reason = s.brokenReason;
            s.brokenReason = null;
            report(s.brokenProblem, position, s.symbol + " " + reason, receiveNanos);
            resynchronise(s, reason);
        } else if (s.sync.isLive()) {
            s.resyncing = false;
        }
    }

    private void onTicker(SymbolFeed s, long updateId, double bidPrice, double bidQuantity, double askPrice,
                          double askQuantity, long receiveNanos, long position) {
        if (!validPrice(bidPrice) || !validPrice(askPrice) || !validSize(bidQuantity)
                || !validSize(askQuantity)) {
            report(InputProblem.BAD_VALUE, position, s.symbol + " bookTicker u=" + updateId + " bid "
                    + bidPrice + " x " + bidQuantity + ", ask " + askPrice + " x " + askQuantity,
                    receiveNanos);
            return;
        }
        if (bidPrice >= askPrice) {
            report(InputProblem.CROSSED_BOOK, position, s.symbol + " bookTicker u=" + updateId + " bid "
                    + bidPrice + " >= ask " + askPrice, receiveNanos);
            return;
        }
        if (updateId <= s.lastTickerId) {
            report(updateId == s.lastTickerId ? InputProblem.DUPLICATE_ID : InputProblem.OUT_OF_ORDER_ID,
                    position, s.symbol + " bookTicker u=" + updateId + " after " + s.lastTickerId,
                    receiveNanos);
            return;
        }
        s.lastTickerId = updateId;
        s.received = true;
        listener.onTopOfBook(s.symbol, receiveNanos, receiveNanos, bidPrice, bidQuantity, askPrice,
                askQuantity);
        if (depth) {
            int r = s.checkpoints.onTicker(updateId, bidPrice, bidQuantity, askPrice,
                    askQuantity, s.sync.lastUpdateId());
            if (r == BookCheckpoints.MISMATCHED) {
                s.brokenProblem = InputProblem.CHECKPOINT_MISMATCH;
                s.brokenReason = "book differs from bookTicker at update id " + updateId;
                afterBookChange(s, position, receiveNanos);
            }
        }
    }

    private void onTrade(SymbolFeed s, long id, long tradeTimeMillis, double price, double quantity,
                         Aggressor aggressor, long receiveNanos, long position) {
        if (!validPrice(price) || !validPrice(quantity)) {
            report(InputProblem.BAD_VALUE, position, s.symbol + " trade " + id + " price " + price + " size "
                    + quantity, receiveNanos);
            return;
        }
        if (id >= 0 && id <= s.lastTradeId) {
            report(id == s.lastTradeId ? InputProblem.DUPLICATE_ID : InputProblem.OUT_OF_ORDER_ID, position,
                    s.symbol + " trade id " + id + " after " + s.lastTradeId, receiveNanos);
            return;
        }
        if (id >= 0) {
            s.lastTradeId = id;
        }
        s.received = true;
        listener.onTrade(s.symbol, tradeTimeMillis * 1_000_000L, receiveNanos, id, price, quantity, aggressor);
    }

    private static boolean validPrice(double v) {
        return v > 0 && v < Double.POSITIVE_INFINITY;
    }

    private static boolean validSize(double v) {
        return v >= 0 && v < Double.POSITIVE_INFINITY;
    }

    /** Marks symbols with no message within {@code windowNanos} stale (called by the source's timer). */
    public void checkStaleness(long nowNanos, long windowNanos) {
        for (SymbolFeed s : symbols.values()) {
            if (!s.disconnected && !s.silent && nowNanos - s.lastMessageNanos > windowNanos) {
                s.silent = true;
                s.staleReason = "no message for " + (nowNanos - s.lastMessageNanos) / 1_000_000 + " ms";
                publish(s, nowNanos);
            }
        }
    }

    /** The connection opened: every symbol starts synchronising from scratch. */
    public void connected(long nowNanos) {
        for (SymbolFeed s : symbols.values()) {
            s.disconnected = false;
            s.silent = false;
            s.lastMessageNanos = nowNanos;
            publish(s, nowNanos);
        }
    }

    /** The connection is gone: every book is dropped (a reconnect resynchronises from a new snapshot). */
    public void disconnected(long nowNanos, String reason) {
        for (SymbolFeed s : symbols.values()) {
            s.disconnected = true;
            s.disconnectReason = reason;
            s.freshBook();
            s.resyncing = false;
            publish(s, nowNanos);
        }
    }

    /** Drops a symbol's book and asks for a new snapshot (e.g. a supervisor making this source active). */
    public void resynchronise(String symbol, long nowNanos, String reason) {
        SymbolFeed s = symbols.get(symbol.toUpperCase(Locale.ROOT));
        if (s == null || !depth || s.disconnected) {
            return;
        }
        resynchronise(s, reason);
        publish(s, nowNanos);
    }

    private void resynchronise(SymbolFeed s, String reason) {
        s.freshBook();
        s.resyncing = true;
        s.staleReason = reason;
        requestSnapshot(s, reason);
    }

    private void requestSnapshot(SymbolFeed s, String reason) {
        if (!s.snapshotPending) {
            s.snapshotPending = true;
            snapshots.request(s.symbol, reason);
        }
    }

    /** A snapshot request failed for good this time; a later gap or buffered event asks again. */
    public void snapshotFailed(String symbol) {
        SymbolFeed s = symbols.get(symbol.toUpperCase(Locale.ROOT));
        if (s != null) {
            s.snapshotPending = false;
        }
    }

    private void report(InputProblem problem, long position, String detail, long nowNanos) {
        if (quality.report(problem, position, detail)) {
            publishAll(nowNanos);
        }
    }

    private void publishAll(long nowNanos) {
        for (SymbolFeed s : symbols.values()) {
            publish(s, nowNanos);
        }
    }

    private void publish(SymbolFeed s, long nowNanos) {
        FeedHealth h = s.health();
        if (h != s.reported) {
            s.reported = h;
            listener.onFeedHealth(source, s.symbol, h, nowNanos, s.reason(h));
        }
    }

    public FeedHealth health(String symbol) {
        return symbols.get(symbol.toUpperCase(Locale.ROOT)).reported;
    }

    public BookSynchronizer book(String symbol) {
        return symbols.get(symbol.toUpperCase(Locale.ROOT)).sync;
    }

    public long checkpointsMatched(String symbol) {
        return symbols.get(symbol.toUpperCase(Locale.ROOT)).checkpoints.matched();
    }

    public long checkpointMismatches(String symbol) {
        return symbols.get(symbol.toUpperCase(Locale.ROOT)).checkpoints.mismatched();
    }

    public InputQuality quality() {
        return quality;
    }

    public BinanceMarket market() {
        return market;
    }

    public Collection<String> symbols() {
        return symbols.keySet();
    }

    private final class SymbolFeed implements AppliedUpdateListener {
        final String symbol;
        final BookCheckpoints checkpoints = new BookCheckpoints(CHECKPOINT_RING, MAX_BUFFERED);
        BookSynchronizer sync;
        FeedHealth reported = FeedHealth.DISCONNECTED;
        long lastMessageNanos;
        long lastTradeId = -1;
        long lastTickerId = -1;
        boolean disconnected = true;
        boolean silent;
        boolean resyncing;
        boolean received;
        boolean snapshotPending;
        String disconnectReason = "not connected yet";
        String staleReason = "";
        String brokenReason;
        InputProblem brokenProblem;

        SymbolFeed(String symbol) {
            this.symbol = symbol;
            freshBook();
        }

        void freshBook() {
            sync = new BookSynchronizer(new OrderBook(symbol), market.protocol(), MAX_BUFFERED, this);
            checkpoints.reset();
            snapshotPending = false;
        }

        @Override
        public void onApplied(DepthUpdate update, OrderBook book) {
            int r = checkpoints.onApplied(update.finalUpdateId(), book);
            if (brokenReason != null) {
                return;
            }
            if (book.isCrossed()) {
                brokenProblem = InputProblem.CROSSED_BOOK;
                brokenReason = "book crossed after update id " + update.finalUpdateId() + ": bid "
                        + book.bestBidPrice() + " >= ask " + book.bestAskPrice();
            } else if (r == BookCheckpoints.MISMATCHED) {
                brokenProblem = InputProblem.CHECKPOINT_MISMATCH;
                brokenReason = "book differs from bookTicker at update id " + update.finalUpdateId();
            }
        }

        FeedHealth health() {
            FeedHealth natural;
            if (disconnected) {
                natural = FeedHealth.DISCONNECTED;
            } else if (silent) {
                natural = FeedHealth.STALE;
            } else if (depth) {
                natural = sync.isLive() ? FeedHealth.LIVE : resyncing ? FeedHealth.STALE : FeedHealth.SYNCHRONISING;
            } else {
                natural = received ? FeedHealth.LIVE : FeedHealth.SYNCHRONISING;
            }
            return natural == FeedHealth.LIVE && quality.demoted() ? FeedHealth.STALE : natural;
        }

        String reason(FeedHealth h) {
            return switch (h) {
                case DISCONNECTED -> disconnectReason;
                case STALE -> quality.demoted() && !silent && !resyncing ? "demoted: source keeps sending bad data"
                        : staleReason;
                case SYNCHRONISING -> depth ? "waiting for a depth snapshot and the first event after it"
                        : "waiting for the first message";
                case LIVE -> depth ? "book synchronised at update id " + sync.lastUpdateId() : "receiving";
            };
        }
    }
}
