package com.alphacast.cli.analyze;

import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.book.Sweep;
import com.alphacast.core.book.TopOfBook;
import com.alphacast.core.feed.binance.BinanceBookReplay;
import com.alphacast.core.feed.binance.BinanceCaptureReader;
import com.alphacast.core.feed.binance.BinanceMarket;
import com.alphacast.core.feed.binance.MarketDetection;
import com.alphacast.core.feed.binance.BookReplayReport;
import com.alphacast.core.feed.binance.CapturedMessage;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code analyze book}: rebuild Binance books and check them against bookTicker and aggTrade ground truth. */
final class BookAnalysis {

    void run(List<String> args, PrintStream out) {
        Options o = Options.parse(args, Set.of("snapshots", "stream", "symbol", "format"), Set.of("futures"));
        OutputFormat format = o.format();
        String snapshotsFile = o.string("snapshots", null);
        String streamFile = o.required("stream");
        String symbol = o.string("symbol", null);
        // One reader for both files, so URLs in either tell the market and symbols carry over to inline snapshots.
        BinanceCaptureReader reader = new BinanceCaptureReader(symbol);
        List<CapturedMessage> snapshots = snapshotsFile == null ? List.of() : read(reader, snapshotsFile);
        List<CapturedMessage> stream = read(reader, streamFile);
        MarketDetection market = o.flag("futures")
                ? new MarketDetection(BinanceMarket.USDM_FUTURES, "--futures given")
                : MarketDetection.of(concat(snapshots, stream), reader.marketFromUrls());
        DepthProtocol protocol = market.market().protocol();
        BookReplayReport report = new BinanceBookReplay(protocol, symbol).replay(snapshots, stream);
        if (format == OutputFormat.JSON) {
            json(report, market, out);
        } else {
            table(report, market, out);
        }
    }

