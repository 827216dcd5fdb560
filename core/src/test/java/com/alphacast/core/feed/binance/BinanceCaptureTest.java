package com.alphacast.core.feed.binance;

import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.fixtures.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinanceCaptureTest {

    static List<CapturedMessage> read(String file) throws IOException {
        try (Reader r = Files.newBufferedReader(SharedData.file(file))) {
            return new BinanceCaptureReader(null).readAll(r, file);
        }
    }

    static String text(String file) throws IOException {
        return Files.readString(SharedData.file(file));
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
        assertThat(top.imbalance()).isCloseTo((4 - 6) / 10.0, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(top.microprice()).isCloseTo((1.01 * 4 + 1.00 * 6) / 10, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(report.classifiers().get("quote").correct()).isEqualTo(3);
    }
}
