package com.alphacast.worker.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.bars.TimeBarBuilder;
import com.alphacast.core.calendar.TradingSession;
import com.alphacast.core.feed.trades.TradeCsvReader;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.settings.MarketSettings;
import com.alphacast.core.settings.VolumeSpikeSettings;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.strategy.volumespike.VolumeSpikeStrategy;
import com.alphacast.worker.pipeline.MarketPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradeReplayTest {

    private static final MarketSettings ES = new MarketSettings("ES", "ESU1", 0.25, 50, TradingSession.cmeGlobex());
    private static final VolumeSpikeSettings DEMO = new VolumeSpikeSettings(60, 10, 2.0, 1.5, 2, 6, 2.0, 1, 1);

    private final List<Object> published = new ArrayList<>();

    private MarketPipeline pipeline() {
        return new MarketPipeline(new TimeBarBuilder("ES", Duration.ofMinutes(1)), new VolumeSpikeStrategy(ES, DEMO),
                published::add, published::add);
    }

    private final TradeReplay replay = new TradeReplay(new TradeCsvReader("ES", ZoneOffset.UTC), Clock.systemUTC());

    @Test
    void replaysTheShippedDemoSessionIntoBarsSnapshotsAndSignals() {
        Path demo = Path.of(System.getProperty("alphacast.project.root", "..")).resolve("data/demo/es_trades_2011-07-31.csv");

        ReplayReport report = replay.replay(demo, Double.POSITIVE_INFINITY, pipeline());

        assertThat(report.events()).isEqualTo(11_101);
        assertThat(report.malformedLines()).isZero();
        assertThat(report.bars()).isEqualTo(50);
        assertThat(report.signals()).isEqualTo(3);
        // Each signal comes right after the snapshot of the bar that triggered it: the broker can always fill.
        for (int i = 0; i < published.size(); i++) {
            if (published.get(i) instanceof Signal signal) {
                MarketSnapshot before = (MarketSnapshot) published.get(i - 1);
                assertThat(before.bar().end()).isEqualTo(signal.marketTime());
            }
        }
    }

    @Test
    void countsAndReportsMalformedLinesWithTheirLineNumbersAndKeepsGoing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trades.csv");
        Files.writeString(file, String.join("\n",
                "Date and Time,Price,Volume",
                "2011/07/31 22:00:00.120,1306.0,2",
                "2011/07/31 22:00:00.150,not-a-price,2",
                "2011/07/31 22:00:01.000,1306.25",
                "garbage",
                "2011/07/31 22:00:02.000,1306.5,-3",
                "2011/07/31 22:01:00.000,1306.75,4",
                ""));

        ReplayReport report = replay.replay(file, Double.POSITIVE_INFINITY, pipeline());

        assertThat(report.events()).isEqualTo(2);
        assertThat(report.malformedLines()).isEqualTo(4);
        assertThat(report.malformed()).hasSize(4);
        assertThat(report.malformed().get(0)).contains("line 3").contains("price");
        assertThat(report.malformed().get(1)).contains("line 4");
        assertThat(report.malformed().get(2)).contains("line 5");
        assertThat(report.malformed().get(3)).contains("line 6").contains("size");
        assertThat(report.bars()).isEqualTo(2);
    }

    @Test
    void pacesAReplayAtTheRequestedMultipleOfRealTime(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trades.csv");
        Files.writeString(file, "Date and Time,Price,Volume\n2011/07/31 22:00:00.000,1306.0,2\n"
                + "2011/07/31 22:00:03.000,1306.25,1\n");

        ReplayReport report = replay.replay(file, 10.0, pipeline());

        // 3 s of market time at 10x: at least 300 ms of wall time.
        assertThat(report.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(290));
    }
}
