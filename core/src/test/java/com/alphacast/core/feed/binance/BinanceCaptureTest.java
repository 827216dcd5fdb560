package com.alphacast.core.feed.binance;

import com.alphacast.core.book.BookSide;
import com.alphacast.core.book.BookSynchronizer;
import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.book.DepthSnapshot;
import com.alphacast.core.book.DepthUpdate;
import com.alphacast.core.book.OrderBook;
import com.alphacast.core.book.UpdateOutcome;
import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.fixtures.TestData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BinanceCaptureTest {

    static List<CapturedMessage> read(String file) throws IOException {
        try (Reader r = Files.newBufferedReader(TestData.file(file))) {
            return new BinanceCaptureReader(null).readAll(r, file);
        }
    }

    static String text(String file) throws IOException {
        return Files.readString(TestData.file(file));
    }

    @Test
    void readsEveryRealSnapshotAndStreamMessage() throws IOException {
        List<CapturedMessage> snapshots = read("orderbook/binance_spot_depth_snapshots.capture");
        assertThat(snapshots).extracting(m -> m.message().symbol())
                .containsExactly("NKNUSDT", "BLZETH", "LRCBTC", "RUNEEUR");
        BinanceMessage.Snapshot nkn = (BinanceMessage.Snapshot) snapshots.get(0).message();
        assertThat(nkn.snapshot().lastUpdateId()).isEqualTo(499_869_752L);
        assertThat(nkn.snapshot().bidPrices()).hasSize(609);
        assertThat(nkn.snapshot().askPrices()).hasSize(1000);
        assertThat(nkn.snapshot().bidPrices()[0]).isEqualTo(0.3521);

        List<CapturedMessage> stream = read("orderbook/binance_spot_stream.capture");
        assertThat(stream).hasSize(265);
        var byType = stream.stream().collect(Collectors.groupingBy(m -> m.message().getClass().getSimpleName(),
                Collectors.counting()));
        assertThat(byType).containsEntry("Depth", 177L).containsEntry("BookTicker", 84L)
                .containsEntry("AggTrade", 2L).containsEntry("Other", 2L);
        BinanceMessage.AggTrade trade = stream.stream().map(CapturedMessage::message)
                .filter(BinanceMessage.AggTrade.class::isInstance).map(BinanceMessage.AggTrade.class::cast)
                .findFirst().orElseThrow();
        assertThat(trade.buyerIsMaker()).isFalse();
        assertThat(trade.aggressor()).isEqualTo(Aggressor.BUY);
    }

    @Test
    void everyBookTickerCheckpointMatchesTheRebuiltBook() throws IOException {
        BookReplayReport report = new BinanceBookReplay(DepthProtocol.SPOT, null).replay(
                read("orderbook/binance_spot_depth_snapshots.capture"), read("orderbook/binance_spot_stream.capture"));
        assertThat(report.gaps()).isEmpty();
        assertThat(report.mismatches()).isEmpty();
        assertThat(report.checkpointsPassed()).isEqualTo(26);
        assertThat(report.updates()).hasSize(172);
        assertThat(report.droppedEvents()).as("events covered by the snapshots").isEqualTo(5);
        assertThat(report.tickersWithoutCheckpoint()).isEqualTo(84 - 26);
        assertThat(report.classifiers().get("tick").trades()).isEqualTo(2);
        assertThat(report.classifiers().get("quote").correct()).isEqualTo(2);
    }

    @Test
    void aMissingDepthEventIsReportedAsAGapAndLaterCheckpointsAreNotTrusted() throws IOException {
        String stream = text("orderbook/binance_spot_stream.capture");
        // Remove the NKNUSDT event U=499869761..u=499869764.
        String[] lines = stream.split("\n");
        StringBuilder without = new StringBuilder();
        for (String line : lines) {
            if (!line.contains("\"U\":499869761,")) {
                without.append(line).append('\n');
            }
        }
        List<CapturedMessage> cut = new BinanceCaptureReader(null).readAll(new StringReader(without.toString()),
                "cut.capture");
        BookReplayReport report = new BinanceBookReplay(DepthProtocol.SPOT, "nknusdt").replay(
                read("orderbook/binance_spot_depth_snapshots.capture"), cut);
        assertThat(report.gaps()).hasSize(1);
        assertThat(report.gaps().get(0).expectedId()).isEqualTo(499_869_761L);
        assertThat(report.gaps().get(0).receivedId()).isEqualTo(499_869_765L);
        assertThat(report.mismatches()).isEmpty();
        assertThat(report.updates()).allMatch(t -> t.symbol().equals("NKNUSDT"));
    }

    @Test
    void aGapDuringTheSnapshotReplayKeepsLaterEventsSoTheNextSnapshotCanBridgeIt() throws IOException {
        // Real NKNUSDT capture: every depth event arrives before the snapshot (a slow REST call), and one event
        // (U=499869761..u=499869764) is lost. Replaying after the snapshot stops at the gap; a second snapshot taken
        // at u=499869764 must be able to resume from the events buffered after the lost one.
        long lostFirst = 499_869_761L;
        long lostFinal = 499_869_764L;
        DepthSnapshot snapshot = read("orderbook/binance_spot_depth_snapshots.capture").stream()
                .map(CapturedMessage::message).filter(BinanceMessage.Snapshot.class::isInstance)
                .map(m -> ((BinanceMessage.Snapshot) m).snapshot()).filter(d -> d.symbol().equals("NKNUSDT"))
                .findFirst().orElseThrow();
        List<DepthUpdate> events = read("orderbook/binance_spot_stream.capture").stream()
                .map(CapturedMessage::message).filter(BinanceMessage.Depth.class::isInstance)
                .map(m -> ((BinanceMessage.Depth) m).update()).filter(u -> u.symbol().equals("NKNUSDT")).toList();
        assertThat(events).hasSizeGreaterThan(20);

        // Reference: the intact stream, remembering the book right after the lost event as the bridging snapshot.
        DepthSnapshot[] bridge = new DepthSnapshot[1];
        BookSynchronizer reference = new BookSynchronizer(new OrderBook("NKNUSDT"), DepthProtocol.SPOT, 10_000,
                (u, book) -> {
                    if (u.finalUpdateId() == lostFinal) {
                        bridge[0] = copy(book, lostFinal);
                    }
                });
        reference.onSnapshot(snapshot);
        events.forEach(reference::onUpdate);
        assertThat(reference.gaps()).isZero();
        assertThat(bridge[0]).isNotNull();

        BookSynchronizer sync = new BookSynchronizer("NKNUSDT", DepthProtocol.SPOT);
        List<DepthUpdate> cut = events.stream().filter(u -> u.firstUpdateId() != lostFirst).toList();
        cut.forEach(u -> assertThat(sync.onUpdate(u)).isEqualTo(UpdateOutcome.BUFFERED));
        int beforeGap = sync.onSnapshot(snapshot);
        assertThat(sync.gaps()).isEqualTo(1);
        assertThat(sync.lastGapExpected()).isEqualTo(lostFirst);
        assertThat(sync.isLive()).isFalse();
        int afterGap = (int) cut.stream().filter(u -> u.firstUpdateId() > lostFinal).count();
        assertThat(sync.bufferedEvents()).as("the failed event and every later one").isEqualTo(afterGap);

        assertThat(sync.onSnapshot(bridge[0])).isEqualTo(afterGap);
        assertThat(beforeGap).isPositive();
        assertThat(sync.isLive()).isTrue();
        assertThat(sync.lastUpdateId()).isEqualTo(reference.lastUpdateId());
        assertThat(copy(sync.book(), 0)).usingRecursiveComparison().isEqualTo(copy(reference.book(), 0));
        assertThat(sync.discardedEvents()).isZero();
    }

    private static DepthSnapshot copy(OrderBook book, long id) {
        int bids = book.depth(BookSide.BID);
        int asks = book.depth(BookSide.ASK);
        double[][] levels = {new double[bids], new double[bids], new double[asks], new double[asks]};
        for (int i = 0; i < bids; i++) {
            levels[0][i] = book.price(BookSide.BID, i);
            levels[1][i] = book.quantity(BookSide.BID, i);
        }
        for (int i = 0; i < asks; i++) {
            levels[2][i] = book.price(BookSide.ASK, i);
            levels[3][i] = book.quantity(BookSide.ASK, i);
        }
        return new DepthSnapshot(book.symbol(), id, levels[0], levels[1], levels[2], levels[3]);
    }

    @Test
    void acceptsPlainJsonlAndNamesLineAndColumnOfBadInput() {
        String jsonl = """
                {"lastUpdateId":10,"bids":[["1.0","2.0"]],"asks":[["1.1","3.0"]]}
                {"e":"depthUpdate","E":1,"s":"ABC","U":11,"u":11,"b":[["1.0","0"]],"a":[]}
                """;
        List<CapturedMessage> messages = new BinanceCaptureReader("abc").readAll(new StringReader(jsonl), "x.jsonl");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).message().symbol()).isEqualTo("ABC");

        assertThatThrownBy(() -> new BinanceCaptureReader(null).readAll(new StringReader(
                "1.5: {\"e\":\"depthUpdate\",\"s\":\"A\",\"U\":1,\"u\":2,\"b\":[[\"x\",\"1\"]],\"a\":[]}\n"), "y.capture"))
                .isInstanceOf(InputFormatException.class)
                .hasMessageStartingWith("y.capture:1:51:")
                .hasMessageContaining("'price' is not a decimal number: 'x'");
        assertThatThrownBy(() -> new BinanceCaptureReader(null).readAll(new StringReader(
                "\n1.5: {\"e\":\"depthUpdate\",\n"), "z.capture"))
                .isInstanceOf(InputFormatException.class)
                .hasMessageStartingWith("z.capture:2:")
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> new BinanceCaptureReader(null).readAll(new StringReader(
                "{\"lastUpdateId\":1,\"bids\":[],\"asks\":[]}\n"), "s.jsonl"))
                .hasMessageContaining("s.jsonl:1:1: depth snapshot without a symbol");
    }

    @Test
    void everyBookTickerWithTheSameUpdateIdIsACheckpoint() {
        // Two tickers for update 11 arrive before the depth event: one agrees with the book, one does not. Both must
        // be checked (keyed by update id alone, the second used to replace the first).
        String jsonl = """
                {"lastUpdateId":10,"bids":[["1.00","2"]],"asks":[["1.01","6"]]}
                {"u":11,"s":"ABC","b":"1.00","B":"4","a":"1.01","A":"6"}
                {"u":11,"s":"ABC","b":"1.00","B":"5","a":"1.01","A":"6"}
                {"e":"depthUpdate","E":1,"s":"ABC","U":11,"u":11,"b":[["1.00","4"]],"a":[]}
                """;
        List<CapturedMessage> messages = new BinanceCaptureReader("ABC").readAll(new StringReader(jsonl), "t.jsonl");
        BookReplayReport report = new BinanceBookReplay(DepthProtocol.SPOT, null).replay(List.of(), messages);
        assertThat(report.checkpointsPassed()).isEqualTo(1);
        assertThat(report.mismatches()).hasSize(1);
        assertThat(report.mismatches().get(0).line()).isEqualTo(3);
        assertThat(report.tickersWithoutCheckpoint()).isZero();
    }

    @Test
    void reportsSweepsFromAggTradesAndTopOfBookMeasures() {
        String jsonl = """
                {"lastUpdateId":10,"bids":[["1.00","2"]],"asks":[["1.01","6"],["1.02","5"],["1.03","5"]]}
                {"e":"depthUpdate","E":1,"s":"ABC","U":11,"u":11,"b":[["1.00","4"]],"a":[]}
                {"e":"aggTrade","E":5,"s":"ABC","a":1,"p":"1.01","q":"6","f":1,"l":1,"T":1000,"m":false,"M":true}
                {"e":"aggTrade","E":5,"s":"ABC","a":2,"p":"1.02","q":"5","f":2,"l":2,"T":1010,"m":false,"M":true}
                {"e":"aggTrade","E":5,"s":"ABC","a":3,"p":"1.03","q":"1","f":3,"l":3,"T":1020,"m":false,"M":true}
                """;
        List<CapturedMessage> messages = new BinanceCaptureReader("ABC").readAll(new StringReader(jsonl), "s.jsonl");
        BookReplayReport report = new BinanceBookReplay(DepthProtocol.SPOT, null).replay(List.of(), messages);
        assertThat(report.sweeps()).hasSize(1);
        assertThat(report.sweeps().get(0).levels()).isEqualTo(3);
        assertThat(report.sweeps().get(0).side()).isEqualTo(Aggressor.BUY);
        assertThat(report.sweeps().get(0).totalSize()).isEqualTo(12);
        var top = report.updates().get(0);
        assertThat(top.bidQuantity()).isEqualTo(4);
        assertThat(top.imbalance()).isCloseTo((4 - 6) / 10.0, within(1e-15));
        assertThat(top.microprice()).isCloseTo((1.01 * 4 + 1.00 * 6) / 10, within(1e-15));
        assertThat(report.classifiers().get("quote").correct()).isEqualTo(3);
    }

    static List<CapturedMessage> readGz(String file, BinanceCaptureReader reader) throws IOException {
        try (Reader r = new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(
                Files.newInputStream(TestData.file(file))), java.nio.charset.StandardCharsets.UTF_8)) {
            return reader.readAll(r, file);
        }
    }

    @Test
    void hftbacktestCapturesReadAloneWithTheirInlineSnapshotAndRebuildEveryCheckpoint() throws IOException {
        List<CapturedMessage> spot = readGz("orderbook/hftbacktest_binance_spot_btcusdt_20240808.gz",
                new BinanceCaptureReader(null));
        var byType = spot.stream().collect(Collectors.groupingBy(m -> m.message().getClass().getSimpleName(),
                Collectors.counting()));
        assertThat(byType).containsEntry("Depth", 3451L).containsEntry("BookTicker", 28040L)
                .containsEntry("AggTrade", 9757L).containsEntry("Snapshot", 1L);
        assertThat(spot.get(7).message()).isInstanceOf(BinanceMessage.Snapshot.class);
        assertThat(spot.get(7).message().symbol()).as("inline snapshot takes the stream's symbol").isEqualTo("BTCUSDT");
        assertThat(spot.get(0).receivedEpochSec()).isCloseTo(1_723_161_254.0, within(1.0));
        MarketDetection spotMarket = MarketDetection.of(spot, null);
        assertThat(spotMarket.market()).isEqualTo(BinanceMarket.SPOT);
        BookReplayReport spotReport = new BinanceBookReplay(spotMarket.market().protocol(), null)
                .replay(List.of(), spot);
        assertThat(spotReport.gaps()).isEmpty();
        assertThat(spotReport.mismatches()).isEmpty();
        assertThat(spotReport.checkpointsPassed()).isEqualTo(564);

        List<CapturedMessage> usdm = readGz("orderbook/hftbacktest_binance_usdm_btcusdt_20240808.gz",
                new BinanceCaptureReader(null));
        MarketDetection usdmMarket = MarketDetection.of(usdm, null);
        assertThat(usdmMarket.market()).isEqualTo(BinanceMarket.USDM_FUTURES);
        BookReplayReport usdmReport = new BinanceBookReplay(usdmMarket.market().protocol(), null)
                .replay(List.of(), usdm);
        assertThat(usdmReport.gaps()).isEmpty();
        assertThat(usdmReport.mismatches()).isEmpty();
        assertThat(usdmReport.checkpointsPassed()).isEqualTo(629);
    }

    @Test
    void urlsTellTheMarketWhenTheCaptureHasNoDepthUpdates() {
        assertThat(BinanceMarket.fromUrl("https://fapi.binance.com/fapi/v1/depth?symbol=BTCUSDT"))
                .isEqualTo(BinanceMarket.USDM_FUTURES);
        assertThat(BinanceMarket.fromUrl("wss://dstream.binance.com/stream?streams=btcusd_perp@depth"))
                .isEqualTo(BinanceMarket.COINM_FUTURES);
        assertThat(BinanceMarket.fromUrl("https://api.binance.com/api/v3/depth?symbol=BTCUSDT"))
                .isEqualTo(BinanceMarket.SPOT);
        assertThat(BinanceMarket.fromUrl("https://example.com/feed")).isNull();
        BinanceCaptureReader reader = new BinanceCaptureReader(null);
        List<CapturedMessage> snapshots = reader.readAll(new StringReader(
                "https://fapi.binance.com/fapi/v1/depth?symbol=BTCUSDT&limit=5 -> 1.5: "
                        + "{\"lastUpdateId\":7,\"bids\":[[\"1.0\",\"1\"]],\"asks\":[[\"2.0\",\"1\"]]}\n"), "f.capture");
        assertThat(reader.marketFromUrls()).isEqualTo(BinanceMarket.USDM_FUTURES);
        assertThat(MarketDetection.of(snapshots, reader.marketFromUrls()).market())
                .isEqualTo(BinanceMarket.USDM_FUTURES);
    }
}
