package com.alphacast.core.book;

import java.util.ArrayDeque;
import java.util.Objects;

/**
 * Maintains an {@link OrderBook} from a depth snapshot plus a diff stream, with Binance's documented sequencing rules
 * (docs/analytics-conventions.md, "Order book: Binance depth sync"):
 * <ol>
 *   <li>drop events the snapshot covers: spot {@code u ≤ lastUpdateId}, futures {@code u < lastUpdateId};</li>
 *   <li>the first applied event must straddle the snapshot: spot {@code U ≤ lastUpdateId + 1 ≤ u}, futures
 *       {@code U ≤ lastUpdateId ≤ u};</li>
 *   <li>each later event must continue the previous one: spot {@code U == previous u + 1}, futures
 *       {@code pu == previous u};</li>
 *   <li>otherwise it is a <b>gap</b>: the book is marked {@link SyncState#STALE} and events are buffered until a new
 *       snapshot arrives, after which the buffered events are replayed under the same rules. A gap found during
 *       that replay leaves the failed event and every later one buffered, so a further snapshot can still bridge
 *       from them;</li>
 *   <li>a quantity of 0 deletes the level.</li>
 * </ol>
 * The buffer is bounded; when it overflows the oldest events are discarded (counted in {@link #discardedEvents()}),
 * which is harmless as long as the next snapshot is newer than them. Not thread-safe.
 */
public final class BookSynchronizer {

    private final DepthProtocol protocol;
    private final OrderBook book;
    private final int maxBuffered;
    private final AppliedUpdateListener listener;
    private final ArrayDeque<ImmutableDepthUpdate> buffer = new ArrayDeque<>();
    private SyncState state = SyncState.AWAITING_SNAPSHOT;
    private long snapshotId = -1;
    private long lastFinalId = -1;
    private long gaps;
    private long dropped;
    private long discarded;
    private long lastGapExpected = -1;
    private long lastGapReceived = -1;

    public BookSynchronizer(OrderBook book, DepthProtocol protocol, int maxBuffered) {
        this(book, protocol, maxBuffered, AppliedUpdateListener.NONE);
    }

    public BookSynchronizer(OrderBook book, DepthProtocol protocol, int maxBuffered, AppliedUpdateListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.book = Objects.requireNonNull(book, "book");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        if (maxBuffered < 1) {
            throw new IllegalArgumentException("buffer must hold at least one event, was " + maxBuffered);
        }
        this.maxBuffered = maxBuffered;
    }

    public BookSynchronizer(String symbol, DepthProtocol protocol) {
        this(new OrderBook(symbol), protocol, 10_000);
    }

    /**
     * Loads a snapshot (initial or re-sync), then replays buffered events that it does not already cover. A snapshot
     * older than a live book's last applied event is ignored.
     *
     * @return the number of buffered events applied during the replay
     */
    public int onSnapshot(DepthSnapshot snapshot) {
        if (!snapshot.symbol().equals(book.symbol())) {
            throw new IllegalArgumentException("snapshot for " + snapshot.symbol() + " fed to book " + book.symbol());
        }
        if (state == SyncState.LIVE && snapshot.lastUpdateId() <= lastFinalId) {
            return 0; // the live book is already past this snapshot; loading it would rewind the book
        }
        book.clear();
        for (int i = 0; i < snapshot.bidPrices().length; i++) {
            book.updateBid(snapshot.bidPrices()[i], snapshot.bidQuantities()[i]);
        }
        for (int i = 0; i < snapshot.askPrices().length; i++) {
            book.updateAsk(snapshot.askPrices()[i], snapshot.askQuantities()[i]);
        }
        snapshotId = snapshot.lastUpdateId();
        lastFinalId = -1;
        state = SyncState.AWAITING_FIRST_EVENT;
        int applied = 0;
        while (!buffer.isEmpty()) {
            ImmutableDepthUpdate next = buffer.pollFirst();
            UpdateOutcome outcome = sequence(next);
            if (outcome == UpdateOutcome.APPLIED) {
                applied++;
            } else if (outcome == UpdateOutcome.GAP) {
                // The failed event and everything after it stay buffered, in order, so the next snapshot can
                // bridge the gap from them. The slot it came from is free, so this cannot overflow the bound.
                buffer.addFirst(next);
                break;
            }
        }
        return applied;
    }

