package com.alphacast.worker.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.config.SettingsLoader;
import com.alphacast.aws.config.StrategyProfilesLoader;
import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.calendar.Exchange;
import com.alphacast.core.calendar.ShippedCalendars;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.options.activity.UnusualOptionsActivity;
import com.alphacast.core.options.gex.GammaExposure;
import com.alphacast.core.options.gex.GexConvention;
import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.core.settings.InstrumentSettings;
import com.alphacast.core.settings.WorkerSettings;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.state.ChainAnalytics;
import com.alphacast.core.strategy.RejectedSignal;
import com.alphacast.core.strategy.StrategyCatalog;
import com.alphacast.core.strategy.StrategyProfile;
import com.alphacast.core.volatility.VolatilityRegime;
import com.alphacast.worker.ReplaySession;
import com.alphacast.worker.WorkerEnvironment;
import com.alphacast.worker.io.OutboundWrites;
import com.alphacast.worker.io.SignalOutlet;
import com.alphacast.worker.io.SnapshotStore;
import com.alphacast.worker.pipeline.InstrumentDesks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplaySessionTest {

    private static final Path ROOT = Path.of(System.getProperty("alphacast.project.root", ".."));
    private static final ChainAnalytics CHAINS =
            new ChainAnalytics(new GammaExposure(GexConvention.DEFAULT), UnusualOptionsActivity.DEFAULT);
    private static final StrategyCatalog CATALOG = new StrategyCatalog(new ShippedCalendars().calendar(Exchange.XCME),
            new GammaExposure(GexConvention.DEFAULT));

    /** Everything the I/O thread wrote, in order. */
    private final List<Object> written = Collections.synchronizedList(new ArrayList<>());

    private static AlphacastSettings demo() {
        return new SettingsLoader(java.util.Optional.of(ROOT.resolve("config"))).load("demo");
    }

    private static AlphacastSettings withWorker(AlphacastSettings s, WorkerSettings worker) {
        return new AlphacastSettings(s.profile(), s.source(), s.market(), s.replay(), s.volumeSpike(), s.risk(),
                s.broker(), s.distribution(), s.subscriptions(), worker);
    }

    private ReplaySession session(AlphacastSettings settings, OutboundWrites writes) {
        return new ReplaySession(settings, new WorkerEnvironment(Map.of("ALPHACAST_HOME", ROOT.toString())), writes,
                CHAINS, new InstrumentDesks(settings, java.util.Optional.empty(), CATALOG));
    }

    private OutboundWrites recordingWrites(int capacity, long pauseMillisPerBatch) {
        SnapshotStore snapshots = batch -> {
            pause(pauseMillisPerBatch);
            written.addAll(batch);
        };
        SignalOutlet signals = written::addAll;
        return new OutboundWrites(capacity, 100, 1, snapshots, signals, written::addAll, written::addAll);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void replaysTheDemoSessionIntoSnapshotsThatCarryTheAnalyticsAndSignalsAfterTheirSnapshot() {
        ReplayReport report;
        try (OutboundWrites writes = recordingWrites(4096, 0)) {
            report = session(demo(), writes).run(Double.POSITIVE_INFINITY);
        }

        assertThat(report.events()).isEqualTo(11_101);
        assertThat(report.malformedLines()).isZero();
        assertThat(report.bars()).isEqualTo(50);
        assertThat(report.signals()).isEqualTo(3);
        assertThat(report.io().snapshotsWritten()).isEqualTo(50);
        assertThat(report.io().signalsSent()).isEqualTo(3);
        assertThat(report.io().snapshotsDropped()).isZero();
        List<MarketSnapshot> snapshots = written.stream().filter(MarketSnapshot.class::isInstance)
                .map(MarketSnapshot.class::cast).toList();
        MarketSnapshot last = snapshots.get(snapshots.size() - 1);
        assertThat(last.analytics().vpin()).isBetween(0.0, 1.0);
        assertThat(last.analytics().regime()).isNotEqualTo(VolatilityRegime.UNKNOWN);
        assertThat(last.analytics().realizedVolatility()).isPositive();
        assertThat(snapshots.subList(0, 49)).allSatisfy(s -> assertThat(s.analytics().health()).isEqualTo(FeedHealth.LIVE));
        // the open bar is closed after the file ended: the feed is gone, so no strategy may act on it
        assertThat(last.analytics().health()).isEqualTo(FeedHealth.DISCONNECTED);
        // each signal comes after the snapshot of the bar that triggered it: the broker can always fill
        for (int i = 0; i < written.size(); i++) {
            if (written.get(i) instanceof Signal signal) {
                assertThat(written.subList(0, i)).anySatisfy(o -> assertThat(o).isInstanceOfSatisfying(
                        MarketSnapshot.class, s -> assertThat(s.bar().end()).isEqualTo(signal.marketTime())));
            }
        }
    }

    @Test
    void withTheTechnicalProfileInstitutionalFlowTradesBesideTheVolumeSpikeAndARepeatIsHeldBack() {
        AlphacastSettings settings = demo();
        StrategyProfile technical = new StrategyProfilesLoader().load(
                Map.of(SettingsLoader.CONFIG_DIR_VARIABLE, ROOT.resolve("config").toString()), "technical");
        ReplayReport report;
        try (OutboundWrites writes = recordingWrites(4096, 0)) {
            report = new ReplaySession(settings, new WorkerEnvironment(Map.of("ALPHACAST_HOME", ROOT.toString())),
                    writes, CHAINS, new InstrumentDesks(settings, java.util.Optional.of(technical), CATALOG))
                    .run(Double.POSITIVE_INFINITY);
        }

        List<Signal> signals = written.stream().filter(Signal.class::isInstance).map(Signal.class::cast).toList();
        // the 22:31 UTC bar (z 3.5, body -0.13%, 31 minutes into the CME session) is institutional selling; the
        // volume spike's own SHORT on it repeats its 22:29 SHORT inside the 30-minute window and is held back
        assertThat(signals).extracting(s -> s.strategy() + " " + s.direction() + " " + s.marketTime())
                .containsExactly("volume-spike SHORT 2011-07-31T22:29:00Z",
                        "institutional-flow SHORT 2011-07-31T22:31:00Z",
                        "volume-spike LONG 2011-07-31T22:38:00Z");
        assertThat(report.signals()).isEqualTo(3);
        assertThat(report.heldBack()).isEqualTo(1);
        assertThat(report.io().rejectionsWritten()).isEqualTo(1);
        assertThat(written).filteredOn(RejectedSignal.class::isInstance).map(RejectedSignal.class::cast)
                .singleElement().satisfies(r -> {
                    assertThat(r.signal().id()).isEqualTo("volume-spike:ESU1:2011-07-31T22:31:00Z");
                    assertThat(r.winnerId()).isEqualTo("volume-spike:ESU1:2011-07-31T22:29:00Z");
                    assertThat(r.reason()).contains("repeats its SHORT on ES within PT30M");
                });
    }

    @Test
    void aSlowStoreNeverDelaysTheAnalyticsSnapshotsAreDroppedAndCountedSignalsAreNot() {
        ReplayReport report;
        try (OutboundWrites writes = recordingWrites(2, 300)) {
            report = session(demo(), writes).run(Double.POSITIVE_INFINITY);
        }

        // 50 bars each written in its own 300 ms call would take 15 s on the feed thread
        assertThat(report.feedElapsed()).isLessThan(Duration.ofSeconds(3));
        assertThat(report.bars()).isEqualTo(50);
        assertThat(report.io().snapshotsDropped()).isPositive();
        assertThat(report.io().maxQueueDepth()).isEqualTo(2);
        assertThat(report.io().snapshotsWritten() + report.io().snapshotsDropped()).isEqualTo(50);
        assertThat(report.io().signalsSent()).isEqualTo(3);
        assertThat(written.stream().filter(Signal.class::isInstance)).hasSize(3);
    }

    @Test
    void aFailingStoreIsRetriedThenCountedAndTheReplayStillEnds() {
        SnapshotStore broken = batch -> {
            throw new IllegalStateException("DynamoDB unavailable");
        };
        ReplayReport report;
        try (OutboundWrites writes = new OutboundWrites(4096, 100, 1, broken, written::addAll, written::addAll,
                written::addAll)) {
            report = session(demo(), writes).run(Double.POSITIVE_INFINITY);
        }
        assertThat(report.io().failedWrites()).isEqualTo(50);
        assertThat(report.io().lastFailure()).contains("DynamoDB unavailable");
        assertThat(report.io().signalsSent()).isEqualTo(3);
    }

    @Test
    void replaysADatabentoTradesFileIntoTheEsInstrumentItsContractBelongsTo() {
        Path dbn = ROOT.resolve("testdata/databento/GLBX.MDP3_ESH1_2020-12-28.trades.dbn.zst");
        assertThat(RecordingFormat.of(dbn)).isEqualTo(RecordingFormat.DATABENTO_DBN);
        ReplayReport report;
        try (OutboundWrites writes = recordingWrites(64, 0)) {
            // the demo profile's ES (instrument ESU1) takes ESH1 by its futures root
            report = session(demo(), writes).run(dbn, Double.POSITIVE_INFINITY);
        }
        assertThat(report.events()).isEqualTo(4);
        assertThat(report.malformedLines()).isZero();
        assertThat(report.bars()).isEqualTo(1);
        List<MarketSnapshot> snapshots = written.stream().filter(MarketSnapshot.class::isInstance)
                .map(MarketSnapshot.class::cast).toList();
        assertThat(snapshots).singleElement().satisfies(s -> {
            assertThat(s.bar().symbol()).isEqualTo("ES");
            assertThat(s.bar().volume()).isEqualTo(4);
            assertThat(s.bar().close()).isEqualTo(3702.75);
        });
    }

    @Test
    void aCorruptDatabentoFileStopsTheReplayNamingFileAndOffset(@TempDir Path dir) throws Exception {
        byte[] whole;
        try (var in = new com.github.luben.zstd.ZstdInputStream(Files.newInputStream(
                ROOT.resolve("testdata/databento/GLBX.MDP3_ESH1_2020-12-28.trades.dbn.zst")))) {
            whole = in.readAllBytes();
        }
        Path cut = dir.resolve("cut.dbn");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 10));
        try (OutboundWrites writes = recordingWrites(64, 0)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> session(demo(), writes).run(cut, Double.POSITIVE_INFINITY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(cut + " at byte 504: truncated");
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

        ReplayReport report;
        try (OutboundWrites writes = recordingWrites(64, 0)) {
            report = session(demo(), writes).run(file, Double.POSITIVE_INFINITY);
        }

        assertThat(report.events()).isEqualTo(2);
        assertThat(report.malformedLines()).isEqualTo(4);
        assertThat(report.malformed().get(0)).contains("trades.csv:3:").contains("price");
        assertThat(report.malformed().get(1)).contains("trades.csv:4:");
        assertThat(report.malformed().get(2)).contains("trades.csv:5:");
        assertThat(report.malformed().get(3)).contains("trades.csv:6:").contains("size");
        assertThat(report.bars()).isEqualTo(2);
    }

    @Test
    void pacesAReplayAtTheRequestedMultipleOfRealTime(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trades.csv");
        Files.writeString(file, "Date and Time,Price,Volume\n2011/07/31 22:00:00.000,1306.0,2\n"
                + "2011/07/31 22:00:03.000,1306.25,1\n");

        ReplayReport report;
        try (OutboundWrites writes = recordingWrites(64, 0)) {
            report = session(demo(), writes).run(file, 10.0);
        }

        // 3 s of market time at 10x: at least 300 ms of wall time.
        assertThat(report.feedElapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(290));
    }

    @Test
    void aBinanceCaptureReplaysThroughTheSynchronisedBookIntoSnapshotsWithBookMeasures(@TempDir Path dir)
            throws Exception {
        // the stream and its REST snapshots in one capture, as the live path receives them
        Path capture = dir.resolve("spot.capture");
        Files.writeString(capture, Files.readString(ROOT.resolve("testdata/orderbook/binance_spot_stream.capture"))
                + Files.readString(ROOT.resolve("testdata/orderbook/binance_spot_depth_snapshots.capture")));
        List<InstrumentSettings> instruments = new ArrayList<>();
        for (String symbol : List.of("NKNUSDT", "BLZETH", "LRCBTC", "RUNEEUR")) {
            instruments.add(new InstrumentSettings(symbol, symbol, 1e-8, 1e-8, List.of("binance-spot"),
                    DepthProtocol.SPOT, 21, 0.01, 1000, 50, 30, 365 * 1440, 0.3, 0.8, false));
        }
        ReplayReport report;
        try (OutboundWrites writes = recordingWrites(64, 0)) {
            report = session(withWorker(demo(), new WorkerSettings(instruments, 64, 30)), writes)
                    .run(capture, Double.POSITIVE_INFINITY);
        }

        assertThat(report.events()).isGreaterThan(150);
        List<MarketSnapshot> snapshots = written.stream().filter(MarketSnapshot.class::isInstance)
                .map(MarketSnapshot.class::cast).toList();
        assertThat(snapshots).isNotEmpty().allSatisfy(s -> {
            assertThat(s.analytics().orderBookImbalance()).isBetween(-1.0, 1.0);
            assertThat(s.analytics().spread()).isPositive();
            assertThat(s.analytics().microprice()).isPositive();
        });
    }
}
