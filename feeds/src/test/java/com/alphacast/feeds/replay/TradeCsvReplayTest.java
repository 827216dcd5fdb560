package com.alphacast.feeds.replay;

import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.fixtures.TestData;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.feeds.fixtures.RecordingListener;
import com.alphacast.feeds.quality.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class TradeCsvReplayTest {

    @Test
    void replaysTheDemoSessionAsTradesAndEndsDisconnected() throws InterruptedException {
        TradeCsvReplay replay = new TradeCsvReplay("es-csv", TestData.esSession(), "ES", ReplaySpeed.MAX);
        RecordingListener downstream = new RecordingListener(DepthProtocol.SPOT);
        replay.start(downstream);
        assertThat(replay.awaitEnd(Duration.ofSeconds(30))).isTrue();
        assertThat(downstream.trades()).isEqualTo(11_101);
        assertThat(downstream.health()).extracting(RecordingListener.Health::health)
                .containsExactly(FeedHealth.LIVE, FeedHealth.DISCONNECTED);
    }

    @Test
    void countsABadLineAndKeepsGoing(@TempDir Path dir) throws IOException, InterruptedException {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "Date and Time,Price,Volume\n2011/07/31 22:00:00.120,1306.0,2\n"
                + "2011/07/31 22:00:00.130,abc,2\n2011/07/31 22:00:00.140,1306.25,1\n");
        TradeCsvReplay replay = new TradeCsvReplay("bad-csv", csv, "ES", ReplaySpeed.MAX);
        RecordingListener downstream = new RecordingListener(DepthProtocol.SPOT);
        replay.start(downstream);
        assertThat(replay.awaitEnd(Duration.ofSeconds(10))).isTrue();
        assertThat(downstream.trades()).isEqualTo(2);
        assertThat(downstream.lastTradePrice()).isEqualTo(1306.25);
        assertThat(replay.quality().count(InputProblem.MALFORMED_FRAME)).isEqualTo(1);
    }

    @Test
    void replaysAGzippedFileWithQuotesAsTopOfBookThenTradePerSymbol(@TempDir Path dir)
            throws IOException, InterruptedException {
        Path gz = dir.resolve("quoted.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(("symbol,time,price,size,side,bid,ask,bid_size,ask_size\n"
                    + "AAPL,2024-03-01T14:30:00.5Z,180.10,100,buy,180.05,180.10,3,4\n"
                    + "MSFT,2024-03-01T14:30:00.6Z,401.5,5,sell,401.25,401.75,1,1\n"
                    + "AAPL,2024-03-01T14:30:00.7Z,180.07,5,,180.05,180.10,2,2\n").getBytes(StandardCharsets.UTF_8));
        }
        TradeCsvReplay replay = new TradeCsvReplay("quoted", gz, "X", ReplaySpeed.MAX, ReceiveClock.RECORDED);
        RecordingListener downstream = new RecordingListener(DepthProtocol.SPOT);
        replay.start(downstream);
        assertThat(replay.awaitEnd(Duration.ofSeconds(30))).isTrue();
        assertThat(downstream.trades()).isEqualTo(3);
        assertThat(downstream.tops()).isEqualTo(3);
        assertThat(downstream.lastTradePrice()).isEqualTo(180.07);
        assertThat(replay.quality().count(InputProblem.MALFORMED_FRAME)).isZero();
        assertThat(downstream.health()).extracting(h -> h.instrument() + " " + h.health())
                .containsExactlyInAnyOrder("AAPL LIVE", "MSFT LIVE", "AAPL DISCONNECTED", "MSFT DISCONNECTED");
    }
}
