package com.alphacast.feeds.replay;

import com.alphacast.core.book.DepthProtocol;
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
}