    /** Handles one diff event. */
    public UpdateOutcome onUpdate(DepthUpdate update) {
        if (!update.symbol().equals(book.symbol())) {
            throw new IllegalArgumentException("update for " + update.symbol() + " fed to book " + book.symbol());
        }
        if (state == SyncState.AWAITING_SNAPSHOT || state == SyncState.STALE) {
            buffer(update);
            return UpdateOutcome.BUFFERED;
        }
        UpdateOutcome outcome = sequence(update);
        if (outcome == UpdateOutcome.GAP) {
            buffer(update); // the buffer is empty while the book is live: the gap event starts the next replay
        }
        return outcome;
    }

    private UpdateOutcome sequence(DepthUpdate u) {
        // Spot drops u <= lastUpdateId; futures only u < lastUpdateId: an event ending exactly at the snapshot's
        // id is the first one to process there (U <= lastUpdateId <= u), re-applying absolute quantities.
        boolean covered = protocol == DepthProtocol.SPOT ? u.finalUpdateId() <= snapshotId
                : u.finalUpdateId() < snapshotId;
        if (covered) {
            dropped++;
            return UpdateOutcome.DROPPED;
        }
        boolean continues;
        long expected;
        if (state == SyncState.AWAITING_FIRST_EVENT) {
            long bound = protocol == DepthProtocol.SPOT ? snapshotId + 1 : snapshotId;
            continues = u.firstUpdateId() <= bound && bound <= u.finalUpdateId()
                    // futures: a snapshot taken exactly at an event's end is continued by the event whose pu is
                    // that id (the straddling one may have arrived before the snapshot was asked for)
                    || protocol == DepthProtocol.FUTURES && u.previousFinalUpdateId() == snapshotId;
            expected = bound;
        } else if (protocol == DepthProtocol.SPOT) {
            continues = u.firstUpdateId() == lastFinalId + 1;
            expected = lastFinalId + 1;
        } else {
            continues = u.previousFinalUpdateId() == lastFinalId;
            expected = lastFinalId;
        }
        if (!continues) {
            gaps++;
            lastGapExpected = expected;
            lastGapReceived = protocol == DepthProtocol.FUTURES && state == SyncState.LIVE
                    ? u.previousFinalUpdateId() : u.firstUpdateId();
            state = SyncState.STALE;
            return UpdateOutcome.GAP; // the caller keeps u buffered
        }
        apply(u);
        lastFinalId = u.finalUpdateId();
        state = SyncState.LIVE;
        listener.onApplied(u, book);
        return UpdateOutcome.APPLIED;
    }

    private void apply(DepthUpdate u) {
        for (int i = 0, n = u.bidCount(); i < n; i++) {
            book.updateBid(u.bidPrice(i), u.bidQuantity(i));
        }
        for (int i = 0, n = u.askCount(); i < n; i++) {
            book.updateAsk(u.askPrice(i), u.askQuantity(i));
        }
    }

    private void buffer(DepthUpdate update) {
        if (buffer.size() == maxBuffered) {
            buffer.pollFirst();
            discarded++;
        }
        // A live source may reuse its update buffer once the call returns (MarketEventListener): keep a copy.
        buffer.addLast(update.copy());
    }

    public OrderBook book() {
        return book;
    }

    public SyncState state() {
        return state;
    }

    /** Whether the book may be used: synced and no gap since. */
    public boolean isLive() {
        return state == SyncState.LIVE;
    }

    /** Final update id of the last applied event (−1 before the first). */
    public long lastUpdateId() {
        return lastFinalId;
    }

    public long gaps() {
        return gaps;
    }

    /** The id the last gap should have continued from (spot: expected U; futures: expected pu). */
    public long lastGapExpected() {
        return lastGapExpected;
    }

    /** The id the last gap's event actually carried. */
    public long lastGapReceived() {
        return lastGapReceived;
    }

    /** Events dropped because a snapshot already covered them (including buffered ones replayed at a snapshot). */
    public long droppedEvents() {
        return dropped;
    }

    public int bufferedEvents() {
        return buffer.size();
    }

    public long discardedEvents() {
        return discarded;
    }
}
