package com.alphacast.feeds.replay;

import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.feed.binance.BinanceMarket;
import com.alphacast.core.fixtures.TestData;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.feeds.fixtures.RecordingListener;
import com.alphacast.feeds.quality.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BinanceCaptureReplayTest {

    static final Path SPOT = TestData.file("orderbook/hftbacktest_binance_spot_btcusdt_20240808.gz");
    static final Path USDM = TestData.file("orderbook/hftbacktest_binance_usdm_btcusdt_20240808.gz");

    @Test
    void replaysTheSpotCaptureThroughTheLiveSessionMatchingEveryCheckpoint() throws InterruptedException {
        BinanceCaptureReplay replay = new BinanceCaptureReplay("replay-spot", List.of(SPOT), ReplaySpeed.MAX, null);
        assertThat(replay.market()).isEqualTo(BinanceMarket.SPOT);
        RecordingListener downstream = new RecordingListener(DepthProtocol.SPOT);
        replay.start(downstream);
        assertThat(replay.awaitEnd(Duration.ofSeconds(60))).isTrue();

        assertThat(replay.session().checkpointsMatched("BTCUSDT")).isEqualTo(564);
        assertThat(replay.session().checkpointMismatches("BTCUSDT")).isZero();
        assertThat(replay.session().quality().count(InputProblem.SEQUENCE_GAP)).isZero();
        assertThat(downstream.downstreamGaps()).as("the consumer's own synchroniser sees no gap either").isZero();
        assertThat(downstream.trades()).isEqualTo(9757);
        assertThat(downstream.tops()).isEqualTo(28040);
        assertThat(downstream.snapshots()).isEqualTo(1);
        assertThat(downstream.health()).extracting(RecordingListener.Health::health).containsExactly(
                FeedHealth.SYNCHRONISING, FeedHealth.LIVE, FeedHealth.DISCONNECTED);
    }

    @Test
    void detectsUsdmFuturesAndKeepsItsBookWithPuContinuity() throws InterruptedException {
        BinanceCaptureReplay replay = new BinanceCaptureReplay("replay-usdm", List.of(USDM), ReplaySpeed.MAX, null);
        assertThat(replay.market()).isEqualTo(BinanceMarket.USDM_FUTURES);
        RecordingListener downstream = new RecordingListener(DepthProtocol.FUTURES);
        replay.start(downstream);
        assertThat(replay.awaitEnd(Duration.ofSeconds(60))).isTrue();
        assertThat(replay.session().checkpointsMatched("BTCUSDT")).isEqualTo(629);
        assertThat(replay.session().checkpointMismatches("BTCUSDT")).isZero();
        assertThat(replay.session().quality().count(InputProblem.SEQUENCE_GAP)).isZero();
        assertThat(downstream.downstreamGaps()).isZero();
        assertThat(downstream.trades()).isEqualTo(21313);
    }

    @Test
    void replaysTheCryptofeedPairMergedByReceiveTime() throws InterruptedException {
        BinanceCaptureReplay replay = new BinanceCaptureReplay("replay-cryptofeed", List.of(
                TestData.file("orderbook/binance_spot_depth_snapshots.capture"),
                TestData.file("orderbook/binance_spot_stream.capture")), ReplaySpeed.MAX, null);
        RecordingListener downstream = new RecordingListener(DepthProtocol.SPOT);
        replay.start(downstream);
        assertThat(replay.awaitEnd(Duration.ofSeconds(30))).isTrue();
        long matched = replay.symbols().stream().mapToLong(s -> replay.session().checkpointsMatched(s)).sum();
        assertThat(matched).isEqualTo(26);
        assertThat(downstream.downstreamGaps()).isZero();
        assertThat(replay.session().quality().count(InputProblem.UNKNOWN_EVENT)).as("the two klines").isEqualTo(2);
    }

    @Test
    void countsBadLinesAndKeepsGoing(@TempDir Path dir) throws IOException, InterruptedException {
        Path capture = dir.resolve("bad.jsonl");
        Files.writeString(capture, String.join("\n",
                "{\"e\":\"trade\",\"E\":1,\"T\":1,\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"100.0\",\"q\":\"1\",\"m\":true}",
                "{not json",
                "{\"e\":\"trade\",\"E\":2,\"T\":2,\"s\":\"BTCUSDT\",\"t\":2,\"p\":\"-5\",\"q\":\"1\",\"m\":true}",
                "{\"e\":\"trade\",\"E\":3,\"T\":3,\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"100.5\",\"q\":\"1\",\"m\":true}",
                "{\"e\":\"bookTicker\",\"s\":\"BTCUSDT\",\"u\":7,\"b\":\"101\",\"B\":\"1\",\"a\":\"100\",\"A\":\"1\"}",
                "{\"e\":\"trade\",\"E\":4,\"T\":4,\"s\":\"BTCUSDT\",\"t\":3,\"p\":\"101.0\",\"q\":\"2\",\"m\":false}")
                + "\n");
        BinanceCaptureReplay replay = new BinanceCaptureReplay("replay-bad", List.of(capture), ReplaySpeed.MAX,
                BinanceMarket.SPOT);
        RecordingListener downstream = new RecordingListener(DepthProtocol.SPOT);
        replay.start(downstream);
        assertThat(replay.awaitEnd(Duration.ofSeconds(10))).isTrue();
        assertThat(downstream.trades()).isEqualTo(2);
        assertThat(downstream.lastTradePrice()).isEqualTo(101.0);
        var q = replay.session().quality();
        assertThat(q.count(InputProblem.MALFORMED_FRAME)).isEqualTo(1);
        assertThat(q.count(InputProblem.BAD_VALUE)).as("the negative price").isEqualTo(1);
        assertThat(q.count(InputProblem.DUPLICATE_ID)).as("trade id 1 again").isEqualTo(1);
        assertThat(q.count(InputProblem.CROSSED_BOOK)).isEqualTo(1);
    }

    @Test
    void realTimeReplayKeepsTheRecordedPaceTimesTheFactor(@TempDir Path dir) throws IOException,
            InterruptedException {
        Path capture = dir.resolve("paced.capture");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 5; i++) { // 5 trades 100 ms apart in recorded time: 400 ms
            lines.append(1_700_000_000_000_000_000L + i * 100_000_000L).append(' ').append(
                    "{\"e\":\"trade\",\"E\":1,\"T\":1,\"s\":\"ETHUSDT\",\"t\":").append(i)
                    .append(",\"p\":\"10\",\"q\":\"1\",\"m\":true}\n");
        }
        Files.writeString(capture, lines);
        BinanceCaptureReplay replay = new BinanceCaptureReplay("paced", List.of(capture), ReplaySpeed.parse("2x"),
                null);
        long start = System.nanoTime();
        replay.start(new RecordingListener(DepthProtocol.SPOT));
        assertThat(replay.awaitEnd(Duration.ofSeconds(10))).isTrue();
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(elapsedMs).as("400 ms recorded at 2x").isBetween(190L, 1_500L);
    }
}
