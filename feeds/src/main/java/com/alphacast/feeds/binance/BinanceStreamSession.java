package com.alphacast.feeds.binance;

import com.alphacast.core.book.AppliedUpdateListener;
import com.alphacast.core.book.BookSynchronizer;
import com.alphacast.core.book.DepthSnapshot;
import com.alphacast.core.book.DepthUpdate;
import com.alphacast.core.book.OrderBook;
import com.alphacast.core.book.SyncState;
import com.alphacast.core.book.TopOfBook;
import com.alphacast.core.book.UpdateOutcome;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.feed.binance.BinanceMarket;
import com.alphacast.core.feed.binance.BinanceMessage;
import com.alphacast.core.feed.binance.BinanceMessageParser;
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
    private final BinanceMessageParser parser = new BinanceMessageParser();
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

    /** One text frame (raw or combined-stream envelope) received at {@code receiveNanos}; position for logs. */
    public void onFrame(String json, long receiveNanos, long position) {
        boolean demoted = quality.demoted();
        quality.frame();
        BinanceMessage message;
        try {
            message = parser.parse(json, null, source, position, 0);
        } catch (InputFormatException e) {
            report(InputProblem.MALFORMED_FRAME, position, e.getMessage(), receiveNanos);
            return;
        }
        onMessage(message, receiveNanos, position);
        if (demoted != quality.demoted()) {
            publishAll(receiveNanos);
        }
    }

    /** A REST depth snapshot body for {@code symbol}. */
    public void onSnapshotBody(String symbol, String json, long receiveNanos) {
        BinanceMessage message;
        try {
            message = parser.parse(json, symbol, source + " snapshot", 1, 0);
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

    /** A decoded message (the replay reads captures with core's reader and enters here). */
    public void onMessage(BinanceMessage message, long receiveNanos, long position) {
        SymbolFeed s = symbols.get(message.symbol());
        if (s == null) {
            report(InputProblem.UNKNOWN_EVENT, position, "message for unsubscribed symbol " + message.symbol(),
                    receiveNanos);
            return;
        }
        s.lastMessageNanos = receiveNanos;
        if (s.silent) {
            s.silent = false;
        }
        if (message instanceof BinanceMessage.Depth d) {
            onDepth(s, d.update(), receiveNanos, position);
        } else if (message instanceof BinanceMessage.BookTicker t) {
            onTicker(s, t.top(), receiveNanos, position);
        } else if (message instanceof BinanceMessage.AggTrade t) {
            onTrade(s, t, receiveNanos, position);
        } else if (message instanceof BinanceMessage.Snapshot snap) {
            onSnapshot(s, snap.snapshot(), receiveNanos);
        } else if (message instanceof BinanceMessage.Other o) {
            report(InputProblem.UNKNOWN_EVENT, position, "event type " + o.eventType(), receiveNanos);
        }
        publish(s, receiveNanos);
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

    private void onTicker(SymbolFeed s, TopOfBook t, long receiveNanos, long position) {
        if (!validPrice(t.bidPrice()) || !validPrice(t.askPrice()) || !validSize(t.bidQuantity())
                || !validSize(t.askQuantity())) {
            report(InputProblem.BAD_VALUE, position, s.symbol + " bookTicker u=" + t.updateId() + " bid "
                    + t.bidPrice() + " x " + t.bidQuantity() + ", ask " + t.askPrice() + " x " + t.askQuantity(),
                    receiveNanos);
            return;
        }
        if (t.bidPrice() >= t.askPrice()) {
            report(InputProblem.CROSSED_BOOK, position, s.symbol + " bookTicker u=" + t.updateId() + " bid "
                    + t.bidPrice() + " >= ask " + t.askPrice(), receiveNanos);
            return;
        }
        if (t.updateId() <= s.lastTickerId) {
            report(t.updateId() == s.lastTickerId ? InputProblem.DUPLICATE_ID : InputProblem.OUT_OF_ORDER_ID,
                    position, s.symbol + " bookTicker u=" + t.updateId() + " after " + s.lastTickerId,
                    receiveNanos);
            return;
        }
        s.lastTickerId = t.updateId();
        s.received = true;
        listener.onTopOfBook(s.symbol, receiveNanos, receiveNanos, t.bidPrice(), t.bidQuantity(), t.askPrice(),
                t.askQuantity());
        if (depth) {
            int r = s.checkpoints.onTicker(t.updateId(), t.bidPrice(), t.bidQuantity(), t.askPrice(),
                    t.askQuantity(), s.sync.lastUpdateId());
            if (r == BookCheckpoints.MISMATCHED) {
                s.brokenProblem = InputProblem.CHECKPOINT_MISMATCH;
                s.brokenReason = "book differs from bookTicker at update id " + t.updateId();
                afterBookChange(s, position, receiveNanos);
            }
        }
    }

    private void onTrade(SymbolFeed s, BinanceMessage.AggTrade t, long receiveNanos, long position) {
        if (!validPrice(t.price()) || !validPrice(t.quantity())) {
            report(InputProblem.BAD_VALUE, position, s.symbol + " trade " + t.aggregateTradeId() + " price "
                    + t.price() + " size " + t.quantity(), receiveNanos);
            return;
        }
        long id = t.aggregateTradeId();
        if (id >= 0 && id <= s.lastTradeId) {
            report(id == s.lastTradeId ? InputProblem.DUPLICATE_ID : InputProblem.OUT_OF_ORDER_ID, position,
                    s.symbol + " trade id " + id + " after " + s.lastTradeId, receiveNanos);
            return;
        }
        if (id >= 0) {
            s.lastTradeId = id;
        }
        s.received = true;
        listener.onTrade(s.symbol, t.tradeTimeMillis() * 1_000_000L, receiveNanos, id, t.price(), t.quantity(),
                t.aggressor());
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
