package com.alphacast.feeds.keyed;

import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.marketdata.MarketEventListener;
import com.alphacast.feeds.quality.InputProblem;
import com.alphacast.feeds.quality.InputQuality;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a keyed equities stream's decoded trades and quotes into {@link MarketEventListener} events, one symbol at a
 * time: validates them, drops resent and out-of-order messages by the venue's sequence, and reports each symbol's
 * health. Not thread-safe: the source's feed thread calls it.
 *
 * <p>Health: {@code DISCONNECTED} until connected and after a loss (with the reason, e.g. the venue's refusal of the
 * credentials); {@code SYNCHRONISING} from the connection until the symbol's first trade or quote; {@code LIVE} while
 * data flows; {@code STALE} after the staleness window without data, or while the source is demoted for sending
 * garbage. There is no book to rebuild: each quote is the whole top of book.
 *
 * <p>Order: a message whose sequence equals the last one delivered in its space is a duplicate, a lower one is out of
 * order; both are counted and dropped, so the listener sees each symbol's events in the venue's order. Sequences
 * restart each trading day, so a lower sequence stamped more than {@value #SESSION_ROLLOVER_HOURS} hours after the last
 * one starts a new sequence instead of being dropped.
 */
public final class EquityStreamSession {

    static final long SESSION_ROLLOVER_HOURS = 4;
    private static final long ROLLOVER_NANOS = SESSION_ROLLOVER_HOURS * 3_600_000_000_000L;

    private final String source;
    private final MarketEventListener listener;
    private final InputQuality quality;
    private final Map<String, SymbolFeed> symbols = new LinkedHashMap<>();
    private long receiveNanos;
    private long position;

    public EquityStreamSession(String source, Collection<String> symbols, MarketEventListener listener,
                               InputQuality quality) {
        this.source = Objects.requireNonNull(source, "source");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.quality = Objects.requireNonNull(quality, "quality");
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException(source + ": no symbols to follow");
        }
        for (String s : symbols) {
            this.symbols.put(s, new SymbolFeed(s));
        }
    }

    /** A frame arrived: the messages it holds are stamped with this receive time and position. */
    public void beginFrame(long receiveNanos, long position) {
        this.receiveNanos = receiveNanos;
        this.position = position;
        quality.frame();
    }

    /** Ends a frame: if it changed whether the source is demoted, every symbol's health says so. */
    public void endFrame(boolean demotedBefore) {
        if (demotedBefore != quality.demoted()) {
            publishAll(receiveNanos);
        }
    }

    public void trade(String symbol, long exchangeNanos, int scope, long sequence, long tradeId, double price,
                      double size) {
        SymbolFeed s = known(symbol, "trade");
        if (s == null) {
            return;
        }
        if (!(price > 0 && price < Double.POSITIVE_INFINITY) || !(size > 0 && size < Double.POSITIVE_INFINITY)) {
            report(InputProblem.BAD_VALUE, symbol + " trade " + tradeId + " price " + price + " size " + size);
            return;
        }
        Sequence seq = s.trades.computeIfAbsent(scope, k -> new Sequence());
        if (!seq.accept(symbol + " trade " + tradeId + (scope == 0 ? "" : " on " + (char) scope), sequence,
                exchangeNanos)) {
            return;
        }
        s.data(receiveNanos);
        publish(s, receiveNanos); // LIVE before the event that makes it so, so a supervisor passes that event on
        listener.onTrade(symbol, exchangeNanos, receiveNanos, tradeId, price, size, Aggressor.UNKNOWN);
    }

    /**
     * One streamed quote. A side at zero means the venue has no bid (or no ask) just now: there is no two-sided top of
     * book to pass on, which is the market's state rather than bad data, so it is skipped without counting.
     */
    public void quote(String symbol, long exchangeNanos, long sequence, double bidPrice, double bidSize,
                      double askPrice, double askSize) {
        SymbolFeed s = known(symbol, "quote");
        if (s == null || !validQuote(symbol, bidPrice, bidSize, askPrice, askSize)
                || !s.quotes.accept(symbol + " quote", sequence, exchangeNanos)) {
            return;
        }
        s.data(receiveNanos);
        publish(s, receiveNanos);
        if (bidPrice > 0 && askPrice > 0) {
            listener.onTopOfBook(symbol, exchangeNanos, receiveNanos, bidPrice, bidSize, askPrice, askSize);
        }
    }

    /**
     * A latest quote from the venue's REST API, received at {@code receiveNanos}: passed on when newer than every
     * quote already passed on (an older one is simply late, not bad). It says nothing about whether the stream flows,
     * so health is unchanged.
     */
    public void latestQuote(String symbol, long exchangeNanos, long sequence, double bidPrice, double bidSize,
                            double askPrice, double askSize, long receiveNanos) {
        this.receiveNanos = receiveNanos;
        this.position = 0;
        SymbolFeed s = known(symbol, "latest quote");
        if (s == null || !validQuote(symbol, bidPrice, bidSize, askPrice, askSize) || !s.quotes.newer(sequence)) {
            return;
        }
        s.quotes.accept(symbol + " latest quote", sequence, exchangeNanos);
        if (bidPrice > 0 && askPrice > 0) {
            listener.onTopOfBook(symbol, exchangeNanos, receiveNanos, bidPrice, bidSize, askPrice, askSize);
        }
    }

    private boolean validQuote(String symbol, double bidPrice, double bidSize, double askPrice, double askSize) {
        if (!(bidPrice >= 0 && bidPrice < Double.POSITIVE_INFINITY)
                || !(askPrice >= 0 && askPrice < Double.POSITIVE_INFINITY)
                || !(bidSize >= 0 && bidSize < Double.POSITIVE_INFINITY)
                || !(askSize >= 0 && askSize < Double.POSITIVE_INFINITY)) {
            report(InputProblem.BAD_VALUE, symbol + " quote bid " + bidPrice + " x " + bidSize + ", ask " + askPrice
                    + " x " + askSize);
            return false;
        }
        // Locked quotes (bid = ask) happen on US venues; only a bid above the ask is impossible.
        if (bidPrice > askPrice && askPrice > 0) {
            report(InputProblem.CROSSED_BOOK, symbol + " quote bid " + bidPrice + " > ask " + askPrice);
            return false;
        }
        return true;
    }

    public void unknown(String detail) {
        report(InputProblem.UNKNOWN_EVENT, detail);
    }

    /** The frame at the current position could not be read. */
    public void malformed(String detail) {
        report(InputProblem.MALFORMED_FRAME, detail);
    }

    /** A latest-quotes REST body could not be read (reported at position 0: it is no frame of the stream). */
    public void malformedLatestQuotes(String detail, long receiveNanos) {
        this.receiveNanos = receiveNanos;
        this.position = 0;
        report(InputProblem.MALFORMED_FRAME, detail);
    }

    private SymbolFeed known(String symbol, String what) {
        SymbolFeed s = symbols.get(symbol);
        if (s == null) {
            report(InputProblem.UNKNOWN_EVENT, what + " for unsubscribed symbol " + symbol);
        }
        return s;
    }

    /** The connection is open (authenticating, then subscribing): every symbol waits for its first message. */
    public void connected(long nowNanos) {
        for (SymbolFeed s : symbols.values()) {
            s.disconnected = false;
            s.received = false;
            s.silent = false;
            s.lastMessageNanos = nowNanos;
            publish(s, nowNanos);
        }
    }

    /** The connection is gone (or was refused): every symbol is disconnected with this reason. */
    public void disconnected(long nowNanos, String reason) {
        for (SymbolFeed s : symbols.values()) {
            s.disconnected = true;
            s.disconnectReason = reason;
            publish(s, nowNanos);
        }
    }

    /** Marks symbols with no trade or quote within {@code windowNanos} stale (called by the source's timer). */
    public void checkStaleness(long nowNanos, long windowNanos) {
        for (SymbolFeed s : symbols.values()) {
            if (!s.disconnected && !s.silent && nowNanos - s.lastMessageNanos > windowNanos) {
                s.silent = true;
                s.staleReason = "no trade or quote for " + (nowNanos - s.lastMessageNanos) / 1_000_000 + " ms";
                publish(s, nowNanos);
            }
        }
    }

    private void report(InputProblem problem, String detail) {
        if (quality.report(problem, position, detail)) {
            publishAll(receiveNanos);
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
        SymbolFeed s = symbols.get(symbol);
        if (s == null) {
            throw new IllegalArgumentException(source + " does not follow " + symbol);
        }
        return s.reported;
    }

    /** The reason last given with {@code symbol}'s health. */
    public String healthReason(String symbol) {
        SymbolFeed s = symbols.get(symbol);
        if (s == null) {
            throw new IllegalArgumentException(source + " does not follow " + symbol);
        }
        return s.reason(s.reported);
    }

    public InputQuality quality() {
        return quality;
    }

    public Collection<String> symbols() {
        return symbols.keySet();
    }

    /** The last sequence delivered in one space, and when it was stamped. */
    private final class Sequence {
        long last = Long.MIN_VALUE;
        long lastExchangeNanos;

        boolean newer(long sequence) {
            return last == Long.MIN_VALUE || sequence > last;
        }

        boolean accept(String what, long sequence, long exchangeNanos) {
            if (last != Long.MIN_VALUE && sequence <= last
                    && !(sequence < last && exchangeNanos - lastExchangeNanos > ROLLOVER_NANOS)) {
                report(sequence == last ? InputProblem.DUPLICATE_ID : InputProblem.OUT_OF_ORDER_ID,
                        what + " sequence " + sequence + " after " + last);
                return false;
            }
            last = sequence;
            lastExchangeNanos = exchangeNanos;
            return true;
        }
    }

    private final class SymbolFeed {
        final String symbol;
        final Map<Integer, Sequence> trades = new HashMap<>();
        final Sequence quotes = new Sequence();
        FeedHealth reported = FeedHealth.DISCONNECTED;
        long lastMessageNanos;
        boolean disconnected = true;
        boolean received;
        boolean silent;
        String disconnectReason = "not connected yet";
        String staleReason = "";

        SymbolFeed(String symbol) {
            this.symbol = symbol;
        }

        void data(long nowNanos) {
            lastMessageNanos = nowNanos;
            received = true;
            silent = false;
        }

        FeedHealth health() {
            FeedHealth natural = disconnected ? FeedHealth.DISCONNECTED
                    : silent ? FeedHealth.STALE
                    : received ? FeedHealth.LIVE : FeedHealth.SYNCHRONISING;
            return natural == FeedHealth.LIVE && quality.demoted() ? FeedHealth.STALE : natural;
        }

        String reason(FeedHealth h) {
            return switch (h) {
                case DISCONNECTED -> disconnectReason;
                case STALE -> quality.demoted() && !silent ? "demoted: source keeps sending bad data" : staleReason;
                case SYNCHRONISING -> "connected, waiting for the first trade or quote";
                case LIVE -> "receiving";
            };
        }
    }
}
