package com.alphacast.feeds.replay;

import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.book.DepthSnapshot;
import com.alphacast.core.book.DepthUpdate;
import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.fixtures.TestData;
import com.alphacast.core.market.Bar;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.marketdata.MarketEventListener;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.activity.UnusualOptionsActivity;
import com.alphacast.core.options.gex.GammaExposure;
import com.alphacast.core.options.gex.GexConvention;
import com.alphacast.core.settings.InstrumentSettings;
import com.alphacast.core.settings.VolumeSpikeSettings;
import com.alphacast.core.settings.WorkerSettings;
import com.alphacast.core.state.ChainAnalytics;
import com.alphacast.core.state.MarketState;
import com.alphacast.feeds.databento.DbnFormatException;
import com.alphacast.feeds.fixtures.RecordingListener;
import com.alphacast.feeds.quality.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DbnReplayTest {

    private static Path sample(String schema) {
        return TestData.file("databento/GLBX.MDP3_ESH1_2020-12-28." + schema + ".dbn.zst");
    }

    private static Events replay(String schema) throws InterruptedException {
        Events events = new Events();
        DbnReplay replay = new DbnReplay("dbn", sample(schema), ReplaySpeed.MAX);
        replay.start(events);
        assertThat(replay.awaitEnd(Duration.ofSeconds(30))).isTrue();
        assertThat(replay.failure()).isNull();
        return events;
    }

    @Test
    void tradesBecomeTradesOfTheMappedSymbolWithAggressorAndExchangeTime() throws InterruptedException {
        Events events = replay("trades");
        assertThat(events.log).containsExactly(
                "health ESH1 LIVE",
                "trade ESH1 1609113600246507011 145885 3702.75 x1 BUY",
                "trade ESH1 1609113600338778645 145903 3702.75 x1 BUY",
                "trade ESH1 1609113600350718341 145914 3702.5 x1 SELL",
                "trade ESH1 1609113600721335895 145934 3702.75 x1 BUY",
                "health ESH1 DISCONNECTED");
    }

    @Test
    void tbboGivesTheBookTheTradeMetThenTheTrade() throws InterruptedException {
        Events events = replay("tbbo");
        assertThat(events.log).hasSize(10);
        assertThat(events.log.subList(1, 3)).containsExactly(
                "top ESH1 1609113600246507011 3702.5 x8 / 3702.75 x8",
                "trade ESH1 1609113600246507011 145885 3702.75 x1 BUY");
    }

    @Test
    void mbp1GivesTopOfBookOnly() throws InterruptedException {
        Events events = replay("mbp-1");
        assertThat(events.log).containsExactly(
                "health ESH1 LIVE",
                "top ESH1 1609113600005871213 3702.25 x19 / 3702.75 x13",
                "top ESH1 1609113600062570311 3702.25 x20 / 3702.75 x13",
                "top ESH1 1609113600076022275 3702.25 x20 / 3702.75 x14",
                "top ESH1 1609113600076339855 3702.25 x21 / 3702.75 x14",
                "health ESH1 DISCONNECTED");
    }

    @Test
    void mbp10GivesTenLevelDepthSnapshots() throws InterruptedException {
        Events events = replay("mbp-10");
        assertThat(events.log).hasSize(6);
        assertThat(events.log.get(1)).startsWith("snapshot ESH1 145805 10 bids 3702.25 x19 10 asks 3702.75 x13")
                .endsWith("last 3700.0 x38 / 3705.0 x35");
    }

    @Test
    void mboAddsAreNoTradesAndDefinitionsAndBarsNoEvents() throws InterruptedException {
        // the MBO sample holds four book-snapshot adds (action A): no trade among them
        assertThat(replay("mbo").log).containsExactly("health ESH1 LIVE", "health ESH1 DISCONNECTED");
        assertThat(replay("definition").log).isEmpty();
        assertThat(replay("ohlcv-1m").log).isEmpty();
    }

    @Test
    void theTradesFileReplayedIntoMarketStateMakesOneBarOfFourTrades() throws InterruptedException {
        List<Bar> bars = new ArrayList<>();
        InstrumentSettings esh1 = new InstrumentSettings("ESH1", "ESH1", 0.25, 50, List.of("replay"),
                DepthProtocol.SPOT, 21, 0.01, 500, 50, 5, 252 * 390, 0.10, 0.25, false);
        MarketState state = new MarketState(new WorkerSettings(List.of(esh1), 16, 30),
                new VolumeSpikeSettings(60, 10, 2.0, 1.5, 2, 6, 2.0, 1, 1),
                new ChainAnalytics(new GammaExposure(GexConvention.DEFAULT), UnusualOptionsActivity.DEFAULT),
                (view, nanos) -> bars.add(view.lastBar()));
        DbnReplay replay = new DbnReplay("dbn", sample("trades"), ReplaySpeed.MAX);
        replay.start(state);
        assertThat(replay.awaitEnd(Duration.ofSeconds(30))).isTrue();
        state.finish(0);

        assertThat(state.unknownInstrumentEvents()).isZero();
        assertThat(bars).singleElement().satisfies(bar -> {
            assertThat(bar.trades()).isEqualTo(4);
            assertThat(bar.volume()).isEqualTo(4);
            assertThat(new double[]{bar.open(), bar.high(), bar.low(), bar.close()})
                    .containsExactly(3702.75, 3702.75, 3702.5, 3702.75);
        });
    }

    @Test
    void carriesTheNameTheConsumerKnowsTheRawSymbolBy() throws InterruptedException {
        Events events = new Events();
        DbnReplay replay = new DbnReplay("dbn", sample("trades"), ReplaySpeed.MAX,
                raw -> raw.equals("ESH1") ? "ES" : raw);
        replay.start(events);
        assertThat(replay.awaitEnd(Duration.ofSeconds(30))).isTrue();
        assertThat(events.log).hasSize(6).first().isEqualTo("health ES LIVE");
        assertThat(events.log.get(1)).startsWith("trade ES 1609113600246507011");
    }

    @Test
    void pacesAtTheRecordedRateTimesTheSpeed() throws InterruptedException {
        // the trades sample spans 475 ms of ts_recv: at 1x it cannot end sooner
        DbnReplay replay = new DbnReplay("dbn", sample("trades"), new ReplaySpeed(1));
        long start = System.nanoTime();
        replay.start(new RecordingListener(DepthProtocol.SPOT));
        assertThat(replay.awaitEnd(Duration.ofSeconds(30))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(470));
    }

    @Test
    void aCorruptFileStopsTheReplayNamingFileAndOffsetAndDisconnects(@TempDir Path dir)
            throws IOException, InterruptedException {
        byte[] whole;
        try (var in = new com.github.luben.zstd.ZstdInputStream(Files.newInputStream(sample("trades")))) {
            whole = in.readAllBytes();
        }
        Path cut = dir.resolve("cut.dbn");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 10));
        Events events = new Events();
        DbnReplay replay = new DbnReplay("dbn", cut, ReplaySpeed.MAX);
        replay.start(events);
        assertThat(replay.awaitEnd(Duration.ofSeconds(30))).isTrue();

        assertThat(replay.failure()).isInstanceOf(DbnFormatException.class)
                .hasMessageContaining(cut + " at byte 504");
        assertThat(replay.quality().count(InputProblem.MALFORMED_FRAME)).isEqualTo(1);
        assertThat(events.log).filteredOn(line -> line.startsWith("trade")).hasSize(3);
        assertThat(events.log.get(events.log.size() - 1)).isEqualTo("health ESH1 DISCONNECTED");
    }

    /** Every call as one line, in order. */
    private static final class Events implements MarketEventListener {
        final List<String> log = new ArrayList<>();

        @Override
        public synchronized void onTrade(String instrument, long exchangeNanos, long receiveNanos, long tradeId,
                                         double price, double size, Aggressor aggressor) {
            log.add("trade " + instrument + " " + exchangeNanos + " " + tradeId + " " + price + " x" + (long) size
                    + " " + aggressor);
        }

        @Override
        public synchronized void onTopOfBook(String instrument, long exchangeNanos, long receiveNanos,
                                             double bidPrice, double bidSize, double askPrice, double askSize) {
            log.add("top " + instrument + " " + exchangeNanos + " " + bidPrice + " x" + (long) bidSize + " / "
                    + askPrice + " x" + (long) askSize);
        }

        @Override
        public synchronized void onDepthUpdate(String instrument, long exchangeNanos, long receiveNanos,
                                               DepthUpdate update) {
            log.add("update " + instrument);
        }

        @Override
        public synchronized void onDepthSnapshot(String instrument, long receiveNanos, DepthSnapshot s) {
            int b = s.bidPrices().length - 1;
            int a = s.askPrices().length - 1;
            log.add("snapshot " + instrument + " " + s.lastUpdateId() + " " + s.bidPrices().length + " bids "
                    + s.bidPrices()[0] + " x" + (long) s.bidQuantities()[0] + " " + s.askPrices().length + " asks "
                    + s.askPrices()[0] + " x" + (long) s.askQuantities()[0] + " last " + s.bidPrices()[b] + " x"
                    + (long) s.bidQuantities()[b] + " / " + s.askPrices()[a] + " x" + (long) s.askQuantities()[a]);
        }

        @Override
        public synchronized void onOptionChain(String underlying, long exchangeNanos, long receiveNanos,
                                               OptionChain chain) {
            log.add("chain " + underlying);
        }

        @Override
        public synchronized void onFeedHealth(String source, String instrument, FeedHealth health, long receiveNanos,
                                              String reason) {
            log.add("health " + instrument + " " + health);
        }
    }
}
