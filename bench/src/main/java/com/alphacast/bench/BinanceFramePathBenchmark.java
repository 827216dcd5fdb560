package com.alphacast.bench;

import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.book.DepthSnapshot;
import com.alphacast.core.book.DepthUpdate;
import com.alphacast.core.calendar.TradingSession;
import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.feed.binance.BinanceMarket;
import com.alphacast.core.feed.binance.BinanceStreamDecoder;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.marketdata.MarketEventListener;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.activity.UnusualOptionsActivity;
import com.alphacast.core.options.gex.GammaExposure;
import com.alphacast.core.options.gex.GexConvention;
import com.alphacast.core.settings.InstrumentSettings;
import com.alphacast.core.settings.MarketSettings;
import com.alphacast.core.settings.WorkerSettings;
import com.alphacast.core.state.ChainAnalytics;
import com.alphacast.core.state.MarketState;
import com.alphacast.core.strategy.ConflictResolver;
import com.alphacast.core.strategy.StrategyDesk;
import com.alphacast.core.strategy.volumespike.VolumeSpikeStrategy;
import com.alphacast.core.text.DecimalText;
import com.alphacast.feeds.binance.BinanceStreamSession;
import com.alphacast.feeds.quality.InputQuality;
import com.alphacast.worker.io.OutboundWrites;
import com.alphacast.worker.pipeline.MarketPipeline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The live Binance path per WebSocket text frame, end to end on one thread: the frame's text (a real message of the
 * hftbacktest BTCUSDT captures, held in memory as the String the JDK WebSocket hands over) → {@code
 * BinanceStreamSession.onFrame} (the in-place {@code BinanceStreamDecoder}, validation, the session's own
 * synchronised book and bookTicker checkpoints, health) → the worker's {@code MarketState} (synchronised book, bars,
 * VPIN, ...) → on bar close the worker's {@code MarketPipeline} (snapshot, volume-spike strategy, hand-off to
 * {@code OutboundWrites}, whose I/O thread only counts), as {@link WorkerPathBenchmark} wires it.
 *
 * <p>One operation is one frame of the kind the method names, in capture order. At the end of the capture the stream
 * restarts as after a reconnect: a new session (and a new book in it), the capture's inline REST snapshot decoded again
 * (Jackson, one per lap), event times shifted by the capture's length so bars keep moving forward. That lap's cost is
 * amortised into the figure: {@code usdm} 6,551 depth / 21,313 trade / 93,954 frames per lap, {@code spot} 3,451 /
 * 9,757 / 41,249. Not counted: the String the JDK WebSocket builds per frame and the hand-off to the feed thread.
 *
 * <p>{@code nknusdt} (depth methods only): the small diffs of a quieter spot pair, NKNUSDT's real diffs of 2.5 levels
 * on average ({@code binance_spot_stream.capture}) after its REST snapshot, played forward and back as one continuous
 * stream ({@link #nknusdtLines}), so that one operation is one depth-update message from its JSON.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BinanceFramePathBenchmark {

    /** Forward-and-back cycles of NKNUSDT's diffs in one lap: ~220,000 frames, a lap's reconnect amortised. */
    static final int NKNUSDT_CYCLES = 750;

    /** Cycles of the {@code nknusdt} lap; fewer in tests. */
    int nknusdtCycles = NKNUSDT_CYCLES;

    @Param({"usdm", "spot"})
    public String market;

    private String symbol;

    private final AtomicLong written = new AtomicLong();
    private OutboundWrites writes;
    private Lap depth;
    private Lap trades;
    private Lap all;
    private final BinanceStreamDecoder decoder = new BinanceStreamDecoder();
    private int decodeNext;

    @Setup
    public void setUp() throws IOException {
        writes = new OutboundWrites(65_536, 100, 1, batch -> written.addAndGet(batch.size()),
                batch -> written.addAndGet(batch.size()), batch -> written.addAndGet(batch.size()),
                batch -> written.addAndGet(batch.size()));
        if (market.equals("nknusdt")) {
            symbol = "NKNUSDT";
            depth = new Lap(BinanceMarket.SPOT, symbol, 1e-4, 1, nknusdtLines(nknusdtCycles), l -> true, writes);
            return;
        }
        if (!market.equals("usdm") && !market.equals("spot")) {
            throw new IllegalArgumentException("market: usdm, spot or nknusdt, not " + market);
        }
        symbol = "BTCUSDT";
        BinanceMarket venue = market.equals("usdm") ? BinanceMarket.USDM_FUTURES : BinanceMarket.SPOT;
        List<String> lines = lines("orderbook/hftbacktest_binance_" + market + "_btcusdt_20240808.gz");
        Predicate<String> depthOnly = l -> l.contains("@depth") || l.contains("\"lastUpdateId\"");
        depth = new Lap(venue, symbol, 0.01, 0.001, lines, depthOnly, writes);
        trades = new Lap(venue, symbol, 0.01, 0.001, lines, l -> l.contains("@trade\""), writes);
        all = new Lap(venue, symbol, 0.01, 0.001, lines, l -> true, writes);
    }

    @TearDown
    public void tearDown() {
        writes.close();
        for (Lap lap : Arrays.asList(depth, trades, all)) {
            if (lap != null && lap.problems() != 0) {
                throw new IllegalStateException(lap.name + ": the replayed capture reported " + lap.problems()
                        + " bad frames; the figure would measure error handling");
            }
        }
    }

    /**
     * One depth diff frame: BTCUSDT (USD-M with pu, or spot; ~57 price levels a message on average) or NKNUSDT (spot,
     * 2.5). Under JMH, {@code nknusdt} has depth frames only: {@code -p market=nknusdt 'BinanceFramePath.*epthFrame'}.
     */
    @Benchmark
    public double depthFrame() {
        depth.next();
        return depth.state.view(symbol).microprice();
    }

    /** One trade frame ({@code @trade}): decoded, checked, then bars, VPIN, sweeps, ... in MarketState. */
    @Benchmark
    public long tradeFrame() {
        lap(trades, "trade").next();
        return written.get();
    }

    /** The decoding alone ({@code BinanceStreamDecoder}) of the same depth frames, to tell it from the books' work. */
    @Benchmark
    public int decodeDepthFrame() {
        return decodeOnly(depth);
    }

    /** The decoding alone of the same trade frames. */
    @Benchmark
    public int decodeTradeFrame() {
        return decodeOnly(lap(trades, "trade"));
    }

    private int decodeOnly(Lap lap) {
        if (decodeNext >= lap.frames.length) {
            decodeNext = 0;
        }
        int k = decodeNext++;
        if (lap.snapshot[k]) {
            return 0; // the REST snapshot is decoded by Jackson on a resync; the depth path above counts it
        }
        return decoder.decode(lap.frames[k], null, "bench", k) == BinanceStreamDecoder.Kind.DEPTH
                ? decoder.depth().bidCount() : (int) decoder.tradeId();
    }

    /** Every frame of the capture in order: bookTickers (checkpoints against the book), depth diffs and trades. */
    @Benchmark
    public double everyFrame() {
        lap(all, "every").next();
        return all.state.view(symbol).microprice();
    }

    private Lap lap(Lap lap, String kind) {
        if (lap == null) {
            throw new IllegalStateException("the " + market + " stream has depth frames only, no " + kind + " frames");
        }
        return lap;
    }

    /**
     * The same operations measured by this thread's CPU time and allocated bytes instead of wall time, so other
     * processes on a shared machine do not inflate them: per method, 2 s of CPU warm-up, then the best of 3 × 1 s.
     * {@code java -cp ... com.alphacast.bench.BinanceFramePathBenchmark [usdm|spot|nknusdt ...]}
     */
    public static void main(String[] args) throws IOException {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        List<String> markets = args.length > 0 ? List.of(args) : List.of("usdm", "spot");
        System.out.printf("%-18s %-6s %12s %12s %10s%n", "operation", "market", "CPU ns/op", "ops/s (CPU)", "B/op");
        for (String m : markets) {
            BinanceFramePathBenchmark b = new BinanceFramePathBenchmark();
            b.market = m;
            b.setUp();
            Map<String, java.util.function.DoubleSupplier> ops = new java.util.LinkedHashMap<>();
            ops.put("depthFrame", b::depthFrame);
            ops.put("decodeDepthFrame", b::decodeDepthFrame);
            if (b.trades != null) {
                ops.put("tradeFrame", () -> b.tradeFrame());
                ops.put("decodeTradeFrame", b::decodeTradeFrame);
                ops.put("everyFrame", b::everyFrame);
            }
            double sink = 0;
            for (Map.Entry<String, java.util.function.DoubleSupplier> op : ops.entrySet()) {
                sink += run(op.getValue(), threads, 2_000_000_000L)[0];
                double bestNanos = Double.MAX_VALUE;
                double bytes = 0;
                for (int round = 0; round < 3; round++) {
                    double[] r = run(op.getValue(), threads, 1_000_000_000L);
                    sink += r[0];
                    bestNanos = Math.min(bestNanos, r[1]);
                    bytes = r[2];
                }
                System.out.printf("%-18s %-6s %12.1f %12.0f %10.3f%n", op.getKey(), m, bestNanos, 1e9 / bestNanos,
                        bytes);
            }
            b.tearDown();
            System.out.println("(checksum " + (long) sink + ")");
        }
    }

    /** @return {result sum, CPU ns per op, bytes per op} over at least {@code cpuNanos} of this thread's CPU */
    private static double[] run(java.util.function.DoubleSupplier op, com.sun.management.ThreadMXBean threads,
                                long cpuNanos) {
        long thread = Thread.currentThread().getId();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long bytes0 = threads.getThreadAllocatedBytes(thread);
        long ops = 0;
        double sum = 0;
        long cpu;
        do {
            for (int k = 0; k < 1_000; k++) {
                sum += op.getAsDouble();
            }
            ops += 1_000;
            cpu = threads.getCurrentThreadCpuTime() - cpu0;
        } while (cpu < cpuNanos);
        long bytes = threads.getThreadAllocatedBytes(thread) - bytes0;
        return new double[] {sum, (double) cpu / ops, (double) bytes / ops};
    }

    private static List<String> lines(String capture) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(BenchData.file(capture));
             BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                     StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.indexOf('{') >= 0) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    /**
     * NKNUSDT's depth diffs of {@code binance_spot_stream.capture} after its REST snapshot, as one long stream: the
     * diffs the snapshot does not cover, then their inverses in reverse order (each setting the levels its diff changed
     * back to what they were, so the book walks back through the same states to the snapshot's), {@code cycles} times.
     * Replaying the diffs again from the end state instead would cross the book (a level the capture's last diffs set
     * is not removed by its first ones). Update ids run on without a gap (each frame keeps its recorded id width),
     * event times 100 ms apart as the stream's cadence. Lines as the hftbacktest captures have them: receive nanos,
     * then the frame's text.
     */
    static List<String> nknusdtLines(int cycles) {
        DepthSnapshot snapshot = BenchData.snapshot("NKNUSDT");
        List<DepthUpdate> diffs = BenchData.depthUpdates("NKNUSDT");
        Map<Double, Double> bids = book(snapshot.bidPrices(), snapshot.bidQuantities());
        Map<Double, Double> asks = book(snapshot.askPrices(), snapshot.askQuantities());
        List<DepthUpdate> covered = new ArrayList<>(); // diffs the snapshot already holds, which arrived before it
        List<Side[]> forward = new ArrayList<>(); // {bids, asks} as the capture has them
        List<Side[]> inverse = new ArrayList<>(); // {bids, asks} restoring the levels before each diff
        List<Long> widths = new ArrayList<>(); // u - U of each diff, kept when renumbered
        for (DepthUpdate diff : diffs) {
            if (diff.finalUpdateId() <= snapshot.lastUpdateId()) {
                covered.add(diff);
                continue;
            }
            Side b = Side.bids(diff);
            Side a = Side.asks(diff);
            forward.add(new Side[] {b, a});
            inverse.add(new Side[] {b.applyTo(bids), a.applyTo(asks)});
            widths.add(diff.finalUpdateId() - diff.firstUpdateId());
        }
        if (forward.isEmpty()) {
            throw new IllegalStateException("binance_spot_stream.capture: every NKNUSDT diff is older than its"
                    + " snapshot, nothing to replay");
        }
        List<String> out = new ArrayList<>(2 * forward.size() * cycles + covered.size() + 1);
        for (DepthUpdate diff : covered) {
            out.add(frame(diff.eventTimeMillis(), diff.firstUpdateId(), diff.finalUpdateId(), Side.bids(diff),
                    Side.asks(diff)));
        }
        long startMillis = (covered.isEmpty() ? diffs.get(0) : covered.get(covered.size() - 1)).eventTimeMillis();
        long eventMillis = startMillis;
        long nextId = snapshot.lastUpdateId() + 1;
        for (int c = 0; c < cycles; c++) {
            for (int k = 0; k < 2 * forward.size(); k++) {
                int diff = k < forward.size() ? k : 2 * forward.size() - 1 - k;
                Side[] sides = k < forward.size() ? forward.get(diff) : inverse.get(diff);
                long last = nextId + widths.get(diff);
                eventMillis += 100;
                out.add(frame(eventMillis, nextId, last, sides[0], sides[1]));
                nextId = last + 1;
            }
        }
        // The snapshot after the first diff it does not cover, as a REST answer slower than 100 ms arrives: when a lap
        // starts over, that diff is the gap that tells the worker's live book to take the new snapshot (as a reconnect
        // does), where a diff the snapshot covers would be dropped and the snapshot ignored as older than the book.
        StringBuilder body = new StringBuilder().append((startMillis + 100) * 1_000_000L + 50_000_000L)
                .append(" {\"lastUpdateId\":").append(snapshot.lastUpdateId()).append(",\"bids\":");
        new Side(snapshot.bidPrices(), snapshot.bidQuantities()).appendTo(body);
        new Side(snapshot.askPrices(), snapshot.askQuantities()).appendTo(body.append(",\"asks\":")).append('}');
        out.add(covered.size() + 1, body.toString());
        return out;
    }

    /** One combined-stream depth frame as Binance writes it, after its receive nanos (5 ms after its event time). */
    private static String frame(long eventMillis, long firstId, long finalId, Side bids, Side asks) {
        StringBuilder out = new StringBuilder(256).append(eventMillis * 1_000_000L + 5_000_000L)
                .append(" {\"stream\":\"nknusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":").append(eventMillis)
                .append(",\"s\":\"NKNUSDT\",\"U\":").append(firstId).append(",\"u\":").append(finalId).append(",\"b\":");
        bids.appendTo(out);
        asks.appendTo(out.append(",\"a\":"));
        return out.append("}}").toString();
    }

    private static Map<Double, Double> book(double[] prices, double[] quantities) {
        Map<Double, Double> side = new HashMap<>();
        for (int i = 0; i < prices.length; i++) {
            side.put(prices[i], quantities[i]);
        }
        return side;
    }

    /** One side of a depth frame: its levels' prices and quantities (0: the level is removed). */
    private record Side(double[] prices, double[] quantities) {

        static Side bids(DepthUpdate diff) {
            double[] prices = new double[diff.bidCount()];
            double[] quantities = new double[prices.length];
            for (int i = 0; i < prices.length; i++) {
                prices[i] = diff.bidPrice(i);
                quantities[i] = diff.bidQuantity(i);
            }
            return new Side(prices, quantities);
        }

        static Side asks(DepthUpdate diff) {
            double[] prices = new double[diff.askCount()];
            double[] quantities = new double[prices.length];
            for (int i = 0; i < prices.length; i++) {
                prices[i] = diff.askPrice(i);
                quantities[i] = diff.askQuantity(i);
            }
            return new Side(prices, quantities);
        }

        /** Applies these levels to {@code book}; returns the side that sets them back to what they were. */
        Side applyTo(Map<Double, Double> book) {
            double[] before = new double[prices.length];
            for (int i = 0; i < prices.length; i++) {
                for (int j = 0; j < i; j++) {
                    if (prices[j] == prices[i]) {
                        throw new IllegalStateException("NKNUSDT level " + prices[i] + " twice in one frame: its"
                                + " inverse would not restore it");
                    }
                }
                before[i] = book.getOrDefault(prices[i], 0.0);
                if (quantities[i] == 0) {
                    book.remove(prices[i]);
                } else {
                    book.put(prices[i], quantities[i]);
                }
            }
            return new Side(prices, before);
        }

        /** {@code [["price","quantity"],...]} with 8 decimals, as Binance writes them. */
        StringBuilder appendTo(StringBuilder out) {
            out.append('[');
            for (int i = 0; i < prices.length; i++) {
                DecimalText.fixed(out.append(i == 0 ? "[\"" : ",[\""), prices[i], 8).append("\",\"");
                DecimalText.fixed(out, quantities[i], 8).append("\"]");
            }
            return out.append(']');
        }
    }

    /** One capture stream replayed as frames, restarting as after a reconnect at its end. */
    private static final class Lap {
        final String name;
        final BinanceMarket venue;
        final String symbol;
        final String[] frames;
        final long[] receiveNanos;
        final boolean[] snapshot;
        final MarketState state;
        final LapShift shift;
        final long span;
        BinanceStreamSession session;
        long earlierProblems;
        int next;

        Lap(BinanceMarket venue, String symbol, double tickSize, double lotSize, List<String> lines,
            Predicate<String> kind, OutboundWrites writes) {
            List<String> chosen = lines.stream().filter(kind).toList();
            this.name = venue.label() + " " + symbol + " " + chosen.size() + " frames";
            this.venue = venue;
            this.symbol = symbol;
            frames = new String[chosen.size()];
            receiveNanos = new long[chosen.size()];
            snapshot = new boolean[chosen.size()];
            for (int k = 0; k < frames.length; k++) {
                String line = chosen.get(k);
                int brace = line.indexOf('{');
                frames[k] = line.substring(brace); // what the WebSocket hands over: the frame's text only
                receiveNanos[k] = Long.parseLong(line.substring(0, brace).trim());
                snapshot[k] = line.contains("\"lastUpdateId\"");
            }
            span = receiveNanos[frames.length - 1] - receiveNanos[0] + 60_000_000_000L;
            state = newState(writes, venue.protocol(), symbol, tickSize, lotSize);
            shift = new LapShift(state);
            session = newSession();
        }

        BinanceStreamSession newSession() {
            BinanceStreamSession s = new BinanceStreamSession(name, venue, List.of(symbol), true, shift,
                    BinanceStreamSession.SnapshotRequests.NONE, new InputQuality(name, 10_000, 1_000));
            s.connected(receiveNanos[0]);
            return s;
        }

        void next() {
            if (next == frames.length) {
                next = 0;
                earlierProblems += reported(session);
                shift.offsetNanos += span;
                session = newSession();
            }
            int k = next++;
            if (snapshot[k]) {
                session.onSnapshotBody(symbol, frames[k], receiveNanos[k]); // the REST body a resync fetches
            } else {
                session.onFrame(frames[k], receiveNanos[k], k);
            }
        }

        /** Bad frames the sessions reported over every lap so far (none expected from these captures). */
        long problems() {
            return earlierProblems + reported(session);
        }

        private static long reported(BinanceStreamSession s) {
            return s.quality().problems();
        }
    }

    static MarketState newState(OutboundWrites writes, DepthProtocol protocol, String symbol, double tickSize,
                                double lotSize) {
        InstrumentSettings btc = new InstrumentSettings(symbol, symbol, tickSize, lotSize, List.of("binance"), protocol,
                21, 0.01, 50_000, 50, 30, 525_600, 0.3, 0.8, false);
        MarketSettings market = new MarketSettings(symbol, symbol, tickSize, 1, TradingSession.cmeGlobex());
        MarketPipeline pipeline = new MarketPipeline(Map.of(symbol, new StrategyDesk(
                List.of(new VolumeSpikeStrategy(market, WorkerPathBenchmark.BARS)),
                new ConflictResolver(Duration.ZERO, List.of()))), writes);
        MarketState s = new MarketState(new WorkerSettings(List.of(btc), 65_536, 30), WorkerPathBenchmark.BARS,
                new ChainAnalytics(new GammaExposure(GexConvention.DEFAULT), UnusualOptionsActivity.DEFAULT), pipeline);
        s.onFeedHealth("bench", symbol, FeedHealth.LIVE, 0, "bench");
        return s;
    }

    /** Forwards to the worker's state with event times moved on by whole laps, so bars keep moving forward. */
    private static final class LapShift implements MarketEventListener {
        private final MarketEventListener next;
        long offsetNanos;

        LapShift(MarketEventListener next) {
            this.next = next;
        }

        @Override
        public void onTrade(String instrument, long exchangeNanos, long receiveNanos, long tradeId, double price,
                            double size, Aggressor aggressor) {
            next.onTrade(instrument, exchangeNanos + offsetNanos, receiveNanos + offsetNanos, tradeId, price, size,
                    aggressor);
        }

        @Override
        public void onTopOfBook(String instrument, long exchangeNanos, long receiveNanos, double bidPrice,
                                double bidSize, double askPrice, double askSize) {
            next.onTopOfBook(instrument, exchangeNanos + offsetNanos, receiveNanos + offsetNanos, bidPrice, bidSize,
                    askPrice, askSize);
        }

        @Override
        public void onDepthUpdate(String instrument, long exchangeNanos, long receiveNanos, DepthUpdate update) {
            next.onDepthUpdate(instrument, exchangeNanos + offsetNanos, receiveNanos + offsetNanos, update);
        }

        @Override
        public void onDepthSnapshot(String instrument, long receiveNanos, DepthSnapshot snapshot) {
            next.onDepthSnapshot(instrument, receiveNanos + offsetNanos, snapshot);
        }

        @Override
        public void onOptionChain(String underlying, long exchangeNanos, long receiveNanos, OptionChain chain) {
            next.onOptionChain(underlying, exchangeNanos + offsetNanos, receiveNanos + offsetNanos, chain);
        }

        @Override
        public void onFeedHealth(String source, String instrument, FeedHealth health, long receiveNanos,
                                 String reason) {
            next.onFeedHealth(source, instrument, health, receiveNanos + offsetNanos, reason);
        }
    }
}
