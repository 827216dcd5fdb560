package com.alphacast.feeds.loopback;

import com.alphacast.core.book.BookSide;
import com.alphacast.core.book.BookSynchronizer;
import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.book.OrderBook;
import com.alphacast.core.feed.binance.BinanceMessage;
import com.alphacast.core.feed.binance.BinanceMessageParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Plays the venue from an hftbacktest capture: the stream frames in their recorded order, and the venue's order book
 * at the current point of the stream for REST depth snapshots. Until the capture's own inline snapshot is reached,
 * snapshots are that real snapshot; afterwards they are the book rebuilt from it and the frames streamed so far
 * (exact: the capture replays with no gap and every bookTicker checkpoint matched).
 */
public final class CaptureExchange {

    private final List<String> frames = new ArrayList<>();
    private final List<BinanceMessage> decoded = new ArrayList<>();
    private final List<Long> receivedNanos = new ArrayList<>();
    private final String inlineSnapshot;
    private final int inlineSnapshotBefore;
    private final BookSynchronizer book;
    private final String symbol;
    private int position;
    private long snapshotsServed;
    private long lastServedSnapshotId = -1;

    private CaptureExchange(Path capture, DepthProtocol protocol) throws IOException {
        BinanceMessageParser parser = new BinanceMessageParser();
        String snapshot = null;
        int before = -1;
        String sym = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(capture)), StandardCharsets.UTF_8))) {
            String line;
            long n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String json = line.substring(line.indexOf(' ') + 1);
                if (json.startsWith("{\"lastUpdateId\"")) {
                    snapshot = json;
                    before = frames.size();
                    continue;
                }
                BinanceMessage m = parser.parse(json, null, capture.toString(), n, 0);
                sym = m.symbol();
                receivedNanos.add(Long.parseLong(line.substring(0, line.indexOf(' '))));
                frames.add(json);
                decoded.add(m);
            }
        }
        this.inlineSnapshot = snapshot;
        this.inlineSnapshotBefore = before;
        this.symbol = sym;
        this.book = new BookSynchronizer(new OrderBook(sym), protocol, 100_000);
    }

    public static CaptureExchange load(Path capture, DepthProtocol protocol) throws IOException {
        return new CaptureExchange(capture, protocol);
    }

    public int size() {
        return frames.size();
    }

    public String frame(int i) {
        return frames.get(i);
    }

    /** When the recorder received frame {@code i} (epoch nanoseconds): the capture's own clock, for pacing. */
    public long receivedNanos(int i) {
        return receivedNanos.get(i);
    }

    public BinanceMessage message(int i) {
        return decoded.get(i);
    }

    public String symbol() {
        return symbol;
    }

    /** Moves the venue's book past frame {@code i} (call before sending it). */
    public synchronized void advanceTo(int i) {
        while (position <= i) {
            if (position == inlineSnapshotBefore) {
                book.onSnapshot(((BinanceMessage.Snapshot) new BinanceMessageParser()
                        .parse(inlineSnapshot, symbol, "inline", 0, 0)).snapshot());
            }
            if (decoded.get(position) instanceof BinanceMessage.Depth d) {
                book.onUpdate(d.update());
            }
            position++;
        }
    }

    /** The REST depth snapshot body the venue would serve now. */
    public synchronized String snapshotJson() {
        snapshotsServed++;
        if (!book.isLive()) {
            lastServedSnapshotId = ((BinanceMessage.Snapshot) new BinanceMessageParser()
                    .parse(inlineSnapshot, symbol, "inline", 0, 0)).snapshot().lastUpdateId();
            return inlineSnapshot;
        }
        lastServedSnapshotId = book.lastUpdateId();
        OrderBook b = book.book();
        StringBuilder sb = new StringBuilder("{\"lastUpdateId\":").append(book.lastUpdateId()).append(",\"bids\":[");
        levels(sb, b, BookSide.BID);
        sb.append("],\"asks\":[");
        levels(sb, b, BookSide.ASK);
        return sb.append("]}").toString();
    }

    private static void levels(StringBuilder sb, OrderBook b, BookSide side) {
        for (int i = 0; i < b.depth(side); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append("[\"").append(BigDecimal.valueOf(b.price(side, i)).toPlainString()).append("\",\"")
                    .append(BigDecimal.valueOf(b.quantity(side, i)).toPlainString()).append("\"]");
        }
    }

    public synchronized long lastUpdateId() {
        return book.lastUpdateId();
    }

    public synchronized double bestBid() {
        return book.book().bestBidPrice();
    }

    public synchronized long snapshotsServed() {
        return snapshotsServed;
    }

    /** The update id of the last REST snapshot served, −1 before any. */
    public synchronized long lastServedSnapshotId() {
        return lastServedSnapshotId;
    }

    /**
     * The bookTickers a client that synchronised from a snapshot at {@code snapshotId} can check: those whose update
     * id is the final id of a depth event after the snapshot (a ticker inside an event's range, or before the
     * snapshot, has no book state of its own to compare with). How many there are depends on when the snapshot was
     * taken, which a loaded machine moves.
     */
    public synchronized long checkableTickersAfter(long snapshotId) {
        java.util.Set<Long> finalIds = new java.util.HashSet<>();
        for (BinanceMessage m : decoded) {
            if (m instanceof BinanceMessage.Depth d && d.update().finalUpdateId() > snapshotId) {
                finalIds.add(d.update().finalUpdateId());
            }
        }
        return decoded.stream().filter(m -> m instanceof BinanceMessage.BookTicker t
                && finalIds.contains(t.top().updateId())).count();
    }
}