    private static List<CapturedMessage> concat(List<CapturedMessage> a, List<CapturedMessage> b) {
        List<CapturedMessage> all = new java.util.ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    private static List<CapturedMessage> read(BinanceCaptureReader captureReader, String file) {
        try (Reader reader = InputFiles.open(file)) {
            return captureReader.readAll(reader, file);
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
    }

    private static String rules(MarketDetection market) {
        DepthProtocol protocol = market.market().protocol();
        return "Binance " + market.market().label() + " (" + market.evidence() + ") depth sync: drop u <= lastUpdateId; first event "
                + (protocol == DepthProtocol.SPOT ? "U <= lastUpdateId+1 <= u; then U == previous u + 1"
                : "U <= lastUpdateId <= u; then pu == previous u")
                + "; otherwise gap -> stale -> resync from a new snapshot; bookTicker with the same update id as the"
                + " last applied event must match best bid/ask price and quantity";
    }

    private static void json(BookReplayReport r, MarketDetection market, PrintStream out) {
        Json json = new Json();
        ObjectNode root = json.object();
        root.put("market", market.market().name());
        root.put("marketEvidence", market.evidence());
        root.put("rules", rules(market));
        ObjectNode s = root.putObject("summary");
        s.put("appliedUpdates", r.updates().size());
        s.put("droppedEvents", r.droppedEvents());
        s.put("gaps", r.gaps().size());
        s.put("checkpointsMatched", r.checkpointsPassed());
        s.put("checkpointMismatches", r.mismatches().size());
        s.put("bookTickersWithoutCheckpoint", r.tickersWithoutCheckpoint());
        s.put("sweeps", r.sweeps().size());
        s.put("ok", r.gaps().isEmpty() && r.mismatches().isEmpty());
        ArrayNode updates = root.putArray("updates");
        for (TopOfBook t : r.updates()) {
            updates.add(top(json, t));
        }
        ArrayNode gaps = root.putArray("gaps");
        for (BookReplayReport.Gap g : r.gaps()) {
            ObjectNode n = json.object();
            n.put("symbol", g.symbol());
            n.put("line", g.line());
            n.put("expectedId", g.expectedId());
            n.put("receivedId", g.receivedId());
            gaps.add(n);
        }
        ArrayNode mismatches = root.putArray("mismatches");
        for (BookReplayReport.Mismatch m : r.mismatches()) {
            ObjectNode n = json.object();
            n.put("symbol", m.symbol());
            n.put("line", m.line());
            n.set("bookTicker", top(json, m.ticker()));
            n.set("book", top(json, m.book()));
            mismatches.add(n);
        }
        ObjectNode classifiers = root.putObject("classifiers");
        for (Map.Entry<String, BookReplayReport.ClassifierScore> e : r.classifiers().entrySet()) {
            ObjectNode n = classifiers.putObject(e.getKey());
            n.put("trades", e.getValue().trades());
            n.put("correct", e.getValue().correct());
            n.put("unclassified", e.getValue().unknown());
            Json.put(n, "accuracy", e.getValue().accuracy(), 6);
        }
        ArrayNode sweeps = root.putArray("sweeps");
        for (Sweep w : r.sweeps()) {
            ObjectNode n = json.object();
            n.put("symbol", w.symbol());
            n.put("side", w.side().name());
            n.put("start", Instant.ofEpochMilli(w.startMillis()).toString());
            n.put("end", Instant.ofEpochMilli(w.endMillis()).toString());
            n.put("levels", w.levels());
            n.put("trades", w.trades());
            Json.put(n, "totalSize", w.totalSize());
            Json.put(n, "notional", w.notional(), 8);
            Json.put(n, "firstPrice", w.firstPrice());
            Json.put(n, "lastPrice", w.lastPrice());
            sweeps.add(n);
        }
        ObjectNode other = root.putObject("otherMessages");
        r.otherMessages().forEach(other::put);
        json.print(root, out);
    }

    private static ObjectNode top(Json json, TopOfBook t) {
        ObjectNode n = json.object();
        n.put("symbol", t.symbol());
        n.put("updateId", t.updateId());
        Json.put(n, "bidPrice", t.bidPrice());
        Json.put(n, "bidQty", t.bidQuantity());
        Json.put(n, "askPrice", t.askPrice());
        Json.put(n, "askQty", t.askQuantity());
        Json.put(n, "spread", t.spread(), 10);
        Json.put(n, "microprice", t.microprice(), 10);
        Json.put(n, "obi", t.imbalance(), 6);
        return n;
    }

    private static void table(BookReplayReport r, MarketDetection market, PrintStream out) {
        out.println(rules(market));
        out.println();
        Table t = new Table("symbol", "update id", "bid", "bid qty", "ask", "ask qty", "OBI", "microprice");
        for (TopOfBook u : r.updates()) {
            t.row(u.symbol(), u.updateId(), plain(u.bidPrice()), plain(u.bidQuantity()), plain(u.askPrice()),
                    plain(u.askQuantity()), Table.num(u.imbalance(), 3), Table.num(u.microprice(), 8));
        }
        t.print(out);
        out.println();
        out.printf("%d updates applied, %d dropped (covered by a snapshot), %d gaps%n", r.updates().size(),
                r.droppedEvents(), r.gaps().size());
        for (BookReplayReport.Gap g : r.gaps()) {
            out.printf("GAP %s line %d: expected %d, got %d - book stale until re-synced%n", g.symbol(), g.line(),
                    g.expectedId(), g.receivedId());
        }
        out.printf("bookTicker checkpoints: %d matched, %d mismatched, %d without a depth event at that id%n",
                r.checkpointsPassed(), r.mismatches().size(), r.tickersWithoutCheckpoint());
        for (BookReplayReport.Mismatch m : r.mismatches()) {
            out.printf("MISMATCH %s line %d: bookTicker %s %s / %s %s, book %s %s / %s %s%n", m.symbol(), m.line(),
                    plain(m.ticker().bidPrice()), plain(m.ticker().bidQuantity()), plain(m.ticker().askPrice()),
                    plain(m.ticker().askQuantity()), plain(m.book().bidPrice()), plain(m.book().bidQuantity()),
                    plain(m.book().askPrice()), plain(m.book().askQuantity()));
        }
        out.printf("%d sweeps in the aggTrade stream (3+ levels within 50 ms)%n", r.sweeps().size());
        for (Sweep w : r.sweeps()) {
            out.printf("SWEEP %s %s %d levels, %d trades, size %s, notional %s, %s -> %s%n", w.symbol(), w.side(),
                    w.levels(), w.trades(), plain(w.totalSize()), plain(w.notional()), plain(w.firstPrice()),
                    plain(w.lastPrice()));
        }
        out.println();
        Table c = new Table("classifier", "trades", "correct", "unclassified", "accuracy");
        r.classifiers().forEach((name, s) -> c.row(name, s.trades(), s.correct(), s.unknown(),
                Table.num(s.accuracy(), 4)));
        out.println("trade classifiers vs aggTrade aggressor (m):");
        c.print(out);
    }

    private static String plain(double v) {
        return Double.isFinite(v) ? java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : "-";
    }
}
